//! Reading the command line into [`Options`].
//!
//! [`FLAGS`] defines every option once: its name, the placeholder of its value, its line of help
//! and what it stores. [`parse_args`] and [`help`] both read that table, so the options the tool
//! accepts and the options `--help` lists cannot drift apart. Adding an option is one row in
//! `FLAGS` and, if it needs one, a field in [`Options`].
//!
//! Values are checked as they are read (`--year 1999` stops at once) except `--set` and
//! `--preset`, which are checked when the scenario is put together (`resolve_state` in `main.rs`),
//! so that `--list-presets` and `--hindcast` ignore them as they always have.

use ree_outlook::analysis::{
    MonteCarloSettings, Sampling, Target, MAX_SAMPLES, TARGET_YEAR_MAX, TARGET_YEAR_MIN,
};
use ree_outlook::data::{Region, Stage};
use ree_outlook::params::{self, Param};
use ree_outlook::url;

/// How results are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OutputFormat {
    /// A readable summary that tells the story (the default).
    #[default]
    Table,
    /// Comma-separated rows with a header.
    Csv,
    /// The scenario and the results as JSON.
    Json,
}

impl OutputFormat {
    /// Every format with its name on the command line.
    const ALL: [(OutputFormat, &'static str); 3] = [
        (OutputFormat::Table, "table"),
        (OutputFormat::Csv, "csv"),
        (OutputFormat::Json, "json"),
    ];

    /// The format called `name`, or a message listing the valid ones.
    fn from_name(name: &str) -> Result<OutputFormat, String> {
        OutputFormat::ALL
            .iter()
            .find(|(_, candidate)| *candidate == name)
            .map(|(format, _)| *format)
            .ok_or_else(|| format!("unknown format '{name}'; valid formats: csv, json, table"))
    }
}

/// What the tool was asked to do; when several are given, the last wins.
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
    /// Sensitivity of the target's output to each parameter.
    Tornado,
    /// Goal seek: the value of this parameter that reaches the target.
    Solve(Param),
    /// The track record: the model started from 2020 beside what happened.
    Hindcast,
    /// Russia's programme against its money and its feed.
    Budget,
}

/// Everything the command line asked for; `--preset` and `--set` are not checked yet.
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
    /// Monte Carlo samples, seed and sampling (`--monte-carlo`, `--seed`, `--sampling`).
    pub monte_carlo: MonteCarloSettings,
    /// What the analyses read and aim for: `--region`, `--stage`, `--year`, `--target`.
    pub target: Target,
}

