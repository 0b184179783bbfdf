//! The `ree-outlook` command-line tool: [`main`] hands the arguments to [`run`].
//!
//! Parsing is table-driven: [`FLAGS`] lists every option (it also writes `--help`),
//! [`apply_flag`] stores one option into [`Options`], and [`run`] dispatches on
//! [`Options::action`]. Adding a flag is one row in `FLAGS`, one arm in `apply_flag`
//! and, if it needs one, a field in `Options`.
//!
//! Unlike links, the command line is strict: an unknown key or preset, a malformed
//! number or a value out of range stops with exit status 2 and a message that names
//! the key and its allowed range or the valid choices. Nothing is silently clamped.

mod analyses;
mod story;

use ree_outlook::params::{Param, PARAMS};
use ree_outlook::scenario::{Preset, PRESETS};
use ree_outlook::scenario_file::range_text;
use ree_outlook::url::{self, LinkState};
use ree_outlook::{simulate, Projection};
use serde::Serialize;
use std::io::Write;

/// Exit status for success.
pub const EXIT_OK: i32 = 0;
/// Exit status when writing the output failed (for example a closed pipe).
pub const EXIT_IO: i32 = 1;
/// Exit status for a usage error: bad option, key, value, preset or format.
pub const EXIT_USAGE: i32 = 2;

/// How results are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OutputFormat {
    /// A readable summary that tells the story (the default).
    #[default]
    Table,
    /// `year,stage,region,output_t,share` rows.
    Csv,
    /// The scenario and the projection as JSON.
    Json,
}

impl OutputFormat {
    /// Every format with its name on the command line.
    pub const ALL: [(OutputFormat, &'static str); 3] = [
        (OutputFormat::Table, "table"),
        (OutputFormat::Csv, "csv"),
        (OutputFormat::Json, "json"),
    ];

    /// The format called `name`, or a message listing the valid ones.
    pub fn from_name(name: &str) -> Result<OutputFormat, String> {
        OutputFormat::ALL
            .iter()
            .find(|(_, candidate)| *candidate == name)
            .map(|(format, _)| *format)
            .ok_or_else(|| format!("unknown format '{name}'; valid formats: csv, json, table"))
    }
}

/// What the tool was asked to do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Action {
    /// Project one scenario (the default).
    #[default]
    Project,
    /// List the presets.
    ListPresets,
    /// List the parameters.
    ListParams,
    /// Print the help.
    Help,
    /// Monte Carlo bands and the probability of the target.
    MonteCarlo,
    /// Sensitivity of the focus output to each parameter.
    Tornado,
    /// Goal seek: the value of one parameter that reaches the target.
    Solve,
    /// The track record: the model started from 2020 beside what happened.
    Hindcast,
}

/// Everything the command line asked for, before validation of keys and values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// What to do.
    pub action: Action,
    /// Output format.
    pub format: OutputFormat,
    /// `--preset`, if given.
    pub preset: Option<String>,
    /// Every `--set key=value`, in order.
    pub sets: Vec<String>,
    /// `--url`, if given: a page URL or its fragment.
    pub url: Option<String>,
    /// Monte Carlo samples and seed (`--monte-carlo`, `--seed`).
    pub monte_carlo: ree_outlook::analysis::MonteCarloSettings,
    /// The parameter `--solve` varies.
    pub solve: Option<Param>,
    /// What the analyses read: `--region`, `--stage`, `--year`, `--target`.
    pub focus: analyses::Focus,
}

/// One command-line option.
#[derive(Clone, Copy, Debug)]
pub struct Flag {
    /// The option, e.g. `--preset`.
    pub name: &'static str,
    /// Placeholder for its value in the help, or `None` if it takes none.
    pub value: Option<&'static str>,
    /// One line of help.
    pub help: &'static str,
}

