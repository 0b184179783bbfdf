//! What the tests that generate part of `index.html` share.

/// Checks that `index.html` holds exactly `section` between the lines `start` and `end`, or, with
/// `UPDATE_SNAPSHOTS` set, writes it there; `what` names the section in the failure message.
#[allow(dead_code)]
pub fn index_html_holds(start: &str, end: &str, section: &str, what: &str) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");
    let page = std::fs::read_to_string(path).unwrap_or_default();
    let (Some(from), Some(to)) = (page.find(start), page.find(end)) else {
        panic!("index.html lacks the {what} markers");
    };
    let current = &page[from + start.len()..to];
    if current != section && std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let updated = format!("{}{section}{}", &page[..from + start.len()], &page[to..]);
        assert!(
            std::fs::write(path, updated).is_ok(),
            "could not write {path}"
        );
        return;
    }
    assert_eq!(
        current, section,
        "the {what} changed; rerun with UPDATE_SNAPSHOTS=1"
    );
}

/// `lang`'s texts by key for the pages written at build time (`i18n/<lang>.json`, English's
/// where it lacks one).
#[allow(dead_code)]
pub fn page_texts(lang: ree_outlook::i18n::Lang) -> ree_outlook::i18n::PageTexts {
    let read = |id: &str| {
        let path = format!("{}/i18n/{id}.json", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
    };
    ree_outlook::i18n::PageTexts::parse(lang, &read(lang.id()), &read("en"))
        .unwrap_or_else(|error| panic!("{error}"))
}