/// What an option does when it is given.
#[derive(Clone, Copy)]
pub enum Effect {
    /// A switch, which takes no value.
    Switch(fn(&mut Options)),
    /// An option with one value (the placeholder names it in the help), which the function checks and stores.
    Value(&'static str, fn(&mut Options, &str) -> Result<(), String>),
}

/// One command-line option.
#[derive(Clone, Copy)]
pub struct Flag {
    /// The option, e.g. `--preset`.
    pub name: &'static str,
    /// A one-letter alias not shown in the help, e.g. `-h`.
    pub short: Option<&'static str>,
    /// One line of help.
    pub help: &'static str,
    /// What giving the option does.
    pub effect: Effect,
}

/// Every option, in the order `--help` lists them.
pub const FLAGS: &[Flag] = &[
    Flag {
        name: "--preset",
        short: None,
        help: "start from a preset (default baseline; see --list-presets)",
        effect: Effect::Value("NAME", |options, text| {
            once(&mut options.preset, "--preset", text)
        }),
    },
    Flag {
        name: "--set",
        short: None,
        help: "change one parameter, repeatable (see --list-params; fractions for %)",
        effect: Effect::Value("KEY=VALUE", |options, text| {
            options.sets.push(text.to_string());
            Ok(())
        }),
    },
    Flag {
        name: "--url",
        short: None,
        help: "use the scenario of a page link (the full URL or the part after '#')",
        effect: Effect::Value("LINK", |options, text| {
            once(&mut options.url, "--url", text)
        }),
    },
    Flag {
        name: "--format",
        short: None,
        help: "table (default), csv (year,stage,region,output_t,share,observed,supply_gap_t,supply_gap_share) or json",
        effect: Effect::Value("FORMAT", |options, text| {
            options.format = OutputFormat::from_name(text)?;
            Ok(())
        }),
    },
    Flag {
        name: "--list-presets",
        short: None,
        help: "list the presets: id, title, description",
        effect: Effect::Switch(|options| options.action = Action::ListPresets),
    },
    Flag {
        name: "--list-params",
        short: None,
        help: "list the parameters: key, label, unit, range, default, plausible range, source",
        effect: Effect::Switch(|options| options.action = Action::ListParams),
    },
    Flag {
        name: "--monte-carlo",
        short: None,
        help: "run N sampled scenarios: P10/P50/P90 per year and the target's probability",
        effect: Effect::Value("N", |options, text| {
            options.monte_carlo.samples = parse_samples(text)?;
            options.action = Action::MonteCarlo;
            Ok(())
        }),
    },
    Flag {
        name: "--seed",
        short: None,
        help: "seed of the Monte Carlo generator (default 1); same seed, same result",
        effect: Effect::Value("S", |options, text| {
            options.monte_carlo.seed = parse_seed(text)?;
            Ok(())
        }),
    },
    Flag {
        name: "--sampling",
        short: None,
        help: "what Monte Carlo draws around: plausible (the plausible ranges, default) or scenario (its own values)",
        effect: Effect::Value("MODE", |options, text| {
            options.monte_carlo.sampling = parse_sampling(text)?;
            Ok(())
        }),
    },
    Flag {
        name: "--tornado",
        short: None,
        help: "rank the parameters by how far each alone moves the output",
        effect: Effect::Switch(|options| options.action = Action::Tornado),
    },
    Flag {
        name: "--solve",
        short: None,
        help: "find the value of one parameter that reaches --target",
        effect: Effect::Value("KEY", |options, text| {
            options.action = Action::Solve(parse_solve(text)?);
            Ok(())
        }),
    },
    Flag {
        name: "--target",
        short: None,
        help: "target share for --monte-carlo and --solve (default 0.1)",
        effect: Effect::Value("SHARE", |options, text| {
            options.target.share = parse_share(text)?;
            Ok(())
        }),
    },
    Flag {
        name: "--region",
        short: None,
        help: "region the analyses read (default russia)",
        effect: Effect::Value("REGION", |options, text| {
            options.target.output.region = parse_region(text)?;
            Ok(())
        }),
    },
    Flag {
        name: "--stage",
        short: None,
        help: "stage the analyses read: mining, separation (default), magnets",
        effect: Effect::Value("STAGE", |options, text| {
            options.target.output.stage = parse_stage(text)?;
            Ok(())
        }),
    },
    Flag {
        name: "--year",
        short: None,
        help: "year the analyses read (default 2030)",
        effect: Effect::Value("YEAR", |options, text| {
            options.target.output.year = parse_year(text)?;
            Ok(())
        }),
    },
    Flag {
        name: "--budget",
        short: None,
        help: "what the hub's budget buys against what 10% and 12% in 2030 need; Russia's feed",
        effect: Effect::Switch(|options| options.action = Action::Budget),
    },
    Flag {
        name: "--hindcast",
        short: None,
        help: "the track record: the model started from 2020 against the observed 2021-2025",
        effect: Effect::Switch(|options| options.action = Action::Hindcast),
    },
    Flag {
        name: "--help",
        short: Some("-h"),
        help: "print this help",
        effect: Effect::Switch(|options| options.action = Action::Help),
    },
];

/// Reads the arguments (without the program name) into [`Options`].
///
/// A value follows its option (`--preset skeptic`) or is joined to it by `=` (`--preset=skeptic`).
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value)),
            _ => (arg.as_str(), None),
        };
        let Some(flag) = FLAGS
            .iter()
            .find(|flag| flag.name == name || flag.short == Some(name))
        else {
            return Err(if arg.starts_with('-') {
                format!("unknown option '{name}'; run ree-outlook --help for the options")
            } else {
                format!(
                    "unexpected argument '{arg}'; options start with --, see ree-outlook --help"
                )
            });
        };
        match (flag.effect, inline) {
            (Effect::Switch(apply), None) => apply(&mut options),
            (Effect::Switch(_), Some(_)) => return Err(format!("{name} takes no value")),
            (Effect::Value(_, apply), Some(value)) => apply(&mut options, value)?,
            (Effect::Value(placeholder, apply), None) => {
                let value = rest
                    .next()
                    .ok_or_else(|| format!("{name} needs a value: {name} {placeholder}"))?;
                apply(&mut options, value)?;
            }
        }
    }
    Ok(options)
}

/// The `--help` text: usage examples, then one line per entry of [`FLAGS`].
pub fn help() -> String {
    let mut text = String::from(
        "ree-outlook: project rare-earth market shares (mining, separation, magnets) to 2040.\n\n\
         Usage: ree-outlook [--preset NAME] [--set KEY=VALUE]... [--format table|csv|json]\n\
         \x20      ree-outlook --url 'https://…/#v=1&p=skeptic&…'\n\
         \x20      ree-outlook --preset NAME --monte-carlo N --seed S [--target 0.1 --year 2030]\n\
         \x20      ree-outlook --preset NAME --tornado | --solve KEY --target 0.1\n\
         \x20      ree-outlook --preset NAME --budget [--format table|csv|json]\n\
         \x20      ree-outlook --hindcast [--format table|csv|json]\n\
         \x20      ree-outlook --list-presets | --list-params\n\nOptions:\n",
    );
    for flag in FLAGS {
        let name = match flag.effect {
            Effect::Value(placeholder, _) => format!("{} {placeholder}", flag.name),
            Effect::Switch(_) => flag.name.to_string(),
        };
        text.push_str(&format!("  {name:<22} {}\n", flag.help));
    }
    text.push_str(
        "\nErrors (unknown key, preset or format; malformed or out-of-range value) exit with status 2.\n",
    );
    text
}

