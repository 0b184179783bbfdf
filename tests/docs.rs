//! The documentation keeps up with the code: every parameter, source and preset appears in docs/MODEL.md.

use ree_outlook::{PARAMS, PRESETS};

#[test]
fn model_doc_lists_every_parameter_with_its_default_and_source() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/MODEL.md"))
        .unwrap_or_default();
    for spec in PARAMS.iter() {
        let row = doc
            .lines()
            .find(|line| line.starts_with(&format!("| `{}` |", spec.key)));
        assert!(row.is_some(), "docs/MODEL.md has no row for {}", spec.key);
        let row = row.unwrap_or_default();
        assert!(
            row.contains(&spec.display(spec.default)),
            "{}: default {} missing",
            spec.key,
            spec.display(spec.default)
        );
        assert!(row.contains(spec.source), "{}: source missing", spec.key);
    }
    for preset in PRESETS.iter() {
        assert!(
            doc.contains(&format!("**{}**", preset.id)),
            "preset {} is not explained",
            preset.id
        );
    }
}

/// The repository's root, where the scanned files live.
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{path}"))
        .unwrap_or_else(|error| panic!("cannot read {path}: {error}"))
}

/// Citations of documents no reader can find (the project's internal notes), as one lower-case
/// text: "Seed 0" followed by a digit, "the seeds", "facts file", "shared/reference". The Monte
/// Carlo seed ("seed 1", "the seed") is another word and passes.
fn internal_citations(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for phrase in ["the seeds", "facts file", "shared/reference"] {
        if lower.contains(phrase) {
            found.push(phrase.to_string());
        }
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("seed 0") {
        let after = &rest[at + "seed 0".len()..];
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            found.push(format!("seed 0{}", &after[..1]));
        }
        rest = after;
    }
    found
}

#[test]
fn the_internal_citation_check_catches_what_it_should_and_nothing_else() {
    for bad in [
        "as in Seed 002",
        "see the seeds",
        "Facts File section 5",
        "from ../shared/reference/x.md",
    ] {
        assert!(!internal_citations(bad).is_empty(), "missed {bad:?}");
    }
    for good in [
        "seed 1",
        "the seed is 7",
        "seed 0 draws nothing",
        "a fact, a file",
    ] {
        assert!(internal_citations(good).is_empty(), "flagged {good:?}");
    }
}

/// Every text file under `dir` (relative to the root), recursively.
fn text_files(dir: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(format!("{ROOT}/{dir}")) else {
        panic!("cannot list {dir}");
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{dir}/{name}");
        if entry.path().is_dir() {
            text_files(&path, out);
        } else if std::fs::read_to_string(entry.path()).is_ok() {
            out.push(path);
        }
    }
}

