//! Where a download comes from, written into it: the scenario's citation (the page shows the same
//! one under its link), the README of the projection's zip, and the site's static files they point
//! to. The list of the data's sources is not compiled in: the site ships it as plain text,
//! [`SOURCES_FILE`] (written from the data file by `tests/provenance_files.rs`), which the page reads
//! when a reader downloads the projection. Its words follow the reader's language (the page's
//! language; English natively).

use crate::i18n::Msg;
use crate::tr;

/// The site's plain-text list of the data's sources, beside the page (precached for offline use).
pub const SOURCES_FILE: &str = "sources.txt";

/// How [`SOURCES_FILE`] begins.
pub const SOURCES_TITLE: &str = "Sources of the Rare-Earth Outlook data";

/// The address of the folder of the page at `address` (through its last `/` before any query or
/// fragment): where the site's other files are. `https://example.org/ree/index.html?x#v=1` gives
/// `https://example.org/ree/`.
pub fn site_folder(address: &str) -> &str {
    // One pass over the bytes (the separators are ASCII): shorter in the page than `str`'s searches.
    let mut end = 0;
    for (at, byte) in address.bytes().enumerate() {
        match byte {
            b'?' | b'#' => break,
            b'/' => end = at + 1,
            _ => {}
        }
    }
    address.get(..end).unwrap_or_default()
}

/// Where and when a download is made, which it carries for a person who finds it later.
#[derive(Clone, Debug, PartialEq)]
pub struct Made {
    /// The scenario's full address (what the page's "Copy link" copies).
    pub link: String,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// How to cite the scenario ([`citation`]).
    pub citation: String,
}

impl Made {
    /// A download made on `date` of the scenario at `link`, its preset's `title` with `changed`
    /// settings.
    pub fn new(title: &str, changed: usize, link: String, date: String) -> Made {
        let citation = citation(title, changed, &link, &date);
        Made {
            link,
            date,
            citation,
        }
    }

    /// The address of the page's folder, where the site's other files are ([`site_folder`]).
    pub fn site(&self) -> &str {
        site_folder(&self.link)
    }
}

/// The citation of a scenario: `Rare-Earth Outlook, scenario "Skeptic" (2 settings changed), data
/// version 2025.1, <link> (accessed 2026-11-30).` (in the reader's language; English natively).
pub fn citation(title: &str, changed: usize, link: &str, today: &str) -> String {
    let changed = match changed {
        0 => String::new(),
        n => crate::i18n::plural(
            Msg::CiteChanged,
            n as f64,
            &[&crate::text::thousands(n as f64)],
        ),
    };
    tr!(
        Msg::CiteText,
        title = title,
        changed = changed,
        version = crate::data::DATA_VERSION,
        link = link,
        date = today
    )
}

/// The file name of the projection's CSV inside its zip.
pub const CSV_NAME: &str = "ree-outlook-projection.csv";

/// The README's fixed text: what the CSV is and what each of its columns holds, in what unit. The
/// page reads it from `index.html`'s `<pre id="csv-readme">` (written there by
/// `tests/provenance_files.rs`), so the WebAssembly carries none of it.
pub const CSV_README: &str = "Rare-Earth Outlook: a projection of the rare-earth supply chain

ree-outlook-projection.csv is one scenario of Rare-Earth Outlook, a calculator for the rare-earth supply chain (mining, separation, magnets): each region's output and share of world output, year by year to 2040, as the calculator worked it out in the browser. The scenario's link, below, opens it in the calculator.

The columns (one row per year, stage and region):
year: the calendar year.
stage: mining, separation or magnets; then, for the model's years, separation's two products, separation_light (Nd, Pr) and separation_heavy (Dy, Tb).
region: china, russia, united_states, australia, myanmar, malaysia, eu or other.
output_t: the region's output in the year, in tonnes: of rare-earth oxide (REO) in concentrate for mining, of separated magnet rare-earth oxides (Nd, Pr, Dy, Tb) for separation and its products, of sintered NdFeB magnets for magnets. Empty where only shares are published.
share: the region's share of the world's output at the stage (or of the product), as a fraction (0.25 is 25%).
observed: 1 for a figure published for a year before the base year (2025), 0 for the model's years.
supply_gap_t: the supply gap outside China at the stage in the year, in the same tonnes: one figure per stage and year, repeated on each region's row, empty on observed rows.
supply_gap_share: that gap as a fraction of the demand outside China.
";

