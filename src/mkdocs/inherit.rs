//! `INHERIT: parent.yml` in `mkdocs.yml`: the parent file (its path relative to the folder of
//! the file that names it) is read first and the child is laid over it as MkDocs does:
//! mappings are merged key by key, recursively, the child winning; any other value (a list
//! included) is replaced whole by the child's. Parents may inherit in turn; a missing parent
//! or a cycle is an error on the `INHERIT` line, never a build with other settings.
//!
//! Every key remembers the file it came from ([`Origins`]), so messages about a value name the
//! file it is written in.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::diagnostics::{Diagnostic, display_path};

use super::tree::{self, Node, Value};

/// The key MkDocs reads a parent configuration from.
const INHERIT: &str = "INHERIT";

/// Which file set each key, by dotted path (`theme.language`).
#[derive(Debug, Default)]
pub struct Origins {
    by_key: HashMap<String, PathBuf>,
}

impl Origins {
    /// The file that wrote `key` (or its nearest parent key), else `default`.
    pub fn of<'a>(&'a self, key: &str, default: &'a Path) -> &'a Path {
        let mut key = key;
        loop {
            if let Some(file) = self.by_key.get(key) {
                return file;
            }
            match key.rfind('.') {
                Some(i) => key = &key[..i],
                None => return default,
            }
        }
    }

    fn record(&mut self, node: &Node, prefix: &str, file: &Path) {
        for (key, value) in node.entries() {
            let path = if prefix.is_empty() {
                key.name.clone()
            } else {
                format!("{prefix}.{}", key.name)
            };
            self.record(value, &path, file);
            self.by_key.insert(path, file.to_path_buf());
        }
    }
}

/// A configuration with its parents merged in.
#[derive(Debug)]
pub struct Inherited {
    pub root: Node,
    pub origins: Origins,
}

/// Reads `dir/file` (`file` as messages name it) and the chain of files it inherits from.
pub fn read(dir: &Path, file: &Path, text: &str) -> Result<Inherited, Diagnostic> {
    let mut chain = Vec::new();
    read_chain(dir, file, text, &mut chain)
}

fn read_chain(
    dir: &Path,
    file: &Path,
    text: &str,
    chain: &mut Vec<PathBuf>,
) -> Result<Inherited, Diagnostic> {
    let mut root = tree::parse(text, file)?;
    chain.push(std::fs::canonicalize(dir.join(file)).unwrap_or_else(|_| dir.join(file)));
    let Some((line, parent)) = take_inherit(&mut root, file)? else {
        let mut origins = Origins::default();
        origins.record(&root, "", file);
        return Ok(Inherited { root, origins });
    };
    let parent_file = normalize(&file.parent().unwrap_or(Path::new("")).join(&parent));
    let shown = display_path(&parent_file);
    let on_disk = dir.join(&parent_file);
    let parent_text = std::fs::read_to_string(&on_disk).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "there is no such file".to_owned(),
            _ => e.to_string(),
        };
        Diagnostic::error(
            file,
            Some(line),
            format!("INHERIT: cannot read `{parent}` ({shown}): {why}"),
        )
    })?;
    let canonical = std::fs::canonicalize(&on_disk).unwrap_or_else(|_| on_disk.clone());
    if chain.contains(&canonical) {
        return Err(Diagnostic::error(
            file,
            Some(line),
            format!("INHERIT: `{parent}` ({shown}) inherits back from this file: a cycle"),
        ));
    }
    let mut inherited = read_chain(dir, &parent_file, &parent_text, chain)?;
    inherited.origins.record(&root, "", file);
    inherited.root = merge(inherited.root, root);
    Ok(inherited)
}

/// Removes `INHERIT` from a configuration's top level: its line and the path it names.
fn take_inherit(root: &mut Node, file: &Path) -> Result<Option<(usize, String)>, Diagnostic> {
    let Value::Map(entries) = &mut root.value else {
        return Ok(None);
    };
    let Some(i) = entries.iter().position(|(k, _)| k.name == INHERIT) else {
        return Ok(None);
    };
    let (key, value) = entries.remove(i);
    match value.as_str().map(str::trim).filter(|p| !p.is_empty()) {
        Some(path) => Ok(Some((key.line, path.to_owned()))),
        None => Err(Diagnostic::error(
            file,
            Some(key.line),
            "INHERIT must be the path of a parent configuration file, like `../base.yml`",
        )),
    }
}

/// `child` laid over `parent`: mappings merged key by key (recursively, the child's value
/// winning, the parent's key order kept), anything else replaced by the child's.
pub fn merge(parent: Node, child: Node) -> Node {
    match (parent.value, child.value) {
        (Value::Map(mut base), Value::Map(over)) => {
            for (key, value) in over {
                match base.iter().position(|(k, _)| k.name == key.name) {
                    Some(i) => {
                        let (_, old) = base.remove(i);
                        base.insert(i, (key, merge(old, value)));
                    }
                    None => base.push((key, value)),
                }
            }
            Node {
                value: Value::Map(base),
                tag: child.tag,
                line: child.line,
            }
        }
        (_, value) => Node {
            value,
            tag: child.tag,
            line: child.line,
        },
    }
}

/// `a/b/../c.yml` -> `a/c.yml`; leading `..` are kept.
fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(text: &str) -> Node {
        tree::parse(text, Path::new("x.yml")).unwrap()
    }

    #[test]
    fn mappings_merge_and_everything_else_is_replaced() {
        let parent = node(concat!(
            "site_name: Base\n",
            "theme:\n  name: material\n  language: de\n  palette: {primary: red, accent: blue}\n",
            "markdown_extensions: [admonition, toc]\n",
            "extra: {a: 1}\n",
        ));
        let child = node(concat!(
            "site_name: Child\n",
            "theme:\n  language: fr\n  palette: {accent: green}\n",
            "markdown_extensions: [footnotes]\n",
            "extra: [not, a, map]\n",
        ));
        let merged = merge(parent, child).to_json();
        assert_eq!(
            merged,
            serde_json::json!({
                "site_name": "Child",
                "theme": {"name": "material", "language": "fr",
                          "palette": {"primary": "red", "accent": "green"}},
                "markdown_extensions": ["footnotes"],
                "extra": ["not", "a", "map"],
            })
        );
    }

    #[test]
    fn paths_are_normalized() {
        assert_eq!(
            normalize(Path::new("sub/../base.yml")),
            Path::new("base.yml")
        );
        assert_eq!(
            normalize(Path::new("./../shared/./b.yml")),
            Path::new("../shared/b.yml")
        );
    }

    #[test]
    fn origins_fall_back_to_the_nearest_key() {
        let mut origins = Origins::default();
        origins.record(&node("theme:\n  language: de\n"), "", Path::new("base.yml"));
        origins.record(&node("theme:\n  name: x\n"), "", Path::new("mkdocs.yml"));
        let default = Path::new("mkdocs.yml");
        assert_eq!(origins.of("theme.language", default), Path::new("base.yml"));
        assert_eq!(origins.of("theme.name", default), Path::new("mkdocs.yml"));
        assert_eq!(
            origins.of("theme.custom_dir", default),
            Path::new("mkdocs.yml")
        );
        assert_eq!(origins.of("nav", default), default);
    }
}