/// Every option, in the order `--help` lists them.
pub const FLAGS: &[Flag] = &[
    Flag {
        name: "--preset",
        value: Some("NAME"),
        help: "start from a preset (default baseline; see --list-presets)",
    },
    Flag {
        name: "--set",
        value: Some("KEY=VALUE"),
        help: "change one parameter, repeatable (see --list-params; fractions for %)",
    },
    Flag {
        name: "--url",
        value: Some("LINK"),
        help: "use the scenario of a page link (the full URL or the part after '#')",
    },
    Flag {
        name: "--format",
        value: Some("FORMAT"),
        help: "table (default), csv (year,stage,region,output_t,share) or json",
    },
    Flag {
        name: "--list-presets",
        value: None,
        help: "list the presets: id, title, description",
    },
    Flag {
        name: "--list-params",
        value: None,
        help: "list the parameters: key, label, unit, range, default, plausible range, source",
    },
    Flag {
        name: "--monte-carlo",
        value: Some("N"),
        help: "run N sampled scenarios: P10/P50/P90 per year and the target's probability",
    },
    Flag {
        name: "--seed",
        value: Some("S"),
        help: "seed of the Monte Carlo generator (default 1); same seed, same result",
    },
    Flag {
        name: "--tornado",
        value: None,
        help: "rank the parameters by how far each alone moves the output",
    },
    Flag {
        name: "--solve",
        value: Some("KEY"),
        help: "find the value of one parameter that reaches --target",
    },
    Flag {
        name: "--target",
        value: Some("SHARE"),
        help: "target share for --monte-carlo and --solve (default 0.1)",
    },
    Flag {
        name: "--region",
        value: Some("REGION"),
        help: "region the analyses read (default russia)",
    },
    Flag {
        name: "--stage",
        value: Some("STAGE"),
        help: "stage the analyses read: mining, separation (default), magnets",
    },
    Flag {
        name: "--year",
        value: Some("YEAR"),
        help: "year the analyses read (default 2030)",
    },
    Flag {
        name: "--hindcast",
        value: None,
        help: "the track record: the model started from 2020 against the observed 2021-2025",
    },
    Flag {
        name: "--help",
        value: None,
        help: "print this help",
    },
];

/// Stores one option and its value into `options`.
pub fn apply_flag(options: &mut Options, name: &str, value: Option<&str>) -> Result<(), String> {
    let text = value.unwrap_or_default();
    match name {
        "--preset" => {
            if options.preset.is_some() {
                return Err("--preset was given more than once".to_string());
            }
            options.preset = Some(text.to_string());
        }
        "--set" => options.sets.push(text.to_string()),
        "--url" => {
            if options.url.is_some() {
                return Err("--url was given more than once".to_string());
            }
            options.url = Some(text.to_string());
        }
        "--format" => options.format = OutputFormat::from_name(text)?,
        "--list-presets" => options.action = Action::ListPresets,
        "--list-params" => options.action = Action::ListParams,
        "--help" => options.action = Action::Help,
        "--monte-carlo" => {
            options.monte_carlo.samples = analyses::parse_samples(text)?;
            options.action = Action::MonteCarlo;
        }
        "--seed" => options.monte_carlo.seed = analyses::parse_seed(text)?,
        "--tornado" => options.action = Action::Tornado,
        "--hindcast" => options.action = Action::Hindcast,
        "--solve" => {
            options.solve = Some(analyses::parse_solve(text)?);
            options.action = Action::Solve;
        }
        "--target" => options.focus.share = analyses::parse_share(text)?,
        "--region" => options.focus.output.region = analyses::parse_region(text)?,
        "--stage" => options.focus.output.stage = analyses::parse_stage(text)?,
        "--year" => options.focus.output.year = analyses::parse_year(text)?,
        _ => return Err(format!("the option {name} is listed but not handled")),
    }
    Ok(())
}

/// Reads the arguments (without the program name) into [`Options`].
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "-h" {
            options.action = Action::Help;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value)),
            _ => (arg.as_str(), None),
        };
        let Some(flag) = FLAGS.iter().find(|flag| flag.name == name) else {
            return Err(if arg.starts_with('-') {
                format!("unknown option '{name}'; run ree-outlook --help for the options")
            } else {
                format!(
                    "unexpected argument '{arg}'; options start with --, see ree-outlook --help"
                )
            });
        };
        let value = match (flag.value, inline) {
            (None, None) => None,
            (None, Some(_)) => return Err(format!("{name} takes no value")),
            (Some(_), Some(value)) => Some(value),
            (Some(placeholder), None) => Some(
                rest.next()
                    .map(String::as_str)
                    .ok_or_else(|| format!("{name} needs a value: {name} {placeholder}"))?,
            ),
        };
        apply_flag(&mut options, name, value)?;
    }
    Ok(options)
}