/// The README.txt beside the projection's CSV, for a person who finds the file later: what the CSV
/// is and holds ([`CSV_README`], given as `about`), the scenario's link, the data version, the day
/// it was made, how to cite it (`made`) and the sources: the text of [`SOURCES_FILE`] (`sources`),
/// or, when it could not be read, the address of the Sources and method page, which lists them.
pub fn readme(about: &str, made: &Made, sources: Option<&str>) -> String {
    let mut out = String::from(about);
    out.push_str(&tr!(
        Msg::ReadmeMade,
        link = made.link,
        version = crate::data::DATA_VERSION,
        date = made.date,
        citation = made.citation
    ));
    match sources {
        Some(sources) => out.push_str(sources),
        None => out.push_str(&tr!(
            Msg::ReadmeNoSources,
            address = format!("{}method.html", made.site())
        )),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://example.org/ree/#v=1&p=skeptic&d=2025.1";

    fn readme_with(sources: Option<&str>) -> String {
        let made = Made::new(
            "Supply-chain skeptic",
            1,
            LINK.to_string(),
            "2026-11-30".to_string(),
        );
        assert_eq!(made.site(), "https://example.org/ree/");
        readme(CSV_README, &made, sources)
    }

    #[test]
    fn the_site_folder_ends_at_the_last_slash_of_the_path() {
        for (address, folder) in [
            (
                "https://example.org/ree/index.html?x=1#v=1&p=a/b",
                "https://example.org/ree/",
            ),
            ("http://127.0.0.1:8080/#v=1", "http://127.0.0.1:8080/"),
            (
                "https://example.org/tools/ree/",
                "https://example.org/tools/ree/",
            ),
        ] {
            assert_eq!(site_folder(address), folder);
        }
    }

    #[test]
    fn the_citation_names_the_changes_the_data_version_the_link_and_the_day() {
        assert_eq!(
            citation("Skeptic", 2, "L", "2026-11-30"),
            format!(
                "Rare-Earth Outlook, scenario \"Skeptic\" (2 settings changed), data version {}, L (accessed 2026-11-30).",
                crate::data::DATA_VERSION
            )
        );
        assert!(citation("Baseline", 1, "L", "D").contains("\"Baseline\" (1 setting changed), "));
        assert!(citation("Baseline", 0, "L", "D").contains("\"Baseline\", data"));
    }

    #[test]
    fn the_readme_says_what_where_when_how_to_cite_and_each_column() {
        let sources = format!("{SOURCES_TITLE}, version 2025.1\n\nU.S. Geological Survey. \"Mineral Commodity Summaries 2026: Rare Earths\". 2026-02.\n");
        let text = readme_with(Some(&sources));
        for needed in [
            &format!("Scenario: {LINK}\n"),
            &format!("Data version: {}\n", crate::data::DATA_VERSION),
            "Made: 2026-11-30\n",
            &format!("How to cite: Rare-Earth Outlook, scenario \"Supply-chain skeptic\" (1 setting changed), data version {}, {LINK} (accessed 2026-11-30).\n", crate::data::DATA_VERSION),
            &sources,
        ] {
            assert!(text.contains(needed), "{needed:?} is missing from:\n{text}");
        }
        // Every column of the CSV, in order, each with its meaning.
        let csv = crate::simulate(&crate::Scenario::default()).to_csv();
        let header = csv.lines().next().unwrap_or_default();
        let mut at = 0;
        for column in header.split(',') {
            let Some(found) = text[at..].find(&format!("\n{column}: ")) else {
                panic!("the column {column} is not explained in order");
            };
            at += found + 1;
        }
        for region in crate::Region::ALL {
            assert!(text.contains(region.id()), "{}", region.id());
        }
        let base_year = format!("before the base year ({})", crate::data::DATA_BASE_YEAR);
        assert!(text.contains(&base_year), "{base_year}");
        assert!(text.starts_with(CSV_README) && text.ends_with(&sources));
        assert!(!text.contains("could not be read"));
        assert!(CSV_README.contains(&format!("\n{CSV_NAME} is one scenario")));
    }

    #[test]
    fn without_the_sources_the_readme_says_where_they_are() {
        let text = readme_with(None);
        assert!(
            text.ends_with(
                "\n\nSources: could not be read (offline); see https://example.org/ree/method.html\n"
            ),
            "{text}"
        );
        assert!(text.starts_with(CSV_README));
        assert!(text.contains(&format!("Scenario: {LINK}\n")));
    }
}
