//! Monte Carlo, sensitivity and goal seek: reproducible, hand-checkable, and answers that hold when fed back.

use ree_outlook::analysis::{
    goal_seek, monte_carlo, tornado, GoalSeek, MonteCarloSettings, Output, Target,
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
