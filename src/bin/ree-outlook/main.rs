//! The `ree-outlook` command-line tool: project a scenario, list the presets and parameters,
//! run the analyses or print the track record, as a table, CSV or JSON.
//!
//! - `flags.rs` reads the command line into [`Options`] (one table defines every option and writes `--help`);
//! - this file puts the scenario together ([`resolve_state`]), dispatches on [`Action`] and writes the output;
//! - `story.rs` writes the readable summary of a projection, `analyses.rs` the Monte Carlo, tornado
//!   and goal-seek reports, `budget.rs` the budget and feed report, `lists.rs` the presets and the parameters.
//!
//! The model, the link codec and the analyses are the library's (`ree_outlook`), shared with the page
//! and the JavaScript package; nothing here is used by them.
//!
//! Unlike links, the command line is strict: an unknown key or preset, a malformed
//! number or a value out of range stops with exit status 2 and a message that names
//! the key and its allowed range or the valid choices. Nothing is silently clamped.

mod analyses;
mod budget;
mod flags;
mod lists;
mod story;

use flags::{Action, Options, OutputFormat};
use ree_outlook::params::{self, Invalid, Param};
use ree_outlook::scenario::{Preset, BASELINE};
use ree_outlook::state::LinkState;
use ree_outlook::url;
use ree_outlook::{simulate, Projection, Scenario};
use serde::Serialize;
use std::io::Write;

/// Exit status for success.
const EXIT_OK: i32 = 0;
/// Exit status when writing the output failed (for example a closed pipe).
const EXIT_IO: i32 = 1;
/// Exit status for a usage error: bad option, key, value, preset or format.
const EXIT_USAGE: i32 = 2;

fn main() {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let status = run(
        &args,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(status);
}

/// Runs the tool: parses `args` (without the program name), writes results to `out`
/// and messages to `err`, and returns the exit status.
fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = flags::parse_args(args).and_then(|options| match options.action {
        Action::Help => Ok(flags::help()),
        Action::ListPresets => Ok(lists::presets(options.format)),
        Action::ListParams => Ok(lists::params(options.format)),
        Action::Hindcast => Ok(hindcast_report(options.format)),
        Action::Project
        | Action::MonteCarlo
        | Action::Tornado
        | Action::Solve(_)
        | Action::Budget => {
            let (state, notices) = resolve_state(&options)?;
            for notice in notices {
                // A failed write to stderr leaves nothing better to do.
                let _ = writeln!(err, "note: {notice}");
            }
            Ok(analyse(&state, &options))
        }
    });
    match result {
        Ok(text) => match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => EXIT_OK,
            Err(error) => {
                let _ = writeln!(err, "ree-outlook: could not write the output: {error}");
                EXIT_IO
            }
        },
        Err(message) => {
            let _ = writeln!(err, "ree-outlook: {message}");
            EXIT_USAGE
        }
    }
}

/// One `--set key=value`, checked strictly: the key must exist and the value be a number in range.
fn parse_set(text: &str) -> Result<(Param, f64), String> {
    let Some((key, value)) = text.split_once('=') else {
        return Err(format!(
            "--set expects KEY=VALUE (e.g. --set sanctions=0.9), got '{text}'"
        ));
    };
    let (key, value) = (key.trim(), value.trim());
    // A number too large for a double ("1e309") is out of range, not "not a number".
    let number = match value.parse::<f64>() {
        Ok(huge) if huge.is_infinite() => Some(huge),
        _ => url::parse_number(value),
    };
    params::checked(key, number).map_err(|invalid| match invalid {
        Invalid::UnknownKey => format!(
            "unknown parameter '{key}'; valid keys: {}",
            params::valid_keys()
        ),
        Invalid::NotANumber(param) => format!(
            "{key}: '{value}' is not a number; {key} must be {}",
            param.spec().range_text()
        ),
        // An infinite number is quoted as written ("1e309"), not as "inf".
        Invalid::OutOfRange(param, number) if number.is_infinite() => {
            format!("{key} must be {} (got {value})", param.spec().range_text())
        }
        Invalid::OutOfRange(param, number) => {
            format!("{key} must be {} (got {number})", param.spec().range_text())
        }
    })
}

/// The preset called `id`, or a message listing the valid ones.
fn find_preset(id: &str) -> Result<&'static Preset, String> {
    Preset::find(id).ok_or_else(|| {
        format!(
            "unknown preset '{id}'; valid presets: {}",
            Preset::valid_ids()
        )
    })
}

