//! The projection as a table (years × regions for the chosen stage or product of separation): the
//! accessible alternative to the charts.

use crate::app::{markup, table_cell};
use crate::data::{Region, Stage};
use crate::projection::Projection;
use crate::state::{Product, Shown};
use crate::text;
use yew::prelude::*;

/// A cell of a column shown only for some stages: `text()` in a cell when `shown`, else nothing.
fn extra_cell(shown: bool, text: impl FnOnce() -> String) -> Html {
    if shown {
        table_cell(text())
    } else {
        Html::default()
    }
}

/// `<table id="projection-table">`: one row per year, one column per region, plus the trusted
/// share, HHI, world demand and the supply gap outside China; for magnets and heavy separation also
/// the magnets made outside China that rely on China's Dy and Tb. For a product of separation
/// `projection` is [`crate::chart::product_view`]'s and there are no observed years. On a narrow
/// screen the years stay in view while the columns scroll, and a hint says so.
pub fn view(projection: &Projection, shown: Shown) -> Html {
    let stage = shown.stage();
    let on_china = matches!(
        shown,
        Shown::Stage(Stage::Magnets) | Shown::Product(Product::Heavy)
    );
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
                        <th scope="col">{ format!("World demand ({})", stage.unit()) }</th>
                        <th scope="col">{ format!("Supply gap outside China ({}, share of its demand)", stage.unit()) }</th>
                        { on_china.then(|| html! { <th scope="col">{ "Magnets outside China relying on China's Dy and Tb (t NdFeB)" }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for history.map(|observed| {
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
                                { extra_cell(on_china, || "–".to_string()) }
                            </tr>
                        }
                    }) }
                    { for projection.stage_series(stage).zip(&projection.heavy).map(|((year, cell), heavy)| html! {
                        <tr key={year}>
                            <th scope="row">{ year }</th>
                            { for cell.share.iter().map(|share| table_cell(text::percent(*share, 1))) }
                            { table_cell(text::percent(cell.trusted_share, 1)) }
                            { table_cell(text::thousands(cell.hhi)) }
                            { table_cell(text::thousands(cell.demand)) }
                            { table_cell(format!("{} ({})", text::thousands(cell.supply_gap), text::percent(cell.supply_gap_share, 1))) }
                            { extra_cell(on_china, || text::thousands(heavy.magnets_on_china)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
        </>
    }
}
