//! The inline syntaxes of pymdown-extensions that work on a page's text after pulldown-cmark
//! has parsed it (so code spans, links and raw HTML are already set apart): marks in pairs
//! ([`delimiters`]: pymdownx.caret, .tilde and .mark), [`magiclink`] and, last,
//! [`smartsymbols`]. Each runs only when the site turns it on and costs one scan of the text
//! events on a page without its characters.

pub mod delimiters;
pub mod emoji;
pub mod escapeall;
pub mod keys;
mod keys_table;
pub mod magiclink;
mod magiclink_repos;
pub mod smartsymbols;

use pulldown_cmark::Event;

use delimiters::Marks;

/// Which inline syntaxes a site has, with their options.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Syntax {
    /// `==mark==` (pymdownx.mark).
    pub mark: bool,
    /// `^^ins^^` and `^sup^` (pymdownx.caret).
    pub caret: Option<Pair>,
    /// `~~del~~` and `~sub~` (pymdownx.tilde).
    pub tilde: Option<Pair>,
    /// Plain URLs, e-mail addresses and repository shorthands as links (pymdownx.magiclink).
    pub magiclink: Option<magiclink::Options>,
    /// `++ctrl+alt+del++` keyboard keys (pymdownx.keys).
    pub keys: Option<keys::Options>,
    /// A backslash escapes any character (pymdownx.escapeall).
    pub escapeall: Option<escapeall::Options>,
    /// CriticMarkup edits (pymdownx.critic), read before the page is parsed: [`super::critic`].
    pub critic: Option<super::critic::Mode>,
    /// `:smile:` emoji and icon shortcodes (pymdownx.emoji).
    pub emoji: Option<emoji::Options>,
    /// pymdownx.betterem: `***a***` is `<em><strong>`, as in CommonMark (Python-Markdown
    /// alone makes it `<strong><em>`, see [`super::py_emphasis`]).
    pub betterem: bool,
    /// `(c)`, `-->`, `1/2`, `4th` and the like as symbols (pymdownx.smartsymbols).
    pub smartsymbols: Option<smartsymbols::Options>,
}

/// Which of its two tags a mark character makes (both by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Two marks around text: `insert` of caret, `delete` of tilde.
    pub double: bool,
    /// One mark around text: `superscript` of caret, `subscript` of tilde.
    pub single: bool,
}

impl Default for Pair {
    fn default() -> Self {
        Pair {
            double: true,
            single: true,
        }
    }
}

impl Syntax {
    /// Everything on, as an answerbook site has it.
    pub fn all() -> Self {
        Syntax {
            mark: true,
            caret: Some(Pair::default()),
            tilde: Some(Pair::default()),
            magiclink: None,
            keys: None,
            escapeall: None,
            critic: None,
            emoji: Some(emoji::Options::default()),
            betterem: false,
            smartsymbols: None,
        }
    }

    /// Characters that, escaped with a backslash, must stay text rather than open a syntax.
    pub fn escapable(&self, c: char) -> bool {
        match c {
            '=' => self.mark,
            '^' => self.caret.is_some(),
            '~' => self.tilde.is_some(),
            '#' | '!' | '?' | '@' => self.magiclink.is_some(),
            '+' => self.keys.is_some(),
            _ => false,
        }
    }

    fn marks(&self) -> Vec<Marks> {
        let mut marks = Vec::new();
        let pair = |ch, p: Option<Pair>, double, single| {
            p.map(|p| Marks {
                ch,
                double: p.double.then_some(double),
                single: p.single.then_some(single),
            })
        };
        marks.extend(pair('^', self.caret, "ins", "sup"));
        marks.extend(pair('~', self.tilde, "del", "sub"));
        if self.mark {
            marks.push(Marks {
                ch: '=',
                double: Some("mark"),
                single: None,
            });
        }
        marks
    }
}

/// Runs the inline syntaxes the site has over a page's events.
pub fn apply<'e>(events: Vec<Event<'e>>, syntax: &Syntax) -> Vec<Event<'e>> {
    let events = match &syntax.keys {
        Some(options) => keys::apply(events, options),
        None => events,
    };
    let events = match &syntax.magiclink {
        Some(options) => magiclink::apply(events, options),
        None => events,
    };
    let events = delimiters::apply(events, &syntax.marks());
    match &syntax.smartsymbols {
        Some(options) => smartsymbols::apply(events, options),
        None => events,
    }
}
