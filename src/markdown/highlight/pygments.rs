//! Pygments' short CSS classes for hl-lite's spans, for [`super`]: hl-lite names a few
//! generic kinds (keyword, string, function, ...); Pygments names finer token types, and
//! Material-style stylesheets colour those. Each kind is refined by language and by the text
//! itself (the quote a string opens with, the keyword before a name, lists of builtins), after
//! what Pygments' own lexers give the same code.

use hl_lite::{Kind, Lang};

use super::{Context, Tokens};

/// Emits one hl-lite span as Pygments-classed tokens.
pub(super) fn refine(
    lang: Lang,
    kind: Kind,
    text: &str,
    at: &Context<'_>,
    out: &mut Tokens<'_, '_>,
) {
    let prev = at.prev;
    if at.in_import() {
        match kind {
            Kind::Plain => return module_names(text, out),
            Kind::Operator if text == "." => return out.push(Some("nn"), text),
            Kind::Punctuation if text == "," => return out.push(Some("o"), text),
            _ => {}
        }
    }
    let class = match kind {
        Kind::Plain => return plain(lang, text, out),
        Kind::String if lang == Lang::Python => return python_string(text, at.line_start, out),
        Kind::Keyword => keyword(lang, text),
        Kind::String => string(lang, text),
        Kind::Comment => comment(lang, text),
        Kind::Number => number(text),
        Kind::Type => type_name(lang, text, prev),
        Kind::Function => return out.push(function(lang, text, prev), text),
        Kind::Attribute => match lang {
            Lang::Python => "nd",
            Lang::Rust => "cp",
            Lang::Bash => return out.push(None, text),
            _ => "na",
        },
        Kind::Property => match lang {
            Lang::Json | Lang::Yaml => "nt",
            Lang::Toml => "n",
            Lang::Css => "k",
            _ => "py",
        },
        Kind::Tag => match lang {
            Lang::Toml => "k",
            Lang::Css if text.starts_with('.') => "nc",
            Lang::Css if text.starts_with('#') => "nn",
            Lang::Css if text.starts_with(':') => "nd",
            _ => "nt",
        },
        Kind::Operator if matches!(lang, Lang::JavaScript | Lang::TypeScript) => {
            return js_operator(text, out);
        }
        Kind::Operator => "o",
        Kind::Punctuation if lang == Lang::Bash && text.starts_with('$') => "gp",
        Kind::Punctuation => "p",
        Kind::Constant => constant(lang, text),
        Kind::Variable => "nv",
    };
    out.push(Some(class), text);
}

/// A JavaScript or TypeScript operator: Pygments' lexers call `.`, `...` and `=>`
/// punctuation, and read `?.` as the operator `?` before the punctuation `.`.
fn js_operator(text: &str, out: &mut Tokens<'_, '_>) {
    match text {
        "." | "..." | "=>" => out.push(Some("p"), text),
        "?." => {
            out.push(Some("o"), "?");
            out.push(Some("p"), ".");
        }
        _ => out.push(Some("o"), text),
    }
}

/// Unclassified text: identifiers become names (`n`, `nx` in JavaScript) where Pygments names
/// them; white space and the rest stay outside any span.
pub(super) fn plain(lang: Lang, text: &str, out: &mut Tokens<'_, '_>) {
    let name = match lang {
        Lang::Python | Lang::Rust | Lang::Toml => "n",
        Lang::JavaScript | Lang::TypeScript => "nx",
        _ => return out.push(None, text),
    };
    let mut rest = text;
    while !rest.is_empty() {
        let ident = name_run(rest, true);
        if ident > 0 {
            let (word, tail) = rest.split_at(ident);
            let class = if lang == Lang::Python && word.as_bytes()[0].is_ascii_digit() {
                None
            } else {
                Some(name)
            };
            out.push(class, word);
            rest = tail;
        } else {
            let (gap, tail) = rest.split_at(name_run(rest, false));
            out.push(None, gap);
            rest = tail;
        }
    }
}

