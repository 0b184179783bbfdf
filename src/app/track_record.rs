//! "How well would this model have predicted 2020–2025?": the hindcast beside what happened.

use crate::app::headline::percent;
use crate::data::Region;
use crate::hindcast::{hindcast, Hindcast, HindcastRow};
use yew::prelude::*;

/// `<section id="track-record">`: the model started from 2020, against the published shares.
#[function_component(TrackRecord)]
pub fn track_record() -> Html {
    let record = use_memo((), |()| hindcast());
    let record: &Hindcast = &record;
    let years = format!("{}–{}", record.start_year, crate::hindcast::last_year());
    // One row per stage and year: China's and Russia's predicted, observed and error side by side.
    let china_rows: Vec<&HindcastRow> = record
        .rows
        .iter()
        .filter(|row| row.region == Region::China)
        .collect();
    let russia = |row: &HindcastRow| {
        record.rows.iter().find(|other| {
            other.region == Region::Russia && other.stage == row.stage && other.year == row.year
        })
    };
    let points = |error: f64| format!("{error:+.1}");
    html! {
        <section id="track-record" class="track-record" aria-labelledby="track-record-title">
            <h2 id="track-record-title">{ format!("How well would this model have predicted {years}?") }</h2>
            <p>{ format!(
                "The same model, started from {} data with the pipeline as it was announced in {} and the defaults as they would have been set then (data {}), run forward and laid beside the published shares. Nothing is fitted to the outcome. Error = predicted − observed, in percentage points.",
                record.start_year, record.start_year, record.data_version) }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="track-record-title">
                <table id="track-record-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Stage" }</th>
                            <th scope="col">{ "Year" }</th>
                            <th scope="col">{ "China, predicted" }</th>
                            <th scope="col">{ "China, observed" }</th>
                            <th scope="col">{ "Error" }</th>
                            <th scope="col">{ "Russia, predicted" }</th>
                            <th scope="col">{ "Russia, observed" }</th>
                            <th scope="col">{ "Error" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for china_rows.into_iter().map(|row| {
                            let russia = russia(row);
                            html! {
                                <tr key={format!("{}-{}", row.stage.id(), row.year)}>
                                    <th scope="row">{ row.stage.label() }</th>
                                    <td>{ row.year }</td>
                                    <td>{ percent(row.predicted) }</td>
                                    <td>{ percent(row.observed) }</td>
                                    <td>{ points(row.error_points) }</td>
                                    <td>{ russia.map(|r| percent(r.predicted)).unwrap_or_default() }</td>
                                    <td>{ russia.map(|r| percent(r.observed)).unwrap_or_default() }</td>
                                    <td>{ russia.map(|r| points(r.error_points)).unwrap_or_default() }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <ul class="track-record-summary">
                { for record.summary.iter().filter(|summary| summary.region == Region::China).map(|summary| html! {
                    <li>{ format!("{}: China's share off by {:.1} points on average over {} published year{}; {:+.1} in {}.",
                        summary.stage.label(), summary.mean_abs_error_points, summary.years,
                        if summary.years == 1 { "" } else { "s" }, summary.last_error_points, summary.last_year) }</li>
                }) }
            </ul>
        </section>
    }
}
