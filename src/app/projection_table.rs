//! The projection as a table (years × regions for the chosen stage): the accessible
//! alternative to the charts.

use crate::app::headline::percent;
use crate::data::{Region, Stage};
use crate::projection::Projection;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ProjectionTable`].
#[derive(Properties, PartialEq)]
pub struct ProjectionTableProps {
    /// The projection shown.
    pub projection: Rc<Projection>,
    /// The stage shown.
    pub stage: Stage,
}

/// `<table id="projection-table">`: one row per year, one column per region, plus HHI and trusted share.
#[function_component(ProjectionTable)]
pub fn projection_table(props: &ProjectionTableProps) -> Html {
    let stage = props.stage;
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="projection-table-caption">
            <table id="projection-table">
                <caption id="projection-table-caption">
                    { format!("Share of world {} output by region, {}–{}", stage.id(),
                        props.projection.base_year, props.projection.last_year()) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Year" }</th>
                        { for Region::ALL.into_iter().map(|region| html! { <th scope="col">{ region.label() }</th> }) }
                        <th scope="col">{ "Outside China and Russia" }</th>
                        <th scope="col">{ "HHI" }</th>
                        <th scope="col">{ format!("World demand ({})", stage.unit()) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.projection.stage_series(stage).map(|(year, cell)| html! {
                        <tr key={year}>
                            <th scope="row">{ year }</th>
                            { for cell.share.iter().map(|share| html! { <td>{ percent(*share) }</td> }) }
                            <td>{ percent(cell.trusted_share) }</td>
                            <td>{ format!("{:.0}", cell.hhi) }</td>
                            <td>{ format!("{:.0}", cell.demand) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
