//! The projection as a table (years × regions for the chosen stage or product of separation): the
//! accessible alternative to the charts.

use crate::app::{markup, table_cell};
use crate::data::{Region, Stage, REGION_COUNT};
use crate::projection::Projection;
use crate::state::Shown;
use crate::text;
use yew::prelude::*;

/// One model year of the table: shares by region, the trusted share, HHI, world demand and the
/// supply gap outside China (tonnes, share of that demand).
struct Row {
    share: [f64; REGION_COUNT],
    trusted: f64,
    hhi: f64,
    demand: f64,
    gap: f64,
    gap_share: f64,
}

/// The row of `shown` in the year at `index` (from the base year): a stage's cell, or a product's
/// output shares, its demand (the heavy demand; the stage's less it for the light product) and gap.
fn row(projection: &Projection, shown: Shown, index: usize) -> Row {
    let cell = &projection.cells[index][shown.stage() as usize];
    let Some(product) = shown.product() else {
        return Row {
            share: cell.share,
            trusted: cell.trusted_share,
            hhi: cell.hhi,
            demand: cell.demand,
            gap: cell.supply_gap,
            gap_share: cell.supply_gap_share,
        };
    };
    let values = projection.product(index, product.is_heavy());
    let heavy = projection.heavy[index].demand;
    Row {
        share: values.share,
        trusted: trusted(&values.share),
        hhi: hhi(&values.share),
        demand: if product.is_heavy() {
            heavy
        } else {
            cell.demand - heavy
        },
        gap: values.supply_gap,
        gap_share: values.supply_gap_share,
    }
}

/// The HHI of a year's shares, as the model computes it (0 to 10,000).
fn hhi(share: &[f64; REGION_COUNT]) -> f64 {
    share.iter().map(|s| (s * 100.0) * (s * 100.0)).sum()
}

/// The trusted share: neither China nor Russia.
fn trusted(share: &[f64; REGION_COUNT]) -> f64 {
    1.0 - share[Region::China as usize] - share[Region::Russia as usize]
}

/// `<table id="projection-table">`: one row per year, one column per region, plus the trusted
/// share, HHI, world demand and the supply gap outside China; for magnets and heavy separation also
/// the magnets made outside China that rely on China's Dy and Tb. On a narrow screen the years stay
/// in view while the columns scroll, and a hint says so.
pub fn view(projection: &Projection, shown: Shown) -> Html {
    let stage = shown.stage();
    let unit = stage.unit();
    let on_china = matches!(shown, Shown::Stage(Stage::Magnets))
        || shown.product().is_some_and(|p| p.is_heavy());
    let history = crate::projection::history(stage).filter(|_| shown.product().is_none());
    html! {
        <>
        { markup(r#"<p class="table-hint" aria-hidden="true">Scroll sideways for more columns →</p>"#) }
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="projection-table-caption">
            <table id="projection-table" data-stage={shown.id()}>
                <caption id="projection-table-caption">
                    { format!("Share of world {} output by region: {}the model from {} to {}", shown.name(),
                        if shown.product().is_some() { "" } else { "observed years, then " },
                        projection.base_year, projection.last_year()) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Year" }</th>
                        { for Region::ALL.into_iter().map(|region| html! { <th scope="col">{ region.label() }</th> }) }
                        <th scope="col">{ "Outside China and Russia" }</th>
                        <th scope="col">{ "HHI" }</th>
                        <th scope="col">{ format!("World demand ({unit})") }</th>
                        <th scope="col">{ format!("Supply gap outside China ({unit}, share of its demand)") }</th>
                        { on_china.then(|| html! { <th scope="col">{ "Magnets outside China relying on China's Dy and Tb (t NdFeB)" }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for history.map(|observed| html! {
                        <tr key={observed.year} class="observed">
                            <th scope="row">{ format!("{} (observed)", observed.year) }</th>
                            { for observed.share.iter().map(|share| table_cell(text::percent(*share, 1))) }
                            { table_cell(text::percent(trusted(&observed.share), 1)) }
                            { table_cell(text::thousands(hhi(&observed.share))) }
                            { table_cell(observed.output.map_or("–".to_string(), |output| text::thousands(output.iter().sum::<f64>()))) }
                            <td>{ "–" }</td>
                            { on_china.then(|| table_cell("–".to_string())) }
                        </tr>
                    }) }
                    { for projection.year_range().enumerate().map(|(index, year)| {
                        let row = row(projection, shown, index);
                        html! {
                            <tr key={year}>
                                <th scope="row">{ year }</th>
                                { for row.share.iter().map(|share| table_cell(text::percent(*share, 1))) }
                                { table_cell(text::percent(row.trusted, 1)) }
                                { table_cell(text::thousands(row.hhi)) }
                                { table_cell(text::thousands(row.demand)) }
                                { table_cell(format!("{} ({})", text::thousands(row.gap), text::percent(row.gap_share, 1))) }
                                { on_china.then(|| table_cell(text::thousands(projection.heavy[index].magnets_on_china))) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
        </>
    }
}
