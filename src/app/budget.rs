//! "What the money buys and what feeds it": Russia's programme against its budget (the table of
//! [`crate::budget_table`], the same rows `ree-outlook --budget` prints) and against its feed (the
//! target year's sentence and the feed chart). Synchronous: it is computed with the projection,
//! so nothing below it moves when it appears.
//!
//! The section's text is written as one HTML string: its text is the model's
//! own (numbers it formats and fixed labels, never text from a reader, a link or a file), and one
//! string costs the page far less than yew's code for each element and text node (see
//! [`crate::app::markup`]).

use crate::budget_table::{feed_sentence, BudgetTable};
use crate::projection::{Projection, TARGET_YEAR};
use crate::scenario::Scenario;
use yew::prelude::*;

/// Where the defaults come from: links to the page's sources list (`index.html`, `#sources`).
const SOURCES: &str = r##"<p class="budget-sources">Sources: budget, <a href="#src-bne-2026">bne IntelliNews, 2 Feb 2026</a>; rare-earth share, an assumption (<a href="#src-tass-2025-12">TASS, 25 Dec 2025</a>); capital costs, pipeline medians (<a href="#src-songwe-2022">Mkango</a>, <a href="#src-aclara-2025">Mining.com</a>, <a href="#src-narva-2025">ChatNewsTV</a>); premium, an assumption after <a href="#src-cepii-2025">CEPII, Mar 2025</a>; targets, <a href="#src-reuters-2020">Reuters, 12 Aug 2020</a>, <a href="#src-rex-2025">Rare Earth Exchanges, 2025</a>; Lovozero, <a href="#src-usgs-2026">USGS</a>.</p>"##;

/// The section's text for `projection` (of `scenario`) as HTML: heading, answer, table, sources
/// and the feed in the target year.
fn section_html(projection: &Projection, scenario: &Scenario) -> String {
    let table = BudgetTable::of(projection, scenario);
    let mut rows = String::new();
    for row in table.rows() {
        rows.push_str(r#"<tr><th scope="row">"#);
        rows.push_str(row.label);
        rows.push_str("</th>");
        for cell in row.cells() {
            rows.push_str("<td>");
            rows.push_str(&cell);
            rows.push_str("</td>");
        }
        rows.push_str("</tr>");
    }
    format!(
        r#"<h2 id="budget-heading">What the money buys and what feeds it</h2><p id="budget-answer" class="budget-answer">{}</p><table id="budget-table"><caption>Capacity a year and its capital cost</caption><thead><tr><td></td><th scope="col">The money buys</th><th scope="col">10% in 2030 needs</th><th scope="col">12% in 2030 needs</th></tr></thead><tbody>{rows}</tbody></table>{SOURCES}<p id="feed-sentence">{}</p>"#,
        table.answer(),
        feed_sentence(projection, TARGET_YEAR)
    )
}

/// The section for `projection` (of `scenario`), with `feed_chart`, the page's canvas of the
/// feed chart, at its end.
pub fn view(projection: &Projection, scenario: &Scenario, feed_chart: Html) -> Html {
    html! {
        <section class="budget" id="budget" aria-labelledby="budget-heading">
            { Html::from_html_unchecked(section_html(projection, scenario).into()) }
            { feed_chart }
        </section>
    }
}