#[test]
fn no_source_cites_an_internal_document() {
    let mut files = vec!["README.md".to_string(), "index.html".to_string()];
    for dir in ["data", "src", "docs", "www"] {
        text_files(dir, &mut files);
    }
    assert!(files.len() > 40, "too few files scanned: {files:?}");
    assert!(files.iter().any(|file| file == "src/params.rs"));
    let bad: Vec<String> = files
        .iter()
        .flat_map(|file| {
            internal_citations(&read(file))
                .into_iter()
                .map(move |phrase| format!("{file}: {phrase:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "cite the public document instead: {bad:#?}");
}

/// The text of index.html's `<section id="{id}" …>…</section>`.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<section id=\"{id}\""))
        .unwrap_or_else(|| panic!("index.html has no section #{id}"));
    let end = page[start..]
        .find("</section>")
        .unwrap_or_else(|| panic!("section #{id} is not closed"));
    &page[start..start + end]
}

/// The text between each `open` and the next `close` in `text`.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        let after = &rest[at + open.len()..];
        let Some(end) = after.find(close) else { break };
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

/// The glossary's terms, ids the page links to: each must be there, once, with an explanation.
const GLOSSARY_IDS: [&str; 20] = [
    "g-reo",
    "g-mreo",
    "g-ndfeb",
    "g-stage",
    "g-nameplate",
    "g-utilisation",
    "g-ramp",
    "g-friction",
    "g-price-response",
    "g-export-controls",
    "g-hhi",
    "g-trusted",
    "g-supply-gap",
    "g-points",
    "g-monte-carlo",
    "g-p10",
    "g-tornado",
    "g-odds",
    "g-goal-seek",
    "g-targets",
];

#[test]
fn the_glossary_explains_every_linked_term() {
    let page = read("index.html");
    let glossary = section(&page, "glossary");
    assert!(glossary.contains("<dl>") && glossary.contains("<h2"));
    for id in GLOSSARY_IDS {
        let anchor = format!("<dt id=\"{id}\">");
        assert_eq!(page.matches(&anchor).count(), 1, "{id}: one <dt> expected");
        let term = &glossary[glossary
            .find(&anchor)
            .unwrap_or_else(|| panic!("{id} is not in the glossary"))..];
        let after_term = &term[term.find("</dt>").unwrap_or(0)..];
        let explanation = between(after_term, "<dd>", "</dd>");
        assert!(
            after_term["</dt>".len()..].trim_start().starts_with("<dd>")
                && explanation.first().is_some_and(|text| text.len() > 80),
            "{id}: no explanation follows the term"
        );
    }
    assert_eq!(
        glossary.matches("<dt ").count(),
        GLOSSARY_IDS.len(),
        "a glossary term without its id in GLOSSARY_IDS"
    );
    // The 25% level is explained, and honestly: an assumption with the nearest benchmark.
    let trusted = &glossary[glossary.find("id=\"g-trusted\"").unwrap_or(0)..];
    let trusted = &trusted[..trusted.find("</dd>").unwrap_or(0)];
    for words in ["25%", "not a published target", "2024/1252", "65%"] {
        assert!(trusted.contains(words), "g-trusted lacks {words:?}");
    }
    let hhi = &glossary[glossary.find("id=\"g-hhi\"").unwrap_or(0)..];
    for words in [
        "1,500",
        "2,500",
        "19 August 2010",
        "1,800",
        "18 December 2023",
    ] {
        assert!(hhi.contains(words), "g-hhi lacks {words:?}");
    }
}

/// Citations "Publisher, [day] [month] year" in `text`, as written: "Reuters, 12 Aug 2020",
/// "Metalinfo, 2025". The publisher is what precedes the comma back to the last "; ", ": ", "(",
/// ". ", ", " or quote, less a leading "via", "and" or "on".
fn dated_citations(text: &str) -> Vec<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut out = Vec::new();
    for (comma, _) in text.match_indices(", ") {
        let mut rest = &text[comma + 2..];
        let day_len = rest.chars().take_while(char::is_ascii_digit).count();
        let with_day = day_len <= 2 && day_len > 0 && rest[day_len..].starts_with(' ');
        let after_day = if with_day { &rest[day_len + 1..] } else { rest };
        let month = MONTHS
            .iter()
            .find(|month| after_day.starts_with(&format!("{month} ")));
        match month {
            Some(month) => rest = &after_day[month.len() + 1..],
            None if with_day => continue,
            None => {}
        }
        let year_len = rest.chars().take_while(char::is_ascii_digit).count();
        if year_len != 4 || rest[4..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let date = &text[comma..text.len() - rest.len() + 4];
        let mut before = &text[..comma];
        // Publisher, "Title", date: the publisher is before the title.
        if let Some(inside) = before
            .strip_suffix('"')
            .or_else(|| before.strip_suffix('”'))
        {
            if let Some(open) = inside.rfind(['"', '“']) {
                before = inside[..open].trim_end().trim_end_matches(',');
            }
        }
        let cut = ["; ", ": ", "(", ". ", ", ", "\"", ">"]
            .iter()
            .filter_map(|mark| before.rfind(mark).map(|at| at + mark.len()))
            .max()
            .unwrap_or(0);
        let mut publisher = &before[cut..];
        for word in ["via ", "and ", "on "] {
            publisher = publisher.strip_prefix(word).unwrap_or(publisher);
        }
        out.push(format!("{publisher}{date}"));
    }
    out
}

#[test]
fn the_citation_reader_finds_publisher_and_date() {
    assert_eq!(
        dated_citations(
            "10%: Reuters, 12 Aug 2020 (plan); via Metalinfo, 2025; 1,294 t (2024), 3,000 t"
        ),
        ["Reuters, 12 Aug 2020", "Metalinfo, 2025"]
    );
    assert_eq!(
        dated_citations("(design: Adamas Intelligence, Oct 2022)"),
        ["Adamas Intelligence, Oct 2022"]
    );
    assert_eq!(
        dated_citations("(Rare Earth Exchanges, \"Ore and Order\", 26 Jan 2026)"),
        ["Rare Earth Exchanges, 26 Jan 2026"]
    );
    assert!(dated_citations("2,599 t, 20 units, 2025s").is_empty());
}

#[test]
fn every_document_the_page_cites_is_in_its_sources_list() {
    let page = read("index.html");
    let listed: Vec<&str> = between(section(&page, "sources"), "<b>", "</b>");
    assert!(
        listed.len() >= 25,
        "the sources list looks empty: {listed:?}"
    );
    let mut texts: Vec<(String, &str)> = Vec::new();
    for spec in PARAMS.iter() {
        texts.push((format!("{} source", spec.key), spec.source));
        texts.push((format!("{} help", spec.key), spec.help));
    }
    for preset in PRESETS.iter() {
        texts.push((format!("preset {}", preset.id), preset.description));
    }
    let glossary = section(&page, "glossary").to_string();
    let mut missing = Vec::new();
    let mut cited = 0;
    for (place, text) in texts
        .iter()
        .map(|(place, text)| (place.as_str(), *text))
        .chain([("glossary", glossary.as_str())])
    {
        let mut citations = dated_citations(text);
        for title in [
            "Global Critical Minerals Outlook ",
            "Mineral Commodity Summaries ",
        ] {
            for (at, _) in text.match_indices(title) {
                let year = &text[at + title.len()..];
                if year.len() >= 4 && year[..4].chars().all(|c| c.is_ascii_digit()) {
                    let publisher = if title.starts_with("Global") {
                        "IEA "
                    } else {
                        "USGS "
                    };
                    citations.push(format!("{publisher}{title}{}", &year[..4]));
                }
            }
        }
        for citation in citations {
            cited += 1;
            // The words before a publisher ("reported by", "from") are the sentence's, not the citation's.
            if !listed.iter().any(|entry| citation.ends_with(entry)) {
                missing.push(format!("{place}: {citation}"));
            }
        }
    }
    assert!(
        cited > 30,
        "the citation reader found only {cited} citations"
    );
    assert!(
        missing.is_empty(),
        "cited but not in index.html's #sources list: {missing:#?}"
    );
    // Every parameter names a document, the projects' sources on the Sources and method page, or
    // says it is an assumption.
    for spec in PARAMS.iter() {
        assert!(
            spec.source.starts_with("Assumption")
                || spec.source.starts_with("Derived")
                || spec.source.contains("Sources and method page")
                || listed.iter().any(|citation| spec.source.contains(citation)),
            "{}: source {:?} names no listed document",
            spec.key,
            spec.source
        );
    }
}

#[test]
fn model_doc_lists_every_source_address() {
    let doc = read("docs/MODEL.md");
    let sources = &doc[doc
        .find("\n## Sources")
        .unwrap_or_else(|| panic!("docs/MODEL.md has no Sources section"))..];
    let page = read("index.html");
    // The list's documents, not its links to the site's own pages.
    let mut addresses: Vec<String> = between(section(&page, "sources"), "href=\"", "\"")
        .into_iter()
        .filter(|address| address.starts_with("http"))
        .map(str::to_string)
        .collect();
    for file in ["data/base-2025.json", "data/hindcast-2020.json"] {
        let data: serde_json::Value =
            serde_json::from_str(&read(file)).unwrap_or_else(|error| panic!("{file}: {error}"));
        let listed = data["sources"].as_object().map_or(0, |sources| {
            for (key, source) in sources {
                if key != "assumption" {
                    addresses.push(source["url"].as_str().unwrap_or_default().to_string());
                }
            }
            sources.len()
        });
        assert!(listed > 30, "{file}: too few sources");
    }
    let missing: Vec<&String> = addresses
        .iter()
        .filter(|address| !sources.contains(address.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/MODEL.md's Sources section lacks: {missing:#?}"
    );
}

/// The page writes the presets' and parameters' text into HTML strings unescaped (`app::markup`'s
/// rule: only the model's own text). So that text must hold no `<` or `&`, which the browser would
/// read as markup or a character reference.
#[test]
fn model_text_written_as_html_holds_no_markup_characters() {
    let texts = PRESETS
        .iter()
        .flat_map(|preset| [preset.title, preset.description])
        .chain(
            PARAMS
                .iter()
                .flat_map(|spec| [spec.label, spec.help, spec.source]),
        );
    for text in texts {
        assert!(!text.contains(['<', '&']), "markup characters in: {text}");
    }
}
