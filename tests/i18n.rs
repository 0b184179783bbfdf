//! The page's languages are complete: every text of `i18n/en.json` is in `i18n/ru.json` and
//! `i18n/zh.json`, with the same named values (`{share}`) and every plural form the language
//! needs, and no language has a text English lacks. A failure names each key and language.

use std::collections::BTreeSet;

fn read(lang: &str) -> serde_json::Map<String, serde_json::Value> {
    let path = format!("{}/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    match serde_json::from_str(&text) {
        Ok(serde_json::Value::Object(map)) => map,
        other => panic!("{path} must be one JSON object of key: text, not {other:?}"),
    }
}

/// The names in braces: "{share} of {stage}" has share and stage.
fn names(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect()
}

/// An HTML text's tags with their `id`, `for`, `href` and `class` attributes, sorted (so a
/// translation may reorder elements, as another word order needs, but not drop or add one; a link
/// may point to the language's own page, `claims.ru.html` for `claims.html`).
fn markup_skeleton(html: &str) -> Vec<String> {
    let mut tags: Vec<String> = html
        .split('<')
        .skip(1)
        .map(|tag| {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            let name = tag.split_whitespace().next().unwrap_or_default();
            let mut kept = vec![name.to_string()];
            for attribute in ["id", "for", "href", "class"] {
                let marker = format!(" {attribute}=\"");
                if let Some(start) = tag.find(&marker) {
                    let value = &tag[start + marker.len()..];
                    // A link may go to the page's own sibling in the language (claims.ru.html).
                    let value = value[..value.find('"').unwrap_or(0)]
                        .replace(".ru.html", ".html")
                        .replace(".zh.html", ".html");
                    kept.push(format!("{attribute}={value}"));
                }
            }
            kept.join(" ")
        })
        .collect();
    tags.sort();
    tags
}

/// A text's forms: one text, or a plural's forms by name.
fn forms(value: &serde_json::Value) -> Option<Vec<(String, String)>> {
    match value {
        serde_json::Value::String(text) => Some(vec![(String::new(), text.clone())]),
        serde_json::Value::Object(plural) => plural
            .iter()
            .map(|(form, text)| text.as_str().map(|text| (form.clone(), text.to_string())))
            .collect(),
        _ => None,
    }
}