/// How long the run of characters at the start of `text` is that are name characters
/// (letters, digits, `_`, `$`) when `name`, or that are not when `!name`. ASCII bytes are
/// looked up in [`NAME_BYTES`]; only other characters are decoded.
pub(super) fn name_run(text: &str, name: bool) -> usize {
    let bytes = text.as_bytes();
    let want = u8::from(name);
    let mut i = 0;
    loop {
        let rest = bytes.get(i..).unwrap_or_default();
        let Some(stop) = rest
            .iter()
            .position(|&b| NAME_BYTES[usize::from(b)] != want)
        else {
            return bytes.len();
        };
        i += stop;
        if bytes[i].is_ascii() {
            return i;
        }
        let c = text
            .get(i..)
            .and_then(|t| t.chars().next())
            .unwrap_or_default();
        if c.is_alphanumeric() != name {
            return i;
        }
        i += c.len_utf8();
    }
}

/// For each byte: 1 for ASCII name characters (letters, digits, `_`, `$`), 2 for the bytes of
/// other characters (decoded to be told apart), 0 for the rest.
const NAME_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            2
        } else if byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'$' {
            1
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Text in the module names of a Python import: names `nn`, white space `w`, as Pygments.
fn module_names(text: &str, out: &mut Tokens<'_, '_>) {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let space = c.is_whitespace();
        let end = rest
            .find(|c: char| c.is_whitespace() != space)
            .unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        out.push(Some(if space { "w" } else { "nn" }), piece);
        rest = tail;
    }
}

fn keyword(lang: Lang, text: &str) -> &'static str {
    match (lang, text) {
        (Lang::Python, "import" | "from") => "kn",
        (Lang::Python, "and" | "or" | "not" | "in" | "is") => "ow",
        (Lang::Python, "True" | "False" | "None") => "kc",
        (Lang::JavaScript | Lang::TypeScript, "const" | "let" | "var" | "function" | "class")
        | (Lang::TypeScript, "interface" | "type" | "enum" | "namespace" | "declare") => "kd",
        (Lang::JavaScript | Lang::TypeScript, "typeof" | "instanceof" | "void" | "delete") => "ow",
        (_, "true" | "false" | "null" | "undefined") => "kc",
        (Lang::Rust, "let") => "kd",
        (Lang::Rust, "self" | "Self") => "bp",
        (Lang::Css, t) if t.starts_with('!') => "cp",
        // `<!DOCTYPE>`, and the `<?xml ...?>` declaration of an `xml` fence.
        (Lang::Html, t) if t.starts_with("<!") || t.starts_with("<?") => "cp",
        _ => "k",
    }
}

fn string(lang: Lang, text: &str) -> &'static str {
    match lang {
        Lang::Rust if text.starts_with('\'') || text.starts_with("b'") => "sc",
        Lang::Html if text.starts_with("<![CDATA[") => "cp",
        Lang::Rust | Lang::Html => "s",
        // A template literal is cut at each `${...}`: its pieces start with '`' or '}'.
        Lang::JavaScript | Lang::TypeScript if text.starts_with(['`', '}']) => "sb",
        Lang::JavaScript | Lang::TypeScript if text.starts_with('/') => "sr",
        Lang::Bash if text.starts_with("<<") => "s",
        // A double-quoted string is cut at each `$VAR`; the pieces after one start with text.
        Lang::Bash if !text.starts_with('\'') => "s2",
        _ => quoted(text.trim_start_matches(|c: char| c.is_ascii_alphabetic())),
    }
}

/// `s1` for single quotes, `s2` for double quotes, `s` for anything else.
fn quoted(text: &str) -> &'static str {
    match text.as_bytes().first() {
        Some(b'\'') => "s1",
        Some(b'"') => "s2",
        _ => "s",
    }
}

/// Python strings: the prefix (`f`, `rb`, ...) is `sa`; a string that opens a line with triple
/// quotes is a docstring (`sd`); otherwise `s1`/`s2` by quote.
fn python_string(text: &str, line_start: bool, out: &mut Tokens<'_, '_>) {
    let body_at = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let (prefix, body) = text.split_at(body_at);
    out.push(Some("sa"), prefix);
    let triple = body.starts_with("\"\"\"") || body.starts_with("'''");
    let class = if triple && prefix.is_empty() && line_start {
        "sd"
    } else {
        quoted(body)
    };
    out.push(Some(class), body);
}

fn comment(lang: Lang, text: &str) -> &'static str {
    if text.starts_with("#!") && lang != Lang::Yaml {
        return "ch";
    }
    match lang {
        Lang::Rust if text.starts_with("///") || text.starts_with("//!") => "sd",
        Lang::Html | Lang::Markdown => "c",
        _ if text.starts_with("/*") => "cm",
        _ => "c1",
    }
}

