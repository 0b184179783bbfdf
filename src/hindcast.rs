//! The track record: the model started from 2020, laid beside what happened.
//!
//! The same `simulate_with` runs on `data/hindcast-2020.json` (2020 data, the pipeline as it
//! was announced in 2020, the parameter defaults as they would have been set then) and its
//! shares are compared with the observed years of the current dataset. Nothing is fitted to
//! the outcome: the hindcast file is written from what was published by the end of 2020.

use crate::data::{dataset, Dataset, Region, Stage, HINDCAST_DATASET};
use crate::params::Param;
use crate::projection::Projection;
use crate::scenario::Scenario;
use crate::simulate::simulate_with;
use serde::Serialize;

/// The last year the hindcast is compared in: the current dataset's base year.
pub fn last_year() -> u16 {
    dataset().base_year
}

/// The regions whose shares the hindcast reports.
pub const REGIONS: [Region; 2] = [Region::China, Region::Russia];

/// One predicted share beside the observed one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct HindcastRow {
    /// Stage.
    pub stage: Stage,
    /// Calendar year (observed).
    pub year: u16,
    /// Region.
    pub region: Region,
    /// The model's share, started from 2020.
    pub predicted: f64,
    /// The published share.
    pub observed: f64,
    /// Predicted minus observed, in percentage points.
    pub error_points: f64,
}

/// Mean absolute error of one stage and region over the observed years.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct HindcastSummary {
    /// Stage.
    pub stage: Stage,
    /// Region.
    pub region: Region,
    /// How many observed years were compared.
    pub years: usize,
    /// Mean of |predicted − observed| in percentage points.
    pub mean_abs_error_points: f64,
    /// The last compared year.
    pub last_year: u16,
    /// The error in the last compared year, in points (its sign says which way the model leaned).
    pub last_error_points: f64,
}

/// The whole track record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hindcast {
    /// The hindcast dataset's version id.
    pub data_version: &'static str,
    /// The year the model starts from.
    pub start_year: u16,
    /// The scenario used: today's defaults with the hindcast file's 2020 defaults.
    pub scenario: Scenario,
    /// Every compared stage, year and region.
    pub rows: Vec<HindcastRow>,
    /// Per stage and region.
    pub summary: Vec<HindcastSummary>,
}

/// The scenario as it would have been set in 2020: today's defaults overridden by the
/// hindcast file's `defaults`, with the horizon long enough to reach the last observed year.
pub fn scenario(data: &Dataset) -> Scenario {
    let mut scenario = Scenario::default();
    for (key, value) in data.defaults {
        if let Some(param) = Param::from_key(key) {
            scenario.set(param, *value);
        }
    }
    let horizon = scenario.get(Param::Horizon).max(f64::from(last_year()));
    scenario.with(Param::Horizon, horizon)
}

/// Runs the model from 2020 and compares it with every observed year after 2020.
pub fn hindcast() -> Hindcast {
    let data = &HINDCAST_DATASET;
    let scenario = scenario(data);
    let mut projection = Projection::default();
    simulate_with(data, &scenario, None, Stage::Magnets, &mut projection);
    let mut rows = Vec::new();
    for stage in Stage::ALL {
        for observed in dataset().observed(stage) {
            if observed.year <= data.base_year || observed.year > last_year() {
                continue;
            }
            for region in REGIONS {
                let Some(cell) = projection.get(observed.year, stage) else {
                    continue;
                };
                let predicted = cell.share[region as usize];
                let actual = observed.share[region as usize];
                rows.push(HindcastRow {
                    stage,
                    year: observed.year,
                    region,
                    predicted,
                    observed: actual,
                    error_points: (predicted - actual) * 100.0,
                });
            }
        }
    }
    let mut summary = Vec::new();
    for stage in Stage::ALL {
        for region in REGIONS {
            let compared: Vec<&HindcastRow> = rows
                .iter()
                .filter(|row| row.stage == stage && row.region == region)
                .collect();
            let errors: Vec<f64> = compared.iter().map(|row| row.error_points).collect();
            if let (Some(last), Some(last_row)) = (errors.last(), compared.last()) {
                summary.push(HindcastSummary {
                    stage,
                    region,
                    years: errors.len(),
                    mean_abs_error_points: errors.iter().map(|error| error.abs()).sum::<f64>()
                        / errors.len() as f64,
                    last_year: last_row.year,
                    last_error_points: *last,
                });
            }
        }
    }
    Hindcast {
        data_version: data.version,
        start_year: data.base_year,
        scenario,
        rows,
        summary,
    }
}

impl Hindcast {
    /// `stage,year,region,predicted,observed,error_points` rows.
    pub fn to_csv(&self) -> String {
        let mut text = String::from("stage,year,region,predicted,observed,error_points\n");
        for row in &self.rows {
            text.push_str(&format!(
                "{},{},{},{},{},{}\n",
                row.stage.id(),
                row.year,
                row.region.id(),
                crate::text::shortest(crate::projection::round_to(row.predicted, 6)),
                crate::text::shortest(crate::projection::round_to(row.observed, 6)),
                crate::text::shortest(crate::projection::round_to(row.error_points, 2))
            ));
        }
        text
    }

