//! The one place answerbook reads the clock: `SOURCE_DATE_EPOCH` (seconds since 1970, the
//! reproducible-builds convention) when it is set, else the system time.

/// Now, or the moment `SOURCE_DATE_EPOCH` names.
pub fn now() -> jiff::Timestamp {
    from_epoch(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())
        .unwrap_or_else(jiff::Timestamp::now)
}

/// The moment a `SOURCE_DATE_EPOCH` value names, when it is a whole number of seconds.
fn from_epoch(value: Option<&str>) -> Option<jiff::Timestamp> {
    let seconds: i64 = value?.trim().parse().ok()?;
    jiff::Timestamp::from_second(seconds).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_date_epoch_is_read_as_seconds() {
        assert_eq!(
            from_epoch(Some("1700000000")).map(|t| t.to_string()),
            Some("2023-11-14T22:13:20Z".to_owned())
        );
        assert_eq!(from_epoch(Some("soon")), None);
        assert_eq!(from_epoch(None), None);
    }
}
