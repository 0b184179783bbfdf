//! Compiles the data files into Rust constants (`$OUT_DIR/dataset.rs`), so the model reads its
//! data without parsing JSON at run time; a broken data file stops the build with a message naming the problem.
//! Compiles the English texts (`i18n/en.json`) into the message list (`$OUT_DIR/messages.rs`: the
//! `Msg` enum, one variant per key in key order, and the English forms), so a missing or misspelt
//! key is a compile error and an English reader's page needs no file of texts.

#[path = "src/dataset_source.rs"]
mod dataset_source;

/// Each data file with the constant it becomes.
const FILES: [(&str, &str); 2] = [
    ("data/base-2025.json", "DATASET"),
    ("data/hindcast-2020.json", "HINDCAST_DATASET"),
];

fn main() {
    println!("cargo:rerun-if-changed=src/dataset_source.rs");
    println!("cargo:rerun-if-changed=i18n");
    let mut rust = String::new();
    for (file, name) in FILES {
        println!("cargo:rerun-if-changed={file}");
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) => fail(&format!("cannot read {file}: {error}")),
        };
        let checked = match dataset_source::check(&text) {
            Ok(checked) => checked,
            Err(error) => fail(&format!("{file} is invalid: {error}")),
        };
        rust.push_str(&dataset_source::to_rust(&checked, name, file));
    }
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("cargo did not set OUT_DIR"));
    let path = std::path::Path::new(&out_dir).join("dataset.rs");
    if let Err(error) = std::fs::write(&path, rust) {
        fail(&format!("cannot write {}: {error}", path.display()));
    }
    let messages = std::path::Path::new(&out_dir).join("messages.rs");
    if let Err(error) = std::fs::write(&messages, messages_rust("i18n/en.json")) {
        fail(&format!("cannot write {}: {error}", messages.display()));
    }
}

/// The `Msg` enum and `ENGLISH` table from the English texts: keys of lower-case letters, digits,
/// dots, dashes and underscores, in byte order (the order the page's other languages are shipped in,
/// see scripts/post_build.py); a value is a text, or a plural's `one` and `other` texts.
fn messages_rust(file: &str) -> String {
    println!("cargo:rerun-if-changed={file}");
    let text = std::fs::read_to_string(file)
        .unwrap_or_else(|error| fail(&format!("cannot read {file}: {error}")));
    let value: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|error| fail(&format!("{file} is not valid JSON: {error}")));
    let Some(messages) = value.as_object() else {
        fail(&format!("{file} must be one JSON object of key: text"));
    };
    let mut variants = String::new();
    let mut english = String::new();
    let mut keys = String::new();
    let mut ends = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    let mut names_table = String::new();
    // Texts outside the WebAssembly: `static.*` are parts of index.html, which holds their English
    // (the page's script puts the other languages' in place, www/pwa.js); `claims.*`,
    // `track-record.*` and `manifest.*` are written into static files at build time (the all-claims
    // pages, the track record's translations, the manifests). The page carries none of them.
    for (key, value) in messages
        .iter()
        .filter(|(key, _)| !OUTSIDE_WASM.iter().any(|prefix| key.starts_with(prefix)))
    {
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        {
            fail(&format!(
                "{file}: key '{key}' must be lower-case letters, digits, '.', '-' and '_'"
            ));
        }
        let name: String = key
            .split(['.', '-', '_'])
            .filter(|part| !part.is_empty())
            .map(|part| part[..1].to_ascii_uppercase() + &part[1..])
            .collect();
        if !names.insert(name.clone()) || name.starts_with(|c: char| c.is_ascii_digit()) {
            fail(&format!("{file}: key '{key}' gives the name {name}, which another key gives or which starts with a digit"));
        }
        let forms = match value {
            serde_json::Value::String(text) => vec![text.clone()],
            serde_json::Value::Object(plural) if plural.len() == 2 => ["one", "other"]
                .iter()
                .map(|form| match plural.get(*form) {
                    Some(serde_json::Value::String(text)) => text.clone(),
                    _ => fail(&format!(
                        "{file}: the plural '{key}' needs texts for one and other"
                    )),
                })
                .collect(),
            _ => fail(&format!(
                "{file}: '{key}' must be a text or a plural of one and other"
            )),
        };
        // Values are passed by position: each `{name}` becomes `{i}`, its place among the
        // text's names in the order they first appear (the order `tr!` is given them in).
        let mut value_names: Vec<String> = Vec::new();
        for form in &forms {
            for name in placeholder_names(form) {
                if !value_names.contains(&name) {
                    value_names.push(name);
                }
            }
        }
        if value_names.len() > 10 {
            fail(&format!("{file}: '{key}' has more than ten values"));
        }
        let forms: Vec<String> = forms
            .iter()
            .map(|form| positional(form, &value_names))
            .collect();
        names_table.push_str(&format!("    &{value_names:?},\n"));
        variants.push_str(&format!("    /// {key}\n    {name},\n"));
        keys.push_str(&format!("    {key:?},\n"));
        if forms.iter().any(|form| form.contains('\u{1f}')) {
            fail(&format!(
                "{file}: '{key}' holds the character U+001F, which separates a plural's forms"
            ));
        }
        if forms.iter().any(|form| form.contains('\0')) {
            fail(&format!(
                "{file}: '{key}' holds the character U+0000, which separates the texts"
            ));
        }
        if !ends.is_empty() {
            english.push('\0');
        }
        english.push_str(&forms.join("\u{1f}"));
        ends.push(english.len());
    }
    format!(
        "/// A text of the page, named after its key in `i18n/en.json`.\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Msg {{\n{variants}}}\n\n/// Every English text in [`Msg`]'s order, separated by U+0000 (a plural's one and other forms\n/// by U+001F).\n#[allow(clippy::octal_escapes)]\nconst ENGLISH_TEXT: &str = {english:?};\n\n/// How many messages there are.\nconst MESSAGES: usize = {count};\n\n/// Each text's value names in the order `tr!` passes them (their first appearance in the\n/// English); read only when the page is compiled.\nconst NAMES: [&[&str]; MESSAGES] = [\n{names_table}];\n\n/// Each message's key in `i18n/*.json`, in [`Msg`]'s order, for the pages written at build time,\n/// which read the keyed files (the page's WebAssembly refers to none, so it carries none).\npub const KEYS: [&str; MESSAGES] = [\n{keys}];\n",
        count = ends.len()
    )
}

/// Key prefixes of texts that are not [`Msg`]s (see `messages_rust`); scripts/post_build.py's
/// `OUTSIDE_WASM` must list the same (tests/i18n.rs checks).
const OUTSIDE_WASM: [&str; 4] = ["static.", "claims.", "track-record.", "manifest."];

/// The names in a text's braces, `{share}`, in order (a brace around anything but letters,
/// digits and `_` is text).
fn placeholder_names(text: &str) -> Vec<String> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .filter(|name| is_name(name))
        .map(str::to_string)
        .collect()
}

fn is_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `text` with each `{name}` of `names` written as `{i}`, its index.
fn positional(text: &str, names: &[String]) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
        if let Some((name, _)) = rest.split_once('}') {
            if let Some(index) = names.iter().position(|known| known == name) {
                out.push_str(&index.to_string());
                rest = &rest[name.len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
