//! Monte Carlo, sensitivity and goal seek: reproducible, hand-checkable, and answers that hold when fed back.

use ree_outlook::analysis::{
    describe_goal_seek, goal_seek, monte_carlo, tornado, GoalSeek, MonteCarloSettings, Output,
    Sampling, Target,
};
use ree_outlook::{simulate, Param, Preset, Region, Scenario, Stage};

fn preset(id: &str) -> Scenario {
    Preset::find(id).map(Preset::scenario).unwrap_or_default()
}

#[test]
fn the_same_seed_gives_the_same_bands_and_another_seed_differs() {
    let settings = MonteCarloSettings {
        samples: 500,
        seed: 42,
        ..MonteCarloSettings::default()
    };
    let first = monte_carlo(
        &Scenario::default(),
        settings,
        Region::Russia,
        Stage::Separation,
        Target::default(),
    );
    let again = monte_carlo(
        &Scenario::default(),
        settings,
        Region::Russia,
        Stage::Separation,
        Target::default(),
    );
    assert_eq!(first, again);
    let other = monte_carlo(
        &Scenario::default(),
        MonteCarloSettings {
            seed: 43,
            ..settings
        },
        Region::Russia,
        Stage::Separation,
        Target::default(),
    );
    assert_ne!(first.p50, other.p50);
    for index in 0..first.years.len() {
        assert!(first.p10[index] <= first.p50[index] && first.p50[index] <= first.p90[index]);
    }
    assert_eq!(
        first.years.first(),
        Some(&ree_outlook::data::dataset().base_year)
    );
}

#[test]
fn probability_is_one_for_a_certain_target_and_zero_for_an_impossible_one() {
    let settings = MonteCarloSettings {
        samples: 300,
        seed: 1,
        ..MonteCarloSettings::default()
    };
    let certain = Target {
        output: Output::default(),
        share: 0.0,
    };
    let impossible = Target {
        output: Output::default(),
        share: 0.5,
    };
    let run = |target| {
        monte_carlo(
            &Scenario::default(),
            settings,
            Region::Russia,
            Stage::Separation,
            target,
        )
        .probability
    };
    assert_eq!(run(certain), 1.0);
    assert_eq!(run(impossible), 0.0);
    // Between the two, the Kremlin preset's odds of 5% beat the skeptic's.
    let five_percent = Target {
        share: 0.05,
        ..Target::default()
    };
    let odds = |id| {
        monte_carlo(
            &preset(id),
            settings,
            Region::Russia,
            Stage::Separation,
            five_percent,
        )
        .probability
    };
    assert!(odds("kremlin-2030") > odds("skeptic"));
}

#[test]
fn a_goal_seek_answer_fed_back_reaches_the_target() {
    let target = Target::default();
    for param in [
        Param::RuFirstPlant,
        Param::Sanctions,
        Param::RuPlanShare,
        Param::RuRampYears,
    ] {
        match goal_seek(&Scenario::default(), param, target) {
            GoalSeek::Reached { value, achieved } => {
                let projection = simulate(
                    &Scenario::default()
                        .with(param, value)
                        .with(Param::Horizon, 2040.0),
                );
                let fed_back = target.output.read(&projection);
                assert_eq!(fed_back, achieved, "{}", param.key());
                assert!(
                    fed_back >= target.share,
                    "{} = {value} gives {fed_back}",
                    param.key()
                );
                assert!(param.spec().contains(value));
            }
            GoalSeek::Unreachable {
                best_value,
                best_achieved,
            } => {
                assert!(
                    best_achieved < target.share,
                    "{} best {best_value}",
                    param.key()
                );
            }
        }
    }
    // Russia cannot reach 10% by changing China's export controls alone.
    assert!(matches!(
        goal_seek(&Scenario::default(), Param::CnExportControls, target),
        GoalSeek::Unreachable { .. }
    ));
}

#[test]
fn the_tornado_ranks_parameters_that_cannot_matter_at_zero() {
    // 2035: in the baseline Russia's programme has barely started by 2030.
    let output = Output {
        year: 2035,
        ..Output::default()
    };
    let result = tornado(&Scenario::default(), output);
    let width = |param: Param| {
        result
            .swings
            .iter()
            .find(|swing| swing.param == param)
            .map(|swing| swing.width())
    };
    // Export controls change the supply gap, never who produces; published reserves never bind.
    assert_eq!(width(Param::CnExportControls), Some(0.0));
    assert_eq!(width(Param::RuReservesMt), Some(0.0));
    assert!(result
        .swings
        .windows(2)
        .all(|pair| pair[0].width() >= pair[1].width()));
    assert!(
        result.swings[0].width() > 0.01,
        "the top driver moves Russia's share by more than a point"
    );
    assert!(result
        .to_csv()
        .starts_with("param,label,low,high,output_at_low,output_at_high,swing\n"));
}

