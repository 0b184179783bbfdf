//! The projection as a table (years × regions for the chosen stage): the accessible
//! alternative to the charts.

use crate::app::{markup, table_cell};
use crate::data::{Region, Stage};
use crate::projection::Projection;
use crate::text;
use yew::prelude::*;

/// `<table id="projection-table">`: one row per year, one column per region, plus the trusted
/// share, HHI, world demand and the supply gap outside China. On a narrow screen the years stay
/// in view while the columns scroll, and a hint says so.
pub fn view(projection: &Projection, stage: Stage) -> Html {
    html! {
        <>
        { markup(r#"<p class="table-hint" aria-hidden="true">Scroll sideways for more columns →</p>"#) }
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="projection-table-caption">
            <table id="projection-table">
                <caption id="projection-table-caption">
                    { format!("Share of world {} output by region: observed years, then the model from {} to {}", stage.id(),
                        projection.base_year, projection.last_year()) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Year" }</th>
                        { for Region::ALL.into_iter().map(|region| html! { <th scope="col">{ region.label() }</th> }) }
                        <th scope="col">{ "Outside China and Russia" }</th>
                        <th scope="col">{ "HHI" }</th>
                        <th scope="col">{ format!("World demand ({})", stage.unit()) }</th>
                        <th scope="col">{ format!("Supply gap outside China ({}, share of its demand)", stage.unit()) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for crate::projection::history(stage).map(|observed| {
                        let share = |region: Region| observed.share[region as usize];
                        let trusted = 1.0 - share(Region::China) - share(Region::Russia);
                        let hhi: f64 = observed.share.iter().map(|s| (s * 100.0) * (s * 100.0)).sum();
                        html! {
                            <tr key={observed.year} class="observed">
                                <th scope="row">{ format!("{} (observed)", observed.year) }</th>
                                { for observed.share.iter().map(|share| table_cell(text::percent(*share, 1))) }
                                { table_cell(text::percent(trusted, 1)) }
                                { table_cell(text::thousands(hhi)) }
                                { table_cell(observed.output.map_or("–".to_string(), |output| text::thousands(output.iter().sum::<f64>()))) }
                                <td>{ "–" }</td>
                            </tr>
                        }
                    }) }
                    { for projection.stage_series(stage).map(|(year, cell)| html! {
                        <tr key={year}>
                            <th scope="row">{ year }</th>
                            { for cell.share.iter().map(|share| table_cell(text::percent(*share, 1))) }
                            { table_cell(text::percent(cell.trusted_share, 1)) }
                            { table_cell(text::thousands(cell.hhi)) }
                            { table_cell(text::thousands(cell.demand)) }
                            { table_cell(format!("{} ({})", text::thousands(cell.supply_gap), text::percent(cell.supply_gap_share, 1))) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
        </>
    }
}
