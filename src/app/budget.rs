//! "What the money buys and what feeds it": Russia's programme against its budget (the table of
//! [`crate::budget_table`], the same rows `ree-outlook --budget` prints) and against its feed (the
//! target year's sentence and the feed chart). Synchronous: it is computed with the projection,
//! so nothing below it moves when it appears.
//!
//! The section's answer, table and feed are written as HTML strings: their text is the model's
//! own (numbers it formats and fixed labels, never text from a reader, a link or a file), and one
//! string costs the page far less than yew's code for each element and text node (see
//! [`crate::app::markup`]).

use crate::app::markup;
use crate::budget_table::{feed_sentence, BudgetTable};
use crate::i18n::Msg;
use crate::projection::{Projection, TARGET_YEAR};
use crate::scenario::Scenario;
use crate::tr;
use yew::prelude::*;

/// The answer, the table and the feed in the target year for `projection` (of `scenario`) as
/// HTML; the heading and the sources line are the page's markup (`m-budget-heading`,
/// `m-budget-sources`, with links to the page's sources list), in the reader's language.
fn section_html(projection: &Projection, scenario: &Scenario) -> (String, String) {
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
    (
        format!(
            r#"<p id="budget-answer" class="budget-answer">{}</p><table id="budget-table">{}<tbody>{rows}</tbody></table>"#,
            table.answer(),
            tr!(Msg::BudgetTableHead)
        ),
        format!(
            r#"<p id="feed-sentence">{}</p>"#,
            feed_sentence(projection, TARGET_YEAR)
        ),
    )
}

/// The section for `projection` (of `scenario`), with `feed_chart`, the page's canvas of the
/// feed chart, at its end.
pub fn view(projection: &Projection, scenario: &Scenario, feed_chart: Html) -> Html {
    let (answer, feed) = section_html(projection, scenario);
    html! {
        <section class="budget" id="budget" aria-labelledby="budget-heading">
            { markup("m-budget-heading") }
            { Html::from_html_unchecked(answer.into()) }
            { markup("m-budget-sources") }
            { Html::from_html_unchecked(feed.into()) }
            { feed_chart }
        </section>
    }
}