#[test]
fn kremlin_12_odds_around_its_own_assumptions_are_high_and_its_line_is_inside_its_band() {
    let scenario = preset("kremlin-12");
    let target = Target::default();
    let run = |sampling| {
        monte_carlo(
            &scenario,
            MonteCarloSettings {
                sampling,
                ..MonteCarloSettings::default()
            },
            Region::Russia,
            Stage::Separation,
            target,
        )
    };
    let own = run(Sampling::Scenario);
    let plausible = run(Sampling::Plausible);
    let line = target.output.read(&simulate(&scenario));
    assert!(line >= target.share, "the preset meets its target: {line}");
    let at = own.years.iter().position(|year| *year == 2030).unwrap_or(0);
    assert!(
        own.p10[at] <= line && line <= own.p90[at],
        "the scenario's 2030 share {line} lies in its own band {}..{}",
        own.p10[at],
        own.p90[at]
    );
    assert!(own.probability > 0.5, "{}", own.probability);
    assert_eq!(own.sampling, Sampling::Scenario);
    // Under the plausible ranges, its 10% sanctions friction is drawn from 10–90%: the odds are slim
    // and the scenario's line runs above the band.
    assert!(plausible.probability < 0.05, "{}", plausible.probability);
    assert!(plausible.p90[at] < line);
    assert!(plausible
        .chance_text()
        .contains("under the model's plausible ranges"));
    assert!(own
        .chance_text()
        .starts_with("Chance that Russia reaches 10% of world separation in 2030 around this scenario's own assumptions: "));
}

#[test]
fn the_bands_end_at_the_scenario_horizon_even_when_the_target_lies_beyond_it() {
    let scenario = Scenario::default().with(Param::Horizon, 2030.0);
    let target = Target {
        output: Output {
            year: 2035,
            ..Output::default()
        },
        share: 0.01,
    };
    let bands = monte_carlo(
        &scenario,
        MonteCarloSettings {
            samples: 50,
            ..MonteCarloSettings::default()
        },
        Region::China,
        Stage::Separation,
        target,
    );
    assert_eq!(bands.years.last(), Some(&2030));
    assert_eq!(bands.p50.len(), bands.years.len());
    // The probability still reads the target's own year, 2035: Russia's share there varies by run.
    assert!(
        bands.probability > 0.0 && bands.probability < 1.0,
        "{}",
        bands.probability
    );
}

#[test]
fn a_goal_seek_met_at_the_current_value_says_already_met_and_never_set_it_to_itself() {
    let scenario = preset("kremlin-12");
    let target = Target::default();
    let answer = goal_seek(&scenario, Param::Sanctions, target);
    assert_eq!(
        answer,
        GoalSeek::Reached {
            value: 0.1,
            achieved: target.output.read(&simulate(&scenario))
        }
    );
    let text = describe_goal_seek(&scenario, Param::Sanctions, target, answer);
    assert_eq!(
        text,
        "Russia's 2030 separation share at 10.0% is already met: \u{201c}Sanctions friction\u{201d} at its current 10% gives 11.4%."
    );
    // Not met at the baseline: the answer names another value to set.
    let baseline = Scenario::default();
    let answer = goal_seek(
        &baseline,
        Param::RuFirstPlant,
        Target {
            share: 0.01,
            ..target
        },
    );
    let text = describe_goal_seek(
        &baseline,
        Param::RuFirstPlant,
        Target {
            share: 0.01,
            ..target
        },
        answer,
    );
    assert!(
        text.contains(": set \u{201c}First new Russian plants start\u{201d} to "),
        "{text}"
    );
}

/// Russia's share at `output` for `scenario` with the hub's budget at `budget` ($bn).
fn share_with_budget(scenario: &Scenario, output: Output, budget: f64) -> f64 {
    let scenario = scenario.with(Param::RuBudget, budget);
    output.read(&simulate(&scenario))
}

#[test]
fn a_goal_seek_on_the_hub_budget_says_when_more_money_stops_helping() {
    let scenario = preset("hub-budget");
    let target = Target {
        output: Output {
            region: Region::Russia,
            stage: Stage::Separation,
            year: 2030,
        },
        share: 0.10,
    };
    // More money never lowers Russia's share; past the ambition's cost it changes nothing.
    let shares: Vec<f64> = (0..=50)
        .map(|budget| share_with_budget(&scenario, target.output, f64::from(budget)))
        .collect();
    assert!(
        shares.windows(2).all(|pair| pair[1] >= pair[0] - 1e-12),
        "{shares:?}"
    );
    assert_eq!(shares[10], shares[50]);
    assert!(shares[5] < shares[10]);
    // 10% of separation in 2030 is out of reach at any budget, and the answer says where the money
    // saturates: the $9.05bn the 10% ambition costs with the premium, to the slider's step.
    let answer = goal_seek(&scenario, Param::RuBudget, target);
    let GoalSeek::Unreachable { best_achieved, .. } = answer else {
        panic!("reached? {answer:?}");
    };
    assert_eq!(best_achieved, shares[50]);
    let text = describe_goal_seek(&scenario, Param::RuBudget, target, answer);
    assert!(text.contains("is out of reach"), "{text}");
    assert!(
        text.ends_with(
            "From 9.1 $bn on the money pays for the whole ambition: more buys nothing more."
        ),
        "{text}"
    );
    // Another lever's answer says nothing about money.
    let sanctions = goal_seek(&scenario, Param::Sanctions, target);
    assert!(
        !describe_goal_seek(&scenario, Param::Sanctions, target, sanctions)
            .contains("more buys nothing")
    );

    // With half the budget for rare earths, 5% of separation in 2035 takes more money: the
    // answer reaches the target, a step less does not, and the answer fed back reaches it.
    let half = scenario.with(Param::RuBudgetShare, 0.5);
    let target = Target {
        output: Output {
            year: 2035,
            ..target.output
        },
        share: 0.05,
    };
    let GoalSeek::Reached { value, achieved } = goal_seek(&half, Param::RuBudget, target) else {
        panic!("5% in 2035 should be within reach");
    };
    assert!(value > 9.2 && value < 50.0, "{value}");
    assert!(achieved >= 0.05);
    assert!(share_with_budget(&half, target.output, value) >= 0.05);
    assert!(share_with_budget(&half, target.output, value - 0.1) < 0.05);
}
