//! The analyses' reports: `--monte-carlo N --seed S`, `--tornado` and `--solve KEY --target SHARE`,
//! each for the output that `--region`, `--stage` and `--year` pick, as a table, CSV or JSON.

use crate::flags::OutputFormat;
use crate::json_text;
use ree_outlook::analysis::{
    describe_goal_seek, goal_seek, monte_carlo, tornado, GoalSeek, MonteCarloResult,
    MonteCarloSettings, Target,
};
use ree_outlook::params::Param;
use ree_outlook::scenario::Scenario;
use ree_outlook::text::{self, percent};
use serde::Serialize;
use std::fmt::Write;

/// The Monte Carlo bands in `format`; the table and the JSON add the probability of reaching the target.
pub fn monte_carlo_report(
    scenario: &Scenario,
    settings: MonteCarloSettings,
    target: Target,
    format: OutputFormat,
) -> String {
    let result = monte_carlo(
        scenario,
        settings,
        target.output.region,
        target.output.stage,
        target,
    );
    match format {
        OutputFormat::Json => json_text(&result),
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
                    percent(result.p10[index], 1),
                    percent(result.p50[index], 1),
                    percent(result.p90[index], 1)
                );
            }
            let _ = writeln!(
                text,
                "Probability that {} reaches {} {}: {}",
                target.output.label(),
                percent(target.share, 1),
                result.sampling.assumption(),
                percent(result.probability, 1)
            );
            text
        }
    }
}

/// `year,p10,p50,p90` rows; the probability, a single number, is left to the table and the JSON.
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
pub fn tornado_report(scenario: &Scenario, target: Target, format: OutputFormat) -> String {
    let result = tornado(scenario, target.output);
    match format {
        OutputFormat::Json => json_text(&result),
        OutputFormat::Csv => result.to_csv(),
        OutputFormat::Table => {
            let mut text = format!(
                "Sensitivity of {} (now {}), each parameter alone from its plausible low to high:\n",
                target.output.label(),
                percent(result.base, 1)
            );
            for swing in &result.swings {
                let spec = swing.param.spec();
                let _ = writeln!(
                    text,
                    "  {:<20} {:>6} points   {} at {} .. {} at {}",
                    spec.key,
                    text::fixed(swing.width() * 100.0, 2),
                    percent(swing.output_at_low, 1),
                    spec.display(swing.low),
                    percent(swing.output_at_high, 1),
                    spec.display(swing.high)
                );
            }
            text
        }
    }
}

/// The JSON document of a goal seek: the parameter, the target, the answer and its sentence.
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
    target: Target,
    format: OutputFormat,
) -> String {
    let answer = goal_seek(scenario, param, target);
    let text = describe_goal_seek(scenario, param, target, answer);
    match format {
        OutputFormat::Json => json_text(&SolveOutput {
            param: param.key(),
            target,
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