/// `mi`, `mf`, `mh`, `mo`, `mb` by the literal's shape; dates (TOML, YAML) are `ld`.
fn number(text: &str) -> &'static str {
    let t = text.as_bytes();
    let prefixed = |p: u8| t.len() > 2 && t[0] == b'0' && t[1].eq_ignore_ascii_case(&p);
    if prefixed(b'x') || t.first() == Some(&b'#') {
        "mh"
    } else if prefixed(b'o') {
        "mo"
    } else if prefixed(b'b') {
        "mb"
    } else if t.iter().skip(1).any(|&b| b == b'-' || b == b':') {
        "ld"
    } else if t.iter().any(|&b| b == b'.' || b == b'e' || b == b'E') {
        "mf"
    } else if t.iter().all(u8::is_ascii_digit) {
        "mi"
    } else {
        "m"
    }
}

fn type_name(lang: Lang, text: &str, prev: &str) -> &'static str {
    let declared = matches!(
        prev,
        "class" | "struct" | "enum" | "trait" | "union" | "interface" | "type"
    );
    match lang {
        _ if declared => "nc",
        Lang::Rust if listed(RUST_PRELUDE, text) => "nb",
        Lang::JavaScript | Lang::TypeScript if listed(JS_GLOBALS, text) => "nb",
        _ if text.starts_with(|c: char| c.is_ascii_lowercase()) => "kt",
        Lang::JavaScript | Lang::TypeScript => "nx",
        _ => "n",
    }
}

fn function(lang: Lang, text: &str, prev: &str) -> Option<&'static str> {
    Some(match lang {
        _ if text.ends_with('!') => "fm",
        // Pygments leaves commands that are not shell builtins as plain text.
        Lang::Bash if listed(BASH_BUILTINS, text) => "nb",
        Lang::Bash => return None,
        Lang::Python if listed(PYTHON_BUILTINS, text) => "nb",
        Lang::Python if text.starts_with("__") && text.ends_with("__") => "fm",
        Lang::Rust if listed(RUST_PRELUDE, text) => "nb",
        Lang::JavaScript | Lang::TypeScript if listed(JS_GLOBALS, text) => "nb",
        Lang::JavaScript | Lang::TypeScript => "nx",
        Lang::Css => "nb",
        _ if matches!(prev, "def" | "fn" | "function" | "func") => "nf",
        _ => "n",
    })
}

/// Whether `word` is in `list`, which is sorted (a test checks): a binary search.
pub(super) fn listed(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

fn constant(lang: Lang, text: &str) -> &'static str {
    match lang {
        Lang::Python if text == "self" || text == "cls" => "bp",
        Lang::Rust if text.starts_with('\'') => "nl",
        Lang::Html => "ni",
        Lang::Css if text.starts_with('#') => "mh",
        _ => "kc",
    }
}

// The lists are sorted for [`listed`].
#[rustfmt::skip]
pub(super) const PYTHON_BUILTINS: &[&str] = &[
    "abs", "all", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable",
    "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate",
    "eval", "exec", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr",
    "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list",
    "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow",
    "print", "property", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
    "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
];

#[rustfmt::skip]
pub(super) const BASH_BUILTINS: &[&str] = &[
    "alias", "bg", "bind", "break", "builtin", "caller", "cd", "command", "compgen", "complete",
    "continue", "declare", "dirs", "disown", "echo", "enable", "eval", "exec", "exit", "export",
    "false", "fc", "fg", "getopts", "hash", "help", "history", "jobs", "kill", "let", "local",
    "logout", "popd", "printf", "pushd", "pwd", "read", "readonly", "return", "set", "shift",
    "shopt", "source", "suspend", "test", "time", "times", "trap", "true", "type", "typeset",
    "ulimit", "umask", "unalias", "unset", "wait",
];

#[rustfmt::skip]
pub(super) const RUST_PRELUDE: &[&str] = &[
    "Box", "Err", "None", "Ok", "Option", "Result", "Some", "String", "ToOwned", "ToString", "Vec",
];

#[rustfmt::skip]
pub(super) const JS_GLOBALS: &[&str] = &[
    "Array", "Boolean", "Date", "Error", "JSON", "Map", "Math", "Number", "Object", "Promise",
    "Proxy", "Reflect", "RegExp", "Set", "String", "Symbol", "WeakMap", "WeakSet", "console",
    "document", "globalThis", "window",
];