/// The scenario the options describe, plus notices from decoding a `--url`.
fn resolve_state(options: &Options) -> Result<(LinkState, Vec<String>), String> {
    let (mut state, notices) = match (&options.url, &options.preset) {
        (Some(_), Some(_)) => {
            return Err(
                "use either --url or --preset, not both (--set works with either)".to_string(),
            )
        }
        (Some(link), None) => {
            let decoded = url::decode(link);
            let notices = decoded
                .data_note
                .into_iter()
                .chain(decoded.notices)
                .collect();
            (decoded.state, notices)
        }
        (None, preset) => {
            let preset = find_preset(preset.as_deref().unwrap_or(BASELINE))?;
            (LinkState::from_preset(preset), Vec::new())
        }
    };
    for set in &options.sets {
        let (param, value) = parse_set(set)?;
        state.scenario.set(param, value);
    }
    Ok((state, notices))
}

/// The output of a projecting or analysing action for `state`.
fn analyse(state: &LinkState, options: &Options) -> String {
    let scenario = &state.scenario;
    match options.action {
        Action::MonteCarlo => analyses::monte_carlo_report(
            scenario,
            options.monte_carlo,
            options.target,
            options.format,
        ),
        Action::Tornado => analyses::tornado_report(scenario, options.target, options.format),
        Action::Solve(param) => {
            analyses::solve_report(scenario, param, options.target, options.format)
        }
        Action::Budget => budget::report(state, &simulate(scenario), options.format),
        _ => render(state, &simulate(scenario), options.format),
    }
}

/// The projection of `state` in `format`.
fn render(state: &LinkState, projection: &Projection, format: OutputFormat) -> String {
    match format {
        OutputFormat::Csv => projection.to_csv(),
        OutputFormat::Table => story::story(state, projection),
        OutputFormat::Json => {
            let document = JsonOutput {
                preset: state.preset().id,
                link: url::encode(state),
                scenario: &state.scenario,
                projection,
            };
            json_text(&document)
        }
    }
}

/// The JSON document of a projection: the scenario, its link and the projection.
#[derive(Serialize)]
struct JsonOutput<'a> {
    preset: &'static str,
    link: String,
    scenario: &'a Scenario,
    projection: &'a Projection,
}

/// The track record in `format`.
fn hindcast_report(format: OutputFormat) -> String {
    let hindcast = ree_outlook::hindcast::hindcast();
    match format {
        OutputFormat::Table => hindcast.to_table(),
        OutputFormat::Csv => hindcast.to_csv(),
        OutputFormat::Json => json_text(&hindcast),
    }
}

/// Pretty JSON with a final newline.
fn json_text<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_set_is_strict() {
        assert_eq!(parse_set("sanctions=0.25"), Ok((Param::Sanctions, 0.25)));
        assert_eq!(
            parse_set("sanctions=2"),
            Err("sanctions must be between 0 and 1 (got 2)".to_string())
        );
        assert!(parse_set("sanctions=abc")
            .is_err_and(|e| e.contains("not a number") && e.contains("between 0 and 1")));
        assert!(parse_set("nope=1").is_err_and(|e| e.contains("valid keys: ru_plan_share")));
        assert!(parse_set("sanctions").is_err_and(|e| e.contains("KEY=VALUE")));
    }

    #[test]
    fn a_number_too_large_for_a_double_is_out_of_range() {
        let error = parse_set("sanctions=1e309").err().unwrap_or_default();
        assert_eq!(error, "sanctions must be between 0 and 1 (got 1e309)");
        assert!(parse_set("sanctions=-1e309")
            .err()
            .is_some_and(|error| error.contains("between 0 and 1")));
        assert!(parse_set("sanctions=inf")
            .err()
            .is_some_and(|error| error.contains("between 0 and 1")));
    }

    #[test]
    fn url_and_preset_together_are_an_error() {
        let options = Options {
            url: Some("v=1".to_string()),
            preset: Some("skeptic".to_string()),
            ..Options::default()
        };
        assert!(resolve_state(&options).is_err_and(|e| e.contains("either --url or --preset")));
    }

    #[test]
    fn run_writes_results_to_out_and_errors_to_err_with_the_exit_status() {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let status = run(&["--list-presets".to_string()], &mut out, &mut err);
        assert_eq!(status, EXIT_OK);
        assert!(String::from_utf8_lossy(&out).starts_with("baseline "));
        assert!(err.is_empty());
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = run(&["--preset".to_string()], &mut out, &mut err);
        assert_eq!(status, EXIT_USAGE);
        assert!(out.is_empty());
        assert_eq!(
            String::from_utf8_lossy(&err),
            "ree-outlook: --preset needs a value: --preset NAME\n"
        );
    }
}