/// Stores `text` in `slot`, refusing an option given twice.
fn once(slot: &mut Option<String>, name: &str, text: &str) -> Result<(), String> {
    if slot.is_some() {
        return Err(format!("{name} was given more than once"));
    }
    *slot = Some(text.to_string());
    Ok(())
}

/// Reads `--region`.
fn parse_region(text: &str) -> Result<Region, String> {
    Region::from_id(text).ok_or_else(|| {
        let ids: Vec<&str> = Region::ALL.iter().map(|region| region.id()).collect();
        format!("unknown region '{text}'; valid regions: {}", ids.join(", "))
    })
}

/// Reads `--stage`.
fn parse_stage(text: &str) -> Result<Stage, String> {
    Stage::from_id(text)
        .ok_or_else(|| format!("unknown stage '{text}'; valid stages: mining, separation, magnets"))
}

/// Reads `--year`: a whole year in the range links and scenario files accept for a target.
fn parse_year(text: &str) -> Result<u16, String> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|year| (TARGET_YEAR_MIN..=TARGET_YEAR_MAX).contains(year))
        .ok_or_else(|| {
            format!(
                "--year must be a whole year between {TARGET_YEAR_MIN} and {TARGET_YEAR_MAX} (got '{text}')"
            )
        })
}

/// Reads `--target`: a share between 0 and 1.
fn parse_share(text: &str) -> Result<f64, String> {
    url::parse_number(text)
        .filter(|share| (0.0..=1.0).contains(share))
        .ok_or_else(|| {
            format!("--target must be a share between 0 and 1, e.g. 0.1 for 10% (got '{text}')")
        })
}

/// Reads `--monte-carlo`: a whole number of samples.
fn parse_samples(text: &str) -> Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|samples| (1..=MAX_SAMPLES).contains(samples))
        .ok_or_else(|| {
            format!("--monte-carlo must be a whole number from 1 to {MAX_SAMPLES} (got '{text}')")
        })
}

/// Reads `--seed`: a whole number.
fn parse_seed(text: &str) -> Result<u64, String> {
    text.trim().parse::<u64>().map_err(|_| {
        format!(
            "--seed must be a whole number from 0 to {} (got '{text}')",
            u64::MAX
        )
    })
}

/// Reads `--sampling`: a sampling mode's id.
fn parse_sampling(text: &str) -> Result<Sampling, String> {
    Sampling::from_id(text.trim())
        .ok_or_else(|| format!("unknown sampling '{text}'; valid: plausible, scenario"))
}

/// Reads `--solve`: a parameter key.
fn parse_solve(text: &str) -> Result<Param, String> {
    Param::from_key(text.trim()).ok_or_else(|| {
        format!(
            "unknown parameter '{text}' for --solve; valid keys: {}",
            params::valid_keys()
        )
    })
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
    fn analysis_options_fill_the_action_settings_and_target() {
        let options = parse_args(&args(
            "--monte-carlo 300 --seed 7 --sampling scenario --region china --stage mining --year 2035 --target 0.5",
        ))
        .unwrap_or_default();
        assert_eq!(options.action, Action::MonteCarlo);
        assert_eq!(
            options.monte_carlo,
            MonteCarloSettings {
                samples: 300,
                seed: 7,
                sampling: Sampling::Scenario,
            }
        );
        assert_eq!(options.target.output.region, Region::China);
        assert_eq!(options.target.output.stage, Stage::Mining);
        assert_eq!(options.target.output.year, 2035);
        assert_eq!(options.target.share, 0.5);
        let options = parse_args(&args("--solve sanctions --tornado")).unwrap_or_default();
        assert_eq!(options.action, Action::Tornado, "the last action wins");
        let options = parse_args(&args("--tornado --solve=sanctions")).unwrap_or_default();
        assert_eq!(options.action, Action::Solve(Param::Sanctions));
        assert_eq!(parse_args(&args("-h")).map(|o| o.action), Ok(Action::Help));
    }

    #[test]
    fn missing_values_and_repeats_are_errors() {
        assert!(parse_args(&args("--preset")).is_err_and(|e| e.contains("needs a value")));
        assert!(parse_args(&args("--help=1")).is_err_and(|e| e.contains("takes no value")));
        assert!(parse_args(&args("-h=1")).is_err_and(|e| e.contains("unknown option '-h=1'")));
        assert!(parse_args(&args("stray")).is_err_and(|e| e.contains("unexpected argument")));
        assert!(parse_args(&args("--url a --url b")).is_err_and(|e| e.contains("more than once")));
        assert!(parse_args(&args("--year 2051")).is_err_and(|e| e.contains("2024 and 2050")));
        assert!(
            parse_args(&args("--sampling wide")).is_err_and(|e| e.contains("plausible, scenario"))
        );
    }

    #[test]
    fn help_lists_every_option_once_with_its_placeholder() {
        let help = help();
        for flag in FLAGS {
            let shown = match flag.effect {
                Effect::Value(placeholder, _) => format!("  {} {placeholder} ", flag.name),
                Effect::Switch(_) => format!("  {} ", flag.name),
            };
            assert_eq!(help.matches(&shown).count(), 1, "{shown}");
            assert!(shown.len() <= 25, "{shown} is wider than the help's column");
        }
    }
}
