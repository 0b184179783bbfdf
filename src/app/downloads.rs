//! Downloads of the projection (a zip of its CSV and a README with the scenario's link, the data
//! version, the date, the citation, the columns and the sources) and the scenario (JSON, with the
//! same provenance), and loading a scenario file back.

use crate::app::state::{Action, AppState};
use crate::app::{button, markup};
use crate::i18n::Msg;
use crate::projection::Projection;
use crate::provenance::{self, Made, CSV_NAME, SOURCES_FILE};
use crate::scenario_file::{scenario_from_text, scenario_to_json_made};
use crate::state::LinkState;
use crate::tr;
use crate::web::files;
use crate::web::json::parse_json;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Notices a download of the file `name` that failed, as "name: why" (one place for every
/// download button of the page).
#[inline(never)]
pub fn notice_failure(
    name: &str,
    outcome: Result<(), String>,
    dispatch: &UseReducerDispatcher<AppState>,
) {
    if let Err(message) = outcome {
        dispatch.dispatch(Action::Notify(format!("{name}: {message}")));
    }
}

/// Buttons for the projection (a zip of the CSV and its README) and the scenario (JSON) of the
/// link state `link`, each with where and when it was made (`made`); and a file input that loads a
/// scenario, with what the last load did (`file_outcome`) beside it.
pub fn view(
    projection: &Rc<Projection>,
    link: &LinkState,
    made: &Made,
    file_outcome: Option<&str>,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    let on_json = {
        let link = link.clone();
        let dispatch = dispatch.clone();
        let made = made.clone();
        Callback::from(move |_: MouseEvent| {
            let name = "ree-outlook-scenario.json";
            let text = scenario_to_json_made(&link, &made);
            notice_failure(
                name,
                files::download_text(name, "application/json", &text),
                &dispatch,
            );
        })
    };
    let on_csv = {
        let projection = projection.clone();
        let dispatch = dispatch.clone();
        let made = made.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = projection.to_csv();
            let made = made.clone();
            let dispatch = dispatch.clone();
            // The sources come from the site's static file; without it the README says where they are.
            files::read_site_file(
                SOURCES_FILE,
                Box::new(move |sources: wasm_bindgen::JsValue| {
                    let name = "ree-outlook-projection.zip";
                    let readme = provenance::readme(
                        &crate::web::template_html("csv-readme").unwrap_or_default(),
                        &made,
                        sources.as_string().as_deref(),
                    );
                    let zip = crate::zip::stored(&[
                        (CSV_NAME, csv.as_bytes()),
                        ("README.txt", readme.as_bytes()),
                    ]);
                    notice_failure(
                        name,
                        files::download_bytes(name, "application/zip", &zip),
                        &dispatch,
                    );
                }),
            );
        })
    };
    let on_load = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let dispatch = dispatch.clone();
            files::read_chosen_file(&input, move |outcome| {
                let result = match outcome {
                    Ok((name, text)) => scenario_from_text(&text, parse_json)
                        .map(|(state, mut notices)| {
                            notices.insert(0, tr!(Msg::FileLoaded, name = name));
                            (state, notices)
                        })
                        .map_err(|message| tr!(Msg::FileNotLoaded, name = name, message = message)),
                    Err(message) => Err(tr!(Msg::FileFailed, message = message)),
                };
                dispatch.dispatch(Action::LoadFile(result));
            });
        })
    };
    html! {
        <section class="downloads" aria-labelledby="downloads-heading">
            { markup("m-downloads") }
            <div class="download-buttons">
                { button("download-csv", tr!(Msg::DownloadCsv), on_csv) }
                { button("download-json", tr!(Msg::DownloadJson), on_json) }
                { markup("m-load-json") }
                <input type="file" id="load-json" accept=".json,application/json" onchange={on_load} />
            </div>
            <p id="load-outcome" role="status">{ file_outcome.unwrap_or_default() }</p>
        </section>
    }
}
