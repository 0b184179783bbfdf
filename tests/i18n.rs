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