/// One `--set key=value`, checked strictly: the key must exist and the value be a number in range.
pub fn parse_set(text: &str) -> Result<(Param, f64), String> {
    let Some((key, value)) = text.split_once('=') else {
        return Err(format!(
            "--set expects KEY=VALUE (e.g. --set sanctions=0.9), got '{text}'"
        ));
    };
    let key = key.trim();
    let param = Param::from_key(key).ok_or_else(|| {
        format!(
            "unknown parameter '{key}'; valid keys: {}",
            ree_outlook::params::valid_keys()
        )
    })?;
    let spec = param.spec();
    // A number too large for a double ("1e309") is out of range, not "not a number".
    if let Ok(huge) = value.trim().parse::<f64>() {
        if huge.is_infinite() {
            return Err(format!(
                "{key} must be {} (got {})",
                range_text(spec),
                value.trim()
            ));
        }
    }
    let number = url::parse_number(value).ok_or_else(|| {
        format!(
            "{key}: '{}' is not a number; {key} must be {}",
            value.trim(),
            range_text(spec)
        )
    })?;
    if !spec.contains(number) {
        return Err(format!("{key} must be {} (got {number})", range_text(spec)));
    }
    Ok((param, number))
}

/// The preset called `id`, or a message listing the valid ones.
pub fn find_preset(id: &str) -> Result<&'static Preset, String> {
    Preset::find(id).ok_or_else(|| {
        format!(
            "unknown preset '{id}'; valid presets: {}",
            Preset::valid_ids()
        )
    })
}

