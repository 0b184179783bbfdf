//! The all-claims view is computed at build time, one page per language: `www/claims.html`,
//! `www/claims.ru.html` and `www/claims.zh.html` must hold exactly what `claims::page` writes
//! with that language's texts (`i18n/<lang>.json`), and `www/claims/` their charts.
//! UPDATE_SNAPSHOTS=1 rewrites them.

use ree_outlook::claims::{all_claims, claims, page, page_name, ClaimNumbers, HORIZON};
use ree_outlook::data::{Stage, DATA_VERSION};
use ree_outlook::i18n::Lang;
use ree_outlook::scenario::PRESETS;

mod support;

/// A language's page and its charts' files (name, SVG).
type Page = (Lang, String, Vec<(String, String)>);

/// Each language's page and its charts (worked out once: the Monte Carlo runs take a while).
fn pages() -> Vec<Page> {
    static PAGES: std::sync::OnceLock<Vec<Page>> = std::sync::OnceLock::new();
    PAGES
        .get_or_init(|| {
            let all: Vec<(Stage, Vec<ClaimNumbers>)> = all_claims();
            Lang::ALL
                .into_iter()
                .map(|lang| {
                    let (html, charts) = page(&support::page_texts(lang), &all)
                        .unwrap_or_else(|error| panic!("{error}"));
                    (lang, html, charts)
                })
                .collect()
        })
        .clone()
}

#[test]
fn claims_pages_and_their_charts_are_current() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for (lang, html, charts) in pages() {
        for (name, svg) in charts {
            assert!(
                html.contains(&format!("claims/{name}\"")),
                "{name} is not on the {} page",
                lang.id()
            );
            assert!(names.insert(name.clone()), "two pages write claims/{name}");
            files.push((format!("www/claims/{name}"), svg));
        }
        files.push((format!("www/{}", page_name(lang)), html));
    }
    for (file, text) in files {
        let path = format!("{root}/{file}");
        if update && std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            let _ = std::fs::create_dir_all(format!("{root}/www/claims"));
            assert!(
                std::fs::write(&path, &text).is_ok(),
                "could not write {path}"
            );
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == text,
            "{file} is out of date; rerun with UPDATE_SNAPSHOTS=1"
        );
    }
    // No chart is left over from an older build (the directory is copied into the site whole).
    let on_disk: Vec<String> = std::fs::read_dir(format!("{root}/www/claims"))
        .map(|dir| {
            dir.filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                .filter(|name| !names.contains(name))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        on_disk.is_empty(),
        "www/claims/ has stale files: {on_disk:?}"
    );
}

/// Each page is in its language: `<html lang>`, the `claims.*` texts and the presets' titles of
/// that language (no key left unresolved), numbers in its style, links to the calculator in it
/// and a switch to every language's page.
#[test]
fn each_page_is_in_its_language() {
    for (lang, html, charts) in pages() {
        let id = lang.id();
        assert!(
            html.contains(&format!("<html lang=\"{id}\">")),
            "{id}: <html lang>"
        );
        for (text, name) in std::iter::once((&html, page_name(lang)))
            .chain(charts.iter().map(|(name, svg)| (svg, name.clone())))
        {
            let keys: Vec<&str> = text
                .match_indices("claims.")
                .map(|(at, _)| {
                    let rest = &text[at..];
                    let end = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
                        .unwrap_or(rest.len());
                    &rest[..end]
                })
                .filter(|word| !Lang::ALL.iter().any(|other| *word == page_name(*other)))
                .collect();
            assert!(keys.is_empty(), "{name} holds keys: {keys:?}");
        }
        for other in Lang::ALL {
            let switch = format!(
                "<a href=\"{}\" hreflang=\"{}\"",
                page_name(other),
                other.id()
            );
            assert!(html.contains(&switch), "{id}: no link to {switch}");
        }
        let texts = support::page_texts(lang);
        let title = texts.text("claims.presets-heading", &[]);
        assert!(html.contains(&format!(">{title}</h2>")), "{id}: {title}");
        let calculator_links = html.matches("href=\"./#v=1&amp;p=").count();
        assert_eq!(calculator_links, PRESETS.len() * 4, "{id}");
        let in_language = html.matches("&amp;lang=").count();
        match lang {
            Lang::En => assert_eq!(in_language, 0, "the English page's links name no language"),
            _ => {
                assert_eq!(
                    in_language, calculator_links,
                    "{id}: every calculator link keeps lang"
                );
                assert!(
                    html.contains(&format!("&amp;lang={id}&amp;d={DATA_VERSION}\"")),
                    "{id}"
                );
            }
        }
    }
    let [en, ru, zh] = [0, 1, 2].map(|index| pages().swap_remove(index).1);
    // Russian writes shares with a decimal comma, English and Chinese with a point.
    let share = regex_like_share(&ru, ',');
    assert!(
        share.is_some(),
        "no share with a decimal comma on the Russian page"
    );
    assert!(regex_like_share(&en, '.').is_some() && regex_like_share(&zh, '.').is_some());
    assert!(
        regex_like_share(&en, ',').is_none(),
        "a decimal comma on the English page"
    );
    assert!(ru.contains("Обзор всех заявлений") && zh.contains("所有说法一览"));
}

/// The first table cell holding a share written with `mark` as its decimal mark ("12,3%").
fn regex_like_share(html: &str, mark: char) -> Option<&str> {
    html.split("<td>").skip(1).find_map(|cell| {
        let cell = cell.split("</td>").next()?;
        let (whole, rest) = cell.split_once(mark)?;
        let decimals = rest.strip_suffix('%')?;
        (!whole.is_empty()
            && whole.chars().all(|c| c.is_ascii_digit())
            && !decimals.is_empty()
            && decimals.chars().all(|c| c.is_ascii_digit()))
        .then_some(cell)
    })
}

#[test]
fn every_preset_has_a_row_line_and_link_at_every_stage() {
    let (_, page, _) = pages().swap_remove(0);
    for stage in [Stage::Mining, Stage::Separation, Stage::Magnets] {
        let rows = claims(stage);
        assert_eq!(rows.len(), PRESETS.len());
        for row in &rows {
            assert_eq!(
                row.russia.last().map(|(year, _)| *year),
                Some(HORIZON),
                "{}",
                row.preset.id
            );
            assert!(row.odds.iter().all(|odds| (0.0..=1.0).contains(odds)));
            assert!(row
                .russia_at
                .iter()
                .chain([&row.china, &row.trusted])
                .all(|share| (0.0..=1.0).contains(share)));
            let link = format!(
                "./#v=1&amp;p={}&amp;st={}&amp;d={DATA_VERSION}\"",
                row.preset.id,
                stage.id()
            );
            assert!(page.contains(&link), "{link}");
        }
    }
}

/// The claims' own presets must tell apart what they claim: the Kremlin presets reach 10% of
/// mining in 2030 at face value, the skeptic's does not, and their odds around their own
/// assumptions are higher than under the plausible ranges.
#[test]
fn the_claims_differ_as_they_should() {
    let rows = claims(Stage::Mining);
    let find = |id: &str| rows.iter().find(|row| row.preset.id == id);
    let (Some(kremlin), Some(skeptic)) = (find("kremlin-12"), find("skeptic")) else {
        panic!("the kremlin-12 and skeptic presets are gone");
    };
    assert!(kremlin.russia_at[0] > skeptic.russia_at[0]);
    assert!(skeptic.first_year_at_target.is_none_or(|year| year > 2030));
    assert!(kremlin.odds[1] > kremlin.odds[0]);
}
