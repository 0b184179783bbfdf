//! The projection as a table (years × regions for the chosen stage or product of separation): the
//! accessible alternative to the charts.
//!
//! The table is written as one HTML string, as the money section's is ([`crate::app::budget`]):
//! its text is the model's own (numbers it formats and fixed labels, never text from a reader, a
//! link or a file), and a whole `<table>` parses like any other markup (only loose rows and cells
//! would not). yew's code for some 350 cells cost the page far more than the string building.

use crate::app::chart_canvas::Compared;
use crate::app::markup;
use crate::data::{Region, Stage};
use crate::i18n::Msg;
use crate::projection::Projection;
use crate::state::{Product, Shown};
use crate::text;
use crate::tr;
use std::fmt::Write;
use yew::prelude::*;

/// The line styles of the pinned references in the reader's words, in the order of
/// [`crate::state::REFERENCE_STYLES`]: dashed, dotted, long dashes.
const STYLES: [Msg; crate::state::MAX_REFERENCES] = [
    Msg::TableStyleDashed,
    Msg::TableStyleDotted,
    Msg::TableStyleLongDashes,
];

/// Appends `<td>text</td>` to `html`.
fn cell(html: &mut String, text: &str) {
    html.push_str("<td>");
    html.push_str(text);
    html.push_str("</td>");
}

/// The table's HTML (see [`view`]).
fn table_html(projection: &Projection, shown: Shown, references: &[Compared]) -> String {
    let stage = shown.stage();
    let on_china = matches!(
        shown,
        Shown::Stage(Stage::Magnets) | Shown::Product(Product::Heavy)
    );
    let product = shown.product().is_some();
    let unit = stage.unit();
    let mut html = String::new();
    let caption = tr!(
        dyn if product {
            Msg::TableCaptionProduct
        } else {
            Msg::TableCaption
        },
        name = shown.name(),
        from = projection.base_year.to_string(),
        to = projection.last_year().to_string()
    );
    let _ = write!(
        html,
        r#"<table id="projection-table" data-stage="{}"><caption id="projection-table-caption">{caption}</caption><thead><tr><th scope="col">{}</th>"#,
        shown.id(),
        tr!(Msg::TableYear)
    );
    for region in Region::ALL {
        html.push_str(r#"<th scope="col">"#);
        html.push_str(region.label());
        html.push_str("</th>");
    }
    html.push_str(&tr!(Msg::TableColumns, unit = unit));
    if on_china {
        let _ = write!(html, r#"<th scope="col">{}</th>"#, tr!(Msg::TableOnChina));
    }
    // Russia's share in each pinned reference, named by its line's style only: the reader's
    // names stay out of this HTML string (the compare list and the charts show them).
    for style in STYLES.iter().take(references.len()) {
        let _ = write!(
            html,
            r#"<th scope="col">{}</th>"#,
            tr!(Msg::TableReference, style = tr!(*style))
        );
    }
    html.push_str("</tr></thead><tbody>");
    for observed in crate::projection::history(stage).filter(|_| !product) {
        let share = |region: Region| observed.share[region as usize];
        let trusted = 1.0 - share(Region::China) - share(Region::Russia);
        let hhi: f64 = observed
            .share
            .iter()
            .map(|s| (s * 100.0) * (s * 100.0))
            .sum();
        let _ = write!(
            html,
            r#"<tr class="observed"><th scope="row">{}</th>"#,
            tr!(Msg::TableObserved, year = observed.year.to_string())
        );
        for share in observed.share {
            cell(&mut html, &text::percent(share, 1));
        }
        cell(&mut html, &text::percent(trusted, 1));
        cell(&mut html, &text::thousands(hhi));
        cell(
            &mut html,
            &observed.output.map_or("–".to_string(), |output| {
                text::thousands(output.iter().sum::<f64>())
            }),
        );
        cell(&mut html, "–");
        if on_china {
            cell(&mut html, "–");
        }
        for _ in references {
            cell(&mut html, "–");
        }
        html.push_str("</tr>");
    }
    for ((year, row), heavy) in projection.stage_series(stage).zip(&projection.heavy) {
        let _ = write!(html, r#"<tr><th scope="row">{year}</th>"#);
        for share in row.share {
            cell(&mut html, &text::percent(share, 1));
        }
        cell(&mut html, &text::percent(row.trusted_share, 1));
        cell(&mut html, &text::thousands(row.hhi));
        cell(&mut html, &text::thousands(row.demand));
        cell(
            &mut html,
            &format!(
                "{} ({})",
                text::thousands(row.supply_gap),
                text::percent(row.supply_gap_share, 1)
            ),
        );
        if on_china {
            cell(&mut html, &text::thousands(heavy.magnets_on_china));
        }
        for compared in references {
            let share = compared
                .projection
                .get(year, stage)
                .map(|cell| cell.share[Region::Russia as usize]);
            cell(
                &mut html,
                &share.map_or("–".to_string(), |share| text::percent(share, 1)),
            );
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

/// `<table id="projection-table">`: one row per year, one column per region, plus the trusted
/// share, HHI, world demand and the supply gap outside China; for magnets and heavy separation also
/// the magnets made outside China that rely on China's Dy and Tb. For a product of separation
/// `projection` is [`crate::chart::product_view`]'s and there are no observed years. On a narrow
/// screen the years stay in view while the columns scroll, and a hint says so.
pub fn view(projection: &Projection, shown: Shown, references: &[Compared]) -> Html {
    html! {
        <>
        { markup("m-table-hint") }
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="projection-table-caption">
            { Html::from_html_unchecked(table_html(projection, shown, references).into()) }
        </div>
        </>
    }
}