/// The scenario the options describe, plus notices from decoding a `--url`.
pub fn resolve_state(options: &Options) -> Result<(LinkState, Vec<String>), String> {
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
            let preset = find_preset(preset.as_deref().unwrap_or(ree_outlook::scenario::BASELINE))?;
            (LinkState::from_preset(preset), Vec::new())
        }
    };
    for set in &options.sets {
        let (param, value) = parse_set(set)?;
        state.scenario.set(param, value);
    }
    Ok((state, notices))
}

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
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = parse_args(args).and_then(|options| match options.action {
        Action::Help => Ok(help()),
        Action::ListPresets => Ok(list_presets(options.format)),
        Action::ListParams => Ok(list_params(options.format)),
        Action::Hindcast => Ok(hindcast_report(options.format)),
        Action::Project | Action::MonteCarlo | Action::Tornado | Action::Solve => {
            let (state, notices) = resolve_state(&options)?;
            for notice in notices {
                // A failed write to stderr leaves nothing better to do.
                let _ = writeln!(err, "note: {notice}");
            }
            analyse(&state, &options)
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

/// The output of a projecting or analysing action for `state`.
fn analyse(state: &LinkState, options: &Options) -> Result<String, String> {
    let scenario = &state.scenario;
    Ok(match options.action {
        Action::MonteCarlo => analyses::monte_carlo_report(
            scenario,
            options.monte_carlo,
            options.focus,
            options.format,
        ),
        Action::Tornado => analyses::tornado_report(scenario, options.focus, options.format),
        Action::Solve => {
            let param = options
                .solve
                .ok_or_else(|| "--solve needs a parameter key".to_string())?;
            analyses::solve_report(scenario, param, options.focus, options.format)
        }
        _ => render(state, &simulate(scenario), options.format),
    })
}

/// The projection of `state` in `format`.
pub fn render(state: &LinkState, projection: &Projection, format: OutputFormat) -> String {
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

#[derive(Serialize)]
struct JsonOutput<'a> {
    preset: &'static str,
    link: String,
    scenario: &'a ree_outlook::Scenario,
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

/// The `--help` text, generated from [`FLAGS`].
pub fn help() -> String {
    let mut text = String::from(
        "ree-outlook: project rare-earth market shares (mining, separation, magnets) to 2040.\n\n\
         Usage: ree-outlook [--preset NAME] [--set KEY=VALUE]... [--format table|csv|json]\n\
         \x20      ree-outlook --url 'https://…/#v=1&p=skeptic&…'\n\
         \x20      ree-outlook --preset NAME --monte-carlo N --seed S [--target 0.1 --year 2030]\n\
         \x20      ree-outlook --preset NAME --tornado | --solve KEY --target 0.1\n\
         \x20      ree-outlook --hindcast [--format table|csv|json]\n\
         \x20      ree-outlook --list-presets | --list-params\n\nOptions:\n",
    );
    for flag in FLAGS {
        let name = match flag.value {
            Some(value) => format!("{} {value}", flag.name),
            None => flag.name.to_string(),
        };
        text.push_str(&format!("  {name:<22} {}\n", flag.help));
    }
    text.push_str(
        "\nErrors (unknown key, preset or format; malformed or out-of-range value) exit with status 2.\n",
    );
    text
}

/// The presets as a list, JSON or CSV.
fn list_presets(format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json_text(&PRESETS),
        OutputFormat::Csv => {
            let mut text = String::from("id,title,description\n");
            for preset in PRESETS.iter() {
                text.push_str(&format!(
                    "{},{},{}\n",
                    preset.id,
                    csv_field(preset.title),
                    csv_field(preset.description)
                ));
            }
            text
        }
        OutputFormat::Table => {
            let mut text = String::new();
            for preset in PRESETS.iter() {
                text.push_str(&format!("{:<17} {}\n", preset.id, preset.title));
                text.push_str(&story::wrap(preset.description, 86, "    "));
                text.push('\n');
            }
            text
        }
    }
}

/// The parameter table as a list, JSON or CSV.
fn list_params(format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json_text(&PARAMS),
        OutputFormat::Csv => {
            let mut text = String::from("key,label,unit,min,max,default,low,high,source\n");
            for spec in PARAMS.iter() {
                text.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{}\n",
                    spec.key,
                    csv_field(spec.label),
                    csv_field(spec.unit),
                    spec.min,
                    spec.max,
                    spec.default,
                    spec.low,
                    spec.high,
                    csv_field(spec.source)
                ));
            }
            text
        }
        OutputFormat::Table => {
            let mut text = String::from(
                "Values are in the units --set takes: fractions for percentages (0.6 = 60%), years, Mt.\n\n",
            );
            for spec in PARAMS.iter() {
                let unit = if spec.unit.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", spec.unit)
                };
                text.push_str(&format!("{:<20} {}{unit}\n", spec.key, spec.label));
                text.push_str(&format!(
                    "    min {}  max {}  default {}  plausible {}–{}\n",
                    spec.min, spec.max, spec.default, spec.low, spec.high
                ));
                text.push_str(&story::wrap(
                    &format!("source: {}", spec.source),
                    86,
                    "    ",
                ));
                text.push('\n');
            }
            text
        }
    }
}

/// `text` quoted for CSV when it holds a comma, quote or line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_flags_with_separate_and_inline_values() {
        let options = parse_args(&args(
            "--preset skeptic --set sanctions=0.9 --set=horizon=2050 --format=csv",
        ));
        assert_eq!(
            options,
            Ok(Options {
                preset: Some("skeptic".to_string()),
                sets: vec!["sanctions=0.9".to_string(), "horizon=2050".to_string()],
                format: OutputFormat::Csv,
                ..Options::default()
            })
        );
    }

    #[test]
    fn every_listed_flag_is_handled() {
        for flag in FLAGS {
            let mut options = Options::default();
            let value = flag.value.map(|_| "csv");
            let result = apply_flag(&mut options, flag.name, value);
            assert!(
                result
                    .as_ref()
                    .map_or_else(|e| !e.contains("not handled"), |()| true),
                "{}: {result:?}",
                flag.name
            );
        }
    }

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
    fn missing_values_and_conflicts_are_errors() {
        assert!(parse_args(&args("--preset")).is_err_and(|e| e.contains("needs a value")));
        assert!(parse_args(&args("--help=1")).is_err_and(|e| e.contains("takes no value")));
        assert!(parse_args(&args("stray")).is_err_and(|e| e.contains("unexpected argument")));
        let options = parse_args(&args("--url v=1 --preset skeptic")).unwrap_or_default();
        assert!(resolve_state(&options).is_err_and(|e| e.contains("either --url or --preset")));
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
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