#[test]
fn every_language_has_every_text() {
    let english = read("en");
    let mut problems = Vec::new();
    for (lang, plural_forms) in [
        ("ru", vec!["few", "many", "one", "other"]),
        ("zh", vec!["other"]),
    ] {
        let texts = read(lang);
        for (key, value) in &english {
            let Some(theirs) = texts.get(key) else {
                problems.push(format!("{lang}: missing '{key}'"));
                continue;
            };
            let (Some(ours), Some(theirs)) = (forms(value), forms(theirs)) else {
                problems.push(format!(
                    "{lang}: '{key}' must be a text or a plural of texts"
                ));
                continue;
            };
            let wanted: BTreeSet<String> = ours.iter().flat_map(|(_, text)| names(text)).collect();
            if ours.len() > 1 {
                let given: Vec<&str> = theirs.iter().map(|(form, _)| form.as_str()).collect();
                if given != plural_forms {
                    problems.push(format!("{lang}: the plural '{key}' needs the forms {plural_forms:?}, has {given:?}"));
                }
            } else if theirs.len() != 1 {
                problems.push(format!(
                    "{lang}: '{key}' is one text in English, not a plural"
                ));
            }
            // The page's own HTML, and a text written as markup (a table's head, a walk's
            // step), keeps its structure: the same element ids, labels' targets, links and tags
            // (the page finds its parts by id, and the glossary by its anchors).
            if key.starts_with("static.") || ours[0].1.contains('<') {
                let english = markup_skeleton(&ours[0].1);
                let translated = markup_skeleton(&theirs[0].1);
                if english != translated {
                    problems.push(format!(
                        "{lang}: '{key}' must keep the English's tags and attributes: {english:?}, has {translated:?}"
                    ));
                }
            }
            for (form, text) in &theirs {
                if text.trim().is_empty() {
                    problems.push(format!("{lang}: '{key}' {form} is empty"));
                }
                let given = names(text);
                // A plural's {n} may be left out where the word says the number ("один год").
                let missing: Vec<_> = wanted
                    .difference(&given)
                    .filter(|name| !(ours.len() > 1 && *name == "n"))
                    .collect();
                let extra: Vec<_> = given.difference(&wanted).collect();
                if !missing.is_empty() || !extra.is_empty() {
                    problems.push(format!(
                        "{lang}: '{key}' {form} lacks {missing:?} or has unknown {extra:?}"
                    ));
                }
            }
        }
        for key in texts.keys().filter(|key| !english.contains_key(*key)) {
            problems.push(format!(
                "{lang}: '{key}' is not a text of the page (not in en.json)"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The parts of index.html that the page's own HTML holds (not the WebAssembly): each element's
/// inner HTML is the English of `static.html.<id>`, and an element's `aria-label` that of
/// `static.label.<id>`. Russian and Chinese are shipped as `i18n/<lang>.static.json` (by
/// scripts/post_build.py) and put in place by www/pwa.js.
fn static_parts() -> Vec<(String, String)> {
    let mut parts: Vec<(String, String)> = [
        "skip-links",
        "tagline",
        "loading",
        "site-nav",
        "glossary",
        "sources-title",
        "sources-intro",
        "error-text",
        "reset-defaults",
        "update-text",
        "update-reload",
        // Generated in each language by tests/track_record_page.rs.
        "track-record",
        "sources-more",
        "sources-russia",
        "sources-market",
        // The CSV download's README (what the file and its columns are), read by the page at the
        // download (`provenance::CSV_README`).
        "csv-readme",
    ]
    .iter()
    .map(|id| (format!("static.html.{id}"), id.to_string()))
    .collect();
    parts.extend(ree_outlook::params::PARAMS.iter().map(|spec| {
        (
            format!("static.html.help-src-{}", spec.key),
            format!("help-src-{}", spec.key),
        )
    }));
    // The WebAssembly's fixed markup, kept in the page (`ree_outlook::app::markup`).
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
        .unwrap_or_else(|error| panic!("index.html: {error}"));
    parts.extend(page.split(r#"<template id="m-"#).skip(1).map(|rest| {
        let id = format!("m-{}", rest.split('"').next().unwrap_or_default());
        (format!("static.html.{id}"), id)
    }));
    parts.extend(
        ["skip-links", "site-nav", "sources-more"]
            .iter()
            .map(|id| (format!("static.label.{id}"), id.to_string())),
    );
    parts
}

/// The inner HTML of the element with `id` in `html` (its tag's matching end tag found by
/// counting the same tag's nesting), and its `aria-label`.
fn element(html: &str, id: &str) -> Option<(String, Option<String>)> {
    let at = html.find(&format!(" id=\"{id}\""))?;
    let open = html[..at].rfind('<')?;
    let tag: String = html[open + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let start_end = open + html[open..].find('>')? + 1;
    let start_tag = &html[open..start_end];
    let label = start_tag
        .split_once("aria-label=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(label, _)| label.to_string());
    let (mut depth, mut at) = (1, start_end);
    while depth > 0 {
        let next_open = html[at..].find(&format!("<{tag}")).map(|i| i + at);
        let next_close = html[at..].find(&format!("</{tag}>")).map(|i| i + at)?;
        match next_open {
            Some(o)
                if o < next_close
                    && !html[o + tag.len() + 1..]
                        .starts_with(|c: char| c.is_ascii_alphanumeric()) =>
            {
                depth += 1;
                at = o + tag.len() + 1;
            }
            Some(o) if o < next_close => at = o + tag.len() + 1,
            _ => {
                depth -= 1;
                if depth == 0 {
                    return Some((html[start_end..next_close].to_string(), label));
                }
                at = next_close + tag.len() + 3;
            }
        }
    }
    None
}

/// `static.*` texts in en.json are the page's own English, so translators translate what the
/// page shows. `UPDATE_SNAPSHOTS=1 cargo test --test i18n` writes them from index.html (after
/// the page's generated parts change); the other languages must then follow (the test above).
#[test]
fn static_english_is_the_pages_own() {
    let html = std::fs::read_to_string(format!("{}/index.html", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|error| panic!("index.html: {error}"));
    let mut english = read("en");
    let mut stale = Vec::new();
    for (key, id) in static_parts() {
        let (inner, label) =
            element(&html, &id).unwrap_or_else(|| panic!("index.html has no element id=\"{id}\""));
        let text = if key.starts_with("static.label.") {
            label.unwrap_or_else(|| panic!("#{id} has no aria-label"))
        } else {
            inner
        };
        // Every part must be in en.json (a missing one is stale too), as index.html has it.
        if english.get(&key).and_then(|value| value.as_str()) != Some(text.as_str()) {
            stale.push(key.clone());
            english.insert(key, serde_json::Value::String(text));
        }
    }
    let known: BTreeSet<String> = static_parts().into_iter().map(|(key, _)| key).collect();
    let unknown: Vec<String> = english
        .keys()
        .filter(|key| key.starts_with("static.") && !known.contains(*key))
        .cloned()
        .collect();
    assert!(
        unknown.is_empty(),
        "en.json has static texts the page lacks: {unknown:?}"
    );
    if stale.is_empty() {
        return;
    }
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let sorted: std::collections::BTreeMap<_, _> = english.into_iter().collect();
        let text = serde_json::to_string_pretty(&sorted)
            .unwrap_or_else(|error| panic!("JSON: {error}"))
            + "\n";
        std::fs::write(format!("{}/i18n/en.json", env!("CARGO_MANIFEST_DIR")), text)
            .unwrap_or_else(|error| panic!("en.json: {error}"));
        return;
    }
    panic!(
        "i18n/en.json's static texts differ from index.html for {stale:?}; run UPDATE_SNAPSHOTS=1 cargo test --test i18n, then translate them in ru.json and zh.json"
    );
}

/// The quoted strings on the line of `file` that starts with `start`.
fn quoted_on_line(file: &str, start: &str) -> Vec<String> {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let line = text
        .lines()
        .find(|line| line.starts_with(start))
        .unwrap_or_else(|| panic!("{file} has no line starting {start:?}"));
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The page's messages (`Msg`, compiled by build.rs) are en.json's keys but those outside the
/// WebAssembly, in key order, which is the order scripts/post_build.py ships the other languages
/// in: both name the same prefixes of texts outside the WebAssembly.
#[test]
fn the_page_and_the_build_agree_on_the_messages() {
    let in_build = quoted_on_line("build.rs", "const OUTSIDE_WASM");
    let in_hook = quoted_on_line("scripts/post_build.py", "OUTSIDE_WASM = (");
    assert_eq!(in_build, in_hook, "build.rs and scripts/post_build.py");
    assert!(in_build.iter().any(|prefix| prefix == "claims."));
    let mut keys: Vec<String> = read("en")
        .keys()
        .filter(|key| {
            !in_build
                .iter()
                .any(|prefix| key.starts_with(prefix.as_str()))
        })
        .cloned()
        .collect();
    keys.sort();
    assert_eq!(ree_outlook::i18n::KEYS.to_vec(), keys);
}

/// The `manifest.*` texts, from which scripts/post_build.py writes each language's manifest, are
/// in English those of www/manifest.webmanifest (the English app's own).
#[test]
fn manifest_english_is_the_manifests_own() {
    let path = format!("{}/www/manifest.webmanifest", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let manifest: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|error| panic!("{path}: {error}"));
    let english = read("en");
    for (field, key) in [
        ("name", "manifest.name"),
        ("short_name", "manifest.short-name"),
        ("description", "manifest.description"),
    ] {
        assert_eq!(
            english.get(key),
            manifest.get(field),
            "en.json's {key} and the manifest's {field}"
        );
    }
    let keys = english
        .keys()
        .filter(|key| key.starts_with("manifest."))
        .count();
    assert_eq!(
        keys, 3,
        "a manifest.* text scripts/post_build.py does not write"
    );
}

/// The catalogues the build ships (scripts/post_build.py's `write_catalogs`, values by position)
/// are the ones the pages written at build time use (`PageTexts::catalogue`, from the keyed files):
/// two writers of the same format, which must not drift apart (a value in the wrong place would
/// show another value in the page).
#[test]
fn shipped_catalogues_are_the_build_time_pages_own() {
    use ree_outlook::i18n::{Catalogue, Lang, PageTexts};
    let root = env!("CARGO_MANIFEST_DIR");
    let out = std::env::temp_dir().join(format!("ree-catalogues-{}", std::process::id()));
    let script = format!(
        "import sys; sys.path.insert(0, 'scripts'); import post_build; post_build.write_catalogs({:?}, 'i18n')",
        out.display().to_string()
    );
    let status = std::process::Command::new("python3")
        .args(["-c", &script])
        .current_dir(root)
        .output();
    assert!(
        status.as_ref().is_ok_and(|output| output.status.success()),
        "post_build.write_catalogs failed: {status:?}"
    );
    let read = |path: std::path::PathBuf| {
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
    };
    let english = read(format!("{root}/i18n/en.json").into());
    for lang in [Lang::Ru, Lang::Zh] {
        let shipped =
            ree_outlook::json::parse(&read(out.join("i18n").join(format!("{}.json", lang.id()))))
                .and_then(|json| Catalogue::from_json(lang, &json));
        let keyed = PageTexts::parse(
            lang,
            &read(format!("{root}/i18n/{}.json", lang.id()).into()),
            &english,
        )
        .and_then(|texts| texts.catalogue());
        assert_eq!(shipped.map(Some), keyed, "{}", lang.id());
    }
    let _ = std::fs::remove_dir_all(&out);
}

/// Translations written by the tests from generated English (`tests/track_record_page.rs`), never
/// by hand: they follow the English by construction.
const GENERATED: [&str; 1] = ["static.html.track-record"];

/// The English each translation was written from, as a fingerprint per language and key:
/// `i18n/translated-from.json`.
const TRANSLATED_FROM: &str = "i18n/translated-from.json";

/// A fingerprint of an English text: FNV-1a (64 bits, hex) of its forms in the order of their
/// names, each as its name, a NUL, its text and a NUL (a plain text's name is empty).
/// `scripts/i18n_add.py` computes the same.
fn fingerprint(value: &serde_json::Value) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut forms = forms(value).unwrap_or_default();
    forms.sort();
    for (form, text) in forms {
        for byte in form.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// A translation is of the current English: when an English text changes (a sentence reworded, or
/// index.html's own HTML, which `UPDATE_SNAPSHOTS=1` copies into `i18n/en.json`), its Russian and
/// Chinese are named here until someone updates them and records that they now follow it:
/// `I18N_REVIEWED=1 cargo test --test i18n` writes every current text's fingerprint. Structure
/// and named values are checked above; this catches a translation that says what the English no
/// longer says.
#[test]
fn translations_follow_the_current_english() {
    let english = read("en");
    let path = format!("{}/{TRANSLATED_FROM}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("I18N_REVIEWED").is_some() {
        let current: std::collections::BTreeMap<&str, std::collections::BTreeMap<&String, String>> =
            ["ru", "zh"]
                .into_iter()
                .map(|lang| {
                    let texts = read(lang);
                    let prints = english
                        .iter()
                        .filter(|(key, _)| {
                            texts.contains_key(*key) && !GENERATED.contains(&key.as_str())
                        })
                        .map(|(key, value)| (key, fingerprint(value)))
                        .collect();
                    (lang, prints)
                })
                .collect();
        let text = serde_json::to_string_pretty(&current).unwrap_or_default() + "\n";
        std::fs::write(&path, text).unwrap_or_else(|error| panic!("{path}: {error}"));
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let recorded: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> =
        serde_json::from_str(&text).unwrap_or_else(|error| panic!("{path}: {error}"));
    let mut stale = Vec::new();
    for lang in ["ru", "zh"] {
        let prints = recorded.get(lang);
        for (key, value) in english
            .iter()
            .filter(|(key, _)| !GENERATED.contains(&key.as_str()))
        {
            match prints.and_then(|prints| prints.get(key)) {
                Some(print) if *print == fingerprint(value) => {}
                Some(_) => stale.push(format!(
                    "{lang}: '{key}' was translated from an older English"
                )),
                None => stale.push(format!(
                    "{lang}: '{key}' has no record of the English it was translated from"
                )),
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{} translations may not say what the English says now:\n{}\nUpdate each, then record that they \
         follow the current English: I18N_REVIEWED=1 cargo test --test i18n ({TRANSLATED_FROM}).",
        stale.len(),
        stale.join("\n")
    );
}
