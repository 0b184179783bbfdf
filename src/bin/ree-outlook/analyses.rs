//! The command line's analyses: `--monte-carlo N --seed S`, `--tornado` and `--solve PARAM --target SHARE`.

use super::OutputFormat;
use ree_outlook::analysis::{
    describe_goal_seek, goal_seek, monte_carlo, percent, tornado, GoalSeek, MonteCarloResult,
    MonteCarloSettings, Output, Target, MAX_SAMPLES,
};
use ree_outlook::data::{Region, Stage};
use ree_outlook::params::Param;
use ree_outlook::scenario::Scenario;
use serde::Serialize;
use std::fmt::Write;

/// What the analyses look at: `--region`, `--stage`, `--year`, `--target`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Focus {
    /// The output read (region, stage, year).
    pub output: Output,
    /// The target share (a fraction).
    pub share: f64,
}

impl Default for Focus {
    fn default() -> Self {
        let target = Target::default();
        Focus {
            output: target.output,
            share: target.share,
        }
    }
}

impl Focus {
    /// The target this focus describes.
    pub fn target(&self) -> Target {
        Target {
            output: self.output,
            share: self.share,
        }
    }
}

/// Reads `--region`.
pub fn parse_region(text: &str) -> Result<Region, String> {
    Region::from_id(text).ok_or_else(|| {
        let ids: Vec<&str> = Region::ALL.iter().map(|region| region.id()).collect();
        format!("unknown region '{text}'; valid regions: {}", ids.join(", "))
    })
}

/// Reads `--stage`.
pub fn parse_stage(text: &str) -> Result<Stage, String> {
    Stage::from_id(text)
        .ok_or_else(|| format!("unknown stage '{text}'; valid stages: mining, separation, magnets"))
}

/// Reads `--year`: a whole year from 2024 to 2050.
pub fn parse_year(text: &str) -> Result<u16, String> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|year| (2024..=2050).contains(year))
        .ok_or_else(|| format!("--year must be a whole year between 2024 and 2050 (got '{text}')"))
}

/// Reads `--target`: a share between 0 and 1.
pub fn parse_share(text: &str) -> Result<f64, String> {
    ree_outlook::url::parse_number(text)
        .filter(|share| (0.0..=1.0).contains(share))
        .ok_or_else(|| {
            format!("--target must be a share between 0 and 1, e.g. 0.1 for 10% (got '{text}')")
        })
}

/// Reads `--monte-carlo`: a whole number of samples.
pub fn parse_samples(text: &str) -> Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|samples| (1..=MAX_SAMPLES).contains(samples))
        .ok_or_else(|| {
            format!("--monte-carlo must be a whole number from 1 to {MAX_SAMPLES} (got '{text}')")
        })
}

/// Reads `--seed`: a whole number.
pub fn parse_seed(text: &str) -> Result<u64, String> {
    text.trim().parse::<u64>().map_err(|_| {
        format!(
            "--seed must be a whole number from 0 to {} (got '{text}')",
            u64::MAX
        )
    })
}

/// Reads `--solve`: a parameter key.
pub fn parse_solve(text: &str) -> Result<Param, String> {
    Param::from_key(text.trim()).ok_or_else(|| {
        format!(
            "unknown parameter '{text}' for --solve; valid keys: {}",
            ree_outlook::params::valid_keys()
        )
    })
}

/// The Monte Carlo bands and probability in `format`.
pub fn monte_carlo_report(
    scenario: &Scenario,
    settings: MonteCarloSettings,
    focus: Focus,
    format: OutputFormat,
) -> String {
    let result = monte_carlo(
        scenario,
        settings,
        focus.output.region,
        focus.output.stage,
        focus.target(),
    );
    match format {
        OutputFormat::Json => super::json_text(&result),
        OutputFormat::Csv => bands_csv(&result),
        OutputFormat::Table => {
            let mut text = format!(
                "Monte Carlo: {} runs, seed {}. {}'s share of {} (P10 / P50 / P90):\n",
                result.samples,
                result.seed,
                result.region.label(),
                result.stage.id()
            );
            for (index, year) in result.years.iter().enumerate() {
                let _ = writeln!(
                    text,
                    "  {year}  {:>6}  {:>6}  {:>6}",
                    percent(result.p10[index]),
                    percent(result.p50[index]),
                    percent(result.p90[index])
                );
            }
            let _ = writeln!(
                text,
                "Probability that {} reaches {}: {}",
                focus.output.label(),
                percent(focus.share),
                percent(result.probability)
            );
            text
        }
    }
}

/// `year,p10,p50,p90` rows, then the probability as a comment-free last block.
fn bands_csv(result: &MonteCarloResult) -> String {
    let mut text = String::from("year,p10,p50,p90\n");
    for (index, year) in result.years.iter().enumerate() {
        let _ = writeln!(
            text,
            "{year},{},{},{}",
            result.p10[index], result.p50[index], result.p90[index]
        );
    }
    text
}

/// The tornado in `format`.
pub fn tornado_report(scenario: &Scenario, focus: Focus, format: OutputFormat) -> String {
    let result = tornado(scenario, focus.output);
    match format {
        OutputFormat::Json => super::json_text(&result),
        OutputFormat::Csv => result.to_csv(),
        OutputFormat::Table => {
            let mut text = format!(
                "Sensitivity of {} (now {}), each parameter alone from its plausible low to high:\n",
                focus.output.label(),
                percent(result.base)
            );
            for swing in &result.swings {
                let spec = swing.param.spec();
                let _ = writeln!(
                    text,
                    "  {:<20} {:>6} points   {} at {} .. {} at {}",
                    spec.key,
                    format!("{:.2}", swing.width() * 100.0),
                    percent(swing.output_at_low),
                    spec.display(swing.low),
                    percent(swing.output_at_high),
                    spec.display(swing.high)
                );
            }
            text
        }
    }
}

#[derive(Serialize)]
struct SolveOutput {
    param: &'static str,
    target: Target,
    answer: GoalSeek,
    text: String,
}

/// The goal seek's answer in `format`.
pub fn solve_report(
    scenario: &Scenario,
    param: Param,
    focus: Focus,
    format: OutputFormat,
) -> String {
    let answer = goal_seek(scenario, param, focus.target());
    let text = describe_goal_seek(param, focus.target(), answer);
    match format {
        OutputFormat::Json => super::json_text(&SolveOutput {
            param: param.key(),
            target: focus.target(),
            answer,
            text,
        }),
        OutputFormat::Csv => match answer {
            GoalSeek::Reached { value, achieved } => {
                format!(
                    "param,reached,value,output\n{},true,{value},{achieved}\n",
                    param.key()
                )
            }
            GoalSeek::Unreachable {
                best_value,
                best_achieved,
            } => format!(
                "param,reached,value,output\n{},false,{best_value},{best_achieved}\n",
                param.key()
            ),
        },
        OutputFormat::Table => text + "\n",
    }
}