    /// A readable table: predicted against observed per stage, year and region, then the summary.
    pub fn to_table(&self) -> String {
        let mut text = format!(
            "How well would this model have predicted {}–{}?\n\
             The model started from {} (data {}: the pipeline as announced in {}, defaults as set then),\n\
             beside the published shares. Error = predicted − observed, in percentage points.\n\n",
            self.start_year + 1,
            last_year(),
            self.start_year,
            self.data_version,
            self.start_year
        );
        text.push_str("stage       year  region   predicted  observed   error\n");
        for row in &self.rows {
            text.push_str(&format!(
                "{:<11} {}  {:<7} {:>9.1}% {:>8.1}% {:>+7.1}\n",
                row.stage.id(),
                row.year,
                row.region.label(),
                row.predicted * 100.0,
                row.observed * 100.0,
                row.error_points
            ));
        }
        text.push_str("\nmean absolute error (points)\n");
        for summary in &self.summary {
            text.push_str(&format!(
                "{:<11} {:<7} {:>5.1} over {} year{}; {:+.1} in {}\n",
                summary.stage.id(),
                summary.region.label(),
                summary.mean_abs_error_points,
                summary.years,
                if summary.years == 1 { "" } else { "s" },
                summary.last_error_points,
                summary.last_year
            ));
        }
        text
    }
}

/// `text` with the five HTML special characters escaped (also for the all-claims view).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl Hindcast {
    /// The page's "How well would this model have predicted …?" section as static HTML.
    ///
    /// The hindcast does not depend on anything the reader sets, so it is computed here, at build
    /// time, and written into `index.html` (`tests/track_record_page.rs` keeps it current); the
    /// page's wasm carries neither the 2020 dataset nor this table. Its words are the
    /// `track-record.*` texts of `texts`' language; stage names and numbers follow the language
    /// set (`PageTexts::written`), so the test writes the Russian and Chinese sections too, which
    /// the page puts in place of the English (`static.html.track-record`).
    pub fn to_html(&self, texts: &crate::i18n::PageTexts) -> String {
        let percent = |share: f64| crate::text::percent(share, 1);
        // A difference in points with its sign, "+0.9", "-9.1" ("-9,1" in Russian).
        let signed = |points: f64| {
            let digits = crate::text::fixed(points, 1);
            if points.is_sign_negative() {
                digits
            } else {
                format!("+{digits}")
            }
        };
        let mut html = String::new();
        let years = format!("{}–{}", self.start_year + 1, last_year());
        let start = self.start_year.to_string();
        html.push_str(&format!(
            "<section id=\"track-record\" class=\"track-record\" aria-labelledby=\"track-record-title\">\n\
             <h2 id=\"track-record-title\">{}</h2>\n<p>{}</p>\n",
            texts.text("track-record.title", &[("years", &years)]),
            texts.text(
                "track-record.intro",
                &[("start", &start), ("version", &escape(self.data_version))]
            ),
        ));
        let column = |key: &str| format!("<th scope=\"col\">{}</th>", texts.text(key, &[]));
        html.push_str(&format!(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">\n\
             <table id=\"track-record-table\">\n<thead><tr>{}{}{}{}{}{}{}{}</tr></thead>\n<tbody>\n",
            texts.text("track-record.table-label", &[]),
            column("track-record.col.stage"),
            column("track-record.col.year"),
            column("track-record.col.china-predicted"),
            column("track-record.col.china-observed"),
            column("track-record.col.error"),
            column("track-record.col.russia-predicted"),
            column("track-record.col.russia-observed"),
            column("track-record.col.error"),
        ));
        for china in self.rows.iter().filter(|row| row.region == Region::China) {
            let russia = self.rows.iter().find(|row| {
                row.region == Region::Russia && row.stage == china.stage && row.year == china.year
            });
            let cells = |row: Option<&HindcastRow>| match row {
                Some(row) => format!(
                    "<td>{}</td><td>{}</td><td>{}</td>",
                    percent(row.predicted),
                    percent(row.observed),
                    signed(row.error_points)
                ),
                None => "<td></td><td></td><td></td>".to_string(),
            };
            html.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td>{}{}</tr>\n",
                china.stage.label(),
                china.year,
                cells(Some(china)),
                cells(russia)
            ));
        }
        html.push_str("</tbody>\n</table>\n</div>\n<ul class=\"track-record-summary\">\n");
        for summary in self.summary.iter().filter(|s| s.region == Region::China) {
            html.push_str(&format!(
                "<li>{}</li>\n",
                texts.plural(
                    "track-record.summary",
                    summary.years as f64,
                    &summary.years.to_string(),
                    &[
                        ("stage", summary.stage.label()),
                        (
                            "mean",
                            &crate::text::fixed(summary.mean_abs_error_points, 1)
                        ),
                        ("last", &signed(summary.last_error_points)),
                        ("year", &summary.last_year.to_string()),
                    ],
                )
            ));
        }
        html.push_str("</ul>\n</section>");
        html
    }
}
