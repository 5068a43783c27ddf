//! The key names pymdownx.keys knows (a US English keyboard), the label each shows and the
//! other names it answers to: one entry a line, `name|Label|alias alias`. Letters, digits and
//! `f1`..`f24` are made by [`label`] rather than listed.

const TABLE: &str = "\
space|Space|spc
backslash|\\|
bar|||pipe
brace-left|{|open-brace
brace-right|}|close-bracket
bracket-left|[|open-bracket
bracket-right|]|close-brace
colon|:|
comma|,|
double-quote|\"|dblquote
equal|=|
exclam|!|exclamation
grave|`|grave-accent
greater|>|greater-than gt
less|<|less-than lt
minus|-|hyphen
period|.|
plus|+|
question|?|question-mark
semicolon|;|
single-quote|'|
slash|/|
tilde|~|
underscore|_|
arrow-up|Up|up
arrow-down|Down|down
arrow-left|Left|left
arrow-right|Right|right
page-up|Page Up|prior pg-up
page-down|Page Down|next page-dn pg-dn
home|Home|
end|End|
tab|Tab|tabulator
backspace|Backspace|back bksp
delete|Del|del
insert|Ins|ins
break|Break|cancel
caps-lock|Caps Lock|capital cplk
clear|Clear|clr
eject|Eject|
enter|Enter|return
escape|Esc|esc
help|Help|
print-screen|Print Screen|prtsc
scroll-lock|Scroll Lock|scroll
num-asterisk|Num *|multiply
num-clear|Num Clear|
num-delete|Num Del|num-del
num-equal|Num =|
num-lock|Num Lock|numlk numlock
num-minus|Num -|subtract
num-plus|Num +|add
num-separator|Num .|decimal separator
num-slash|Num /|divide
num-enter|Num Enter|
alt|Alt|
left-alt|Left Alt|lalt
right-alt|Right Alt|ralt
alt-graph|AltGr|altgr
command|Cmd|cmd
left-command|Left Cmd|lcommand lcmd left-cmd
right-command|Right Cmd|rcommand rcmd right-cmd
control|Ctrl|ctrl
left-control|Left Ctrl|lcontrol lctrl left-ctrl
right-control|Right Ctrl|rcontrol rctrl right-ctrl
function|Fn|fn
meta|Meta|
left-meta|Left Meta|lmeta
right-meta|Right Meta|rmeta
option|Option|opt
left-option|Left Option|loption lopt left-opt
right-option|Right Option|roption ropt right-opt
shift|Shift|
left-shift|Left Shift|lshift
right-shift|Right Shift|rshift
super|Super|
left-super|Left Super|lsuper
right-super|Right Super|rsuper
windows|Win|win
left-windows|Left Win|lwindows left-win lwin
right-windows|Right Win|rwindows right-win rwin
backtab|Back Tab|bktab
browser-back|Browser Back|
browser-favorites|Browser Favorites|favorites
browser-forward|Browser Forward|forward
browser-home|Browser Home|
browser-refresh|Browser Refresh|refresh
browser-search|Browser Search|search
browser-stop|Browser Stop|
copy|Copy|
context-menu|Menu|apps menu
mail|Mail|launch-mail
media|Media|launch-media
media-next-track|Next Track|next-track
media-pause|Pause|pause
media-play|Play|play
media-play-pause|Play/Pause|play-pause
media-prev-track|Previous Track|prev-track
media-stop|Stop|stop
print|Print|
reset|Reset|
select|Select|
sleep|Sleep|
volume-down|Volume Down|vol-down
volume-mute|Mute|mute
volume-up|Volume Up|vol-up
zoom|Zoom|
left-button|Left Button|lbutton
middle-button|Middle Button|mbutton
right-button|Right Button|rbutton
x-button1|X Button 1|xbutton1
x-button2|X Button 2|xbutton2
";

/// The key a name or alias stands for, and its label: `("control", "Ctrl")` for `ctrl`.
pub(super) fn lookup(name: &str) -> Option<(String, String)> {
    if let Some(label) = generated(name) {
        return Some((name.to_owned(), label));
    }
    TABLE.lines().find_map(|line| {
        // `bar`'s label is `|` itself: split from both ends.
        let (key, rest) = line.split_once('|')?;
        let (label, aliases) = rest.rsplit_once('|')?;
        (key == name || aliases.split(' ').any(|a| a == name))
            .then(|| (key.to_owned(), label.to_owned()))
    })
}

/// Letters (shown upper case), digits, `num0`..`num9` and `f1`..`f24`.
fn generated(name: &str) -> Option<String> {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphanumeric() => return Some(c.to_ascii_uppercase().into()),
        _ => {}
    }
    if let Some(d) = name.strip_prefix("num")
        && d.len() == 1
        && d.as_bytes()[0].is_ascii_digit()
    {
        return Some(format!("Num {d}"));
    }
    let n: u8 = name.strip_prefix('f')?.parse().ok()?;
    (1..=24)
        .contains(&n)
        .then(|| format!("F{n}"))
        .filter(|_| !name[1..].starts_with('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_find_their_key() {
        let found = |n: &str| lookup(n).map(|(k, l)| format!("{k}={l}"));
        assert_eq!(found("ctrl").as_deref(), Some("control=Ctrl"));
        assert_eq!(found("bar").as_deref(), Some("bar=|"));
        assert_eq!(found("pipe").as_deref(), Some("bar=|"));
        assert_eq!(found("backslash").as_deref(), Some("backslash=\\"));
        assert_eq!(found("s").as_deref(), Some("s=S"));
        assert_eq!(found("f12").as_deref(), Some("f12=F12"));
        assert_eq!(found("num7").as_deref(), Some("num7=Num 7"));
        assert_eq!(found("f25"), None);
        assert_eq!(found("bad"), None);
    }
}
