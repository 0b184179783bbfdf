//! Tests of the `ree-outlook` binary: outputs, presets, strict errors with exit status 2, and `--url`.

use ree_outlook::params::{Param, PARAMS};
use ree_outlook::scenario::{Preset, PRESETS};
use ree_outlook::url::{encode, LinkState};
use ree_outlook::Stage;
use std::process::Command;

struct Outcome {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Outcome {
    let output = match Command::new(env!("CARGO_BIN_EXE_ree-outlook"))
        .args(args)
        .output()
    {
        Ok(output) => output,
        Err(error) => panic!("could not start ree-outlook: {error}"),
    };
    Outcome {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn ok(args: &[&str]) -> String {
    let outcome = run(args);
    assert_eq!(outcome.status, 0, "{args:?}: {}", outcome.stderr);
    outcome.stdout
}

/// Runs `args`, expects exit status 2 and a message containing every one of `needles`.
fn usage_error(args: &[&str], needles: &[&str]) {
    let outcome = run(args);
    assert_eq!(
        outcome.status, 2,
        "{args:?} exited {}: {}",
        outcome.status, outcome.stderr
    );
    assert!(
        outcome.stdout.is_empty(),
        "{args:?} printed {}",
        outcome.stdout
    );
    for needle in needles {
        assert!(
            outcome.stderr.contains(needle),
            "{args:?}: {:?} does not contain {needle:?}",
            outcome.stderr
        );
    }
}

/// Russia's share of `stage` in `year`, read from CSV output.
fn share_from_csv(csv: &str, year: u16, stage: &str) -> f64 {
    let prefix = format!("{year},{stage},russia,");
    let Some(line) = csv.lines().find(|line| line.starts_with(&prefix)) else {
        panic!("no {prefix} row");
    };
    // year,stage,region,output_t,share,observed,supply_gap_t,supply_gap_share
    match line.split(',').nth(4).map(str::parse::<f64>) {
        Some(Ok(share)) => share,
        _ => panic!("bad row {line}"),
    }
}

#[test]
fn csv_has_the_contract_header_and_one_row_per_year_stage_and_region() {
    let csv = ok(&["--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("year,stage,region,output_t,share,observed,supply_gap_t,supply_gap_share")
    );
    // The observed stage-years before 2025 (flag 1), then 2025 to 2040 projected (flag 0),
    // three stages and separation's two products, eight regions.
    let observed = ree_outlook::data::dataset().history.len();
    assert_eq!(lines.count(), (observed + 16 * 5) * 8);
    let csv = ok(&["--set", "horizon=2050", "--format=csv"]);
    assert_eq!(csv.lines().count(), 1 + (observed + 26 * 5) * 8);
    for product in ["separation_light", "separation_heavy"] {
        let rows = csv
            .lines()
            .filter(|line| line.split(',').nth(1) == Some(product));
        assert_eq!(rows.count(), 26 * 8, "{product}");
    }
    assert!(csv.lines().all(|line| line.split(',').count() == 8));
    assert_eq!(
        csv.lines().filter(|line| line.ends_with(",1,,")).count(),
        observed * 8
    );
}

#[test]
fn kremlin_and_skeptic_tell_different_stories_about_2030() {
    let kremlin = share_from_csv(
        &ok(&["--preset", "kremlin-2030", "--format", "csv"]),
        2030,
        "separation",
    );
    let skeptic = share_from_csv(
        &ok(&["--preset", "skeptic", "--format", "csv"]),
        2030,
        "separation",
    );
    assert!(
        kremlin > skeptic + 0.02,
        "kremlin {kremlin}, skeptic {skeptic}"
    );

    let kremlin = ok(&["--preset", "kremlin-2030"]);
    let skeptic = ok(&["--preset", "skeptic"]);
    for text in [&kremlin, &skeptic] {
        for needle in [
            "== Separation",
            "Russia share",
            "China share",
            "Trusted share",
            "HHI",
            "Russia 2030:",
            "points short of 10.0%",
            "Why:",
        ] {
            assert!(text.contains(needle), "{needle} missing from\n{text}");
        }
    }
    assert!(kremlin.contains("Kremlin 2030"));
    assert!(skeptic.contains("planned 2029"), "{skeptic}");
    assert_ne!(kremlin, skeptic);
}

#[test]
fn set_changes_the_projection_and_the_table_names_the_change() {
    let base = ok(&["--preset", "skeptic", "--format", "csv"]);
    let changed = ok(&[
        "--preset",
        "skeptic",
        "--set",
        "sanctions=0",
        "--set",
        "ru_first_plant=2026",
        "--format",
        "csv",
    ]);
    assert!(
        share_from_csv(&changed, 2030, "separation") > share_from_csv(&base, 2030, "separation")
    );
    let table = ok(&["--preset", "skeptic", "--set", "sanctions=0.2"]);
    assert!(table.contains("sanctions 20% (preset 85%)"), "{table}");
    assert!(
        table.contains("Link: #v=1&p=skeptic&sanctions=0.2&st=separation&d=2025.1"),
        "{table}"
    );
}

#[test]
fn url_prints_the_same_projection_as_the_equivalent_preset_and_set_call() {
    let mut state = match Preset::find("kremlin-12") {
        Some(preset) => LinkState::from_preset(preset),
        None => panic!("no kremlin-12"),
    };
    state.scenario.set(Param::Sanctions, 0.35);
    state.scenario.set(Param::DemandGrowth, 0.0712345678901234);
    state.stage = Stage::Magnets;
    let link = encode(&state);
    let direct = ok(&[
        "--preset",
        "kremlin-12",
        "--set",
        "sanctions=0.35",
        "--set",
        "demand_growth=0.0712345678901234",
        "--format",
        "csv",
    ]);
    for form in [
        link.clone(),
        format!("#{link}"),
        format!("https://example.org/ree-outlook/#{link}"),
    ] {
        assert_eq!(ok(&["--url", &form, "--format", "csv"]), direct, "{form}");
    }
    // --set applies on top of a link.
    let on_top = ok(&["--url", &link, "--set", "sanctions=0.9", "--format", "csv"]);
    let expected = ok(&[
        "--preset",
        "kremlin-12",
        "--set",
        "demand_growth=0.0712345678901234",
        "--set",
        "sanctions=0.9",
        "--format",
        "csv",
    ]);
    assert_eq!(on_top, expected);
}

#[test]
fn a_bad_link_still_projects_and_says_what_it_changed() {
    let outcome = run(&[
        "--url",
        "#v=1&p=skeptic&sanctions=7&foo=1",
        "--format",
        "csv",
    ]);
    assert_eq!(outcome.status, 0, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("note: Sanctions friction 700% is out of range; used 100%."),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome
            .stderr
            .contains("note: Ignored unknown setting 'foo'."),
        "{}",
        outcome.stderr
    );
    assert_eq!(
        outcome.stdout,
        ok(&[
            "--preset",
            "skeptic",
            "--set",
            "sanctions=1",
            "--format",
            "csv"
        ])
    );
}

#[test]
fn json_holds_the_scenario_and_the_projection() {
    let text = ok(&["--preset", "price-war", "--format", "json"]);
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(error) => panic!("{error}: {text}"),
    };
    assert_eq!(value["preset"], "price-war");
    assert_eq!(value["link"], "v=1&p=price-war&st=separation&d=2025.1");
    assert_eq!(value["scenario"]["cn_price_response"], 0.9);
    assert_eq!(value["projection"]["years"][0], 2025);
    assert!(value["projection"]["stages"]["separation"]["regions"]["russia"]["share"].is_array());
    // The observed years travel with the projection, and the data version names the dataset.
    assert_eq!(value["projection"]["data_version"], "2025.1");
    assert_eq!(value["projection"]["observed"]["mining"]["years"][0], 2019);
    assert!(
        value["projection"]["observed"]["mining"]["regions"]["russia"]["output"][0]
            .as_f64()
            .is_some_and(|tonnes| tonnes > 0.0)
    );
}

#[test]
fn hindcast_prints_the_track_record_in_every_format() {
    let table = ok(&["--hindcast"]);
    assert!(
        table.contains("How well would this model have predicted 2021–2025?"),
        "{table}"
    );
    assert!(table.contains("mean absolute error"), "{table}");
    let csv = ok(&["--hindcast", "--format", "csv"]);
    assert!(
        csv.starts_with("stage,year,region,predicted,observed,error_points\nmining,2021,china,"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["--hindcast", "--format", "json"])).unwrap_or_default();
    assert_eq!(json["start_year"], 2020);
    assert_eq!(json["data_version"], "hindcast-2020");
    assert!(json["rows"]
        .as_array()
        .is_some_and(|rows| rows.len() == csv.lines().count() - 1));
}

#[test]
fn every_error_kind_exits_2_with_a_message_naming_the_fix() {
    usage_error(
        &["--set", "foo=1"],
        &[
            "unknown parameter 'foo'",
            "valid keys:",
            "sanctions",
            "ru_plan_share",
        ],
    );
    usage_error(
        &["--set", "sanctions=1.5"],
        &["sanctions must be between 0 and 1", "1.5"],
    );
    usage_error(
        &["--set", "ru_first_plant=2100"],
        &["ru_first_plant must be between 2025 and 2040"],
    );
    usage_error(
        &["--set", "sanctions=high"],
        &["sanctions", "'high' is not a number", "between 0 and 1"],
    );
    usage_error(&["--set", "sanctions=NaN"], &["'NaN' is not a number"]);
    usage_error(&["--set", "sanctions"], &["KEY=VALUE"]);
    usage_error(
        &["--preset", "utopia"],
        &[
            "unknown preset 'utopia'",
            "valid presets:",
            "baseline",
            "kremlin-2030",
            "skeptic",
        ],
    );
    usage_error(
        &["--format", "xml"],
        &["unknown format 'xml'", "csv, json, table"],
    );
    usage_error(
        &["--frobnicate"],
        &["unknown option '--frobnicate'", "--help"],
    );
    usage_error(&["--preset"], &["--preset needs a value"]);
    usage_error(
        &["--url", "v=1", "--preset", "skeptic"],
        &["either --url or --preset"],
    );
    usage_error(
        &["--preset", "skeptic", "--preset", "baseline"],
        &["more than once"],
    );
}

#[test]
fn lists_and_help() {
    let presets = ok(&["--list-presets"]);
    for preset in PRESETS.iter() {
        assert!(
            presets.contains(preset.id) && presets.contains(preset.title),
            "{}",
            preset.id
        );
    }
    let params = ok(&["--list-params"]);
    for spec in PARAMS.iter() {
        assert!(
            params.contains(spec.key) && params.contains(spec.label),
            "{}",
            spec.key
        );
    }
    assert!(params.contains("plausible 0.3–0.9"), "{params}");
    let csv = ok(&["--list-params", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 1 + PARAMS.len());
    assert!(csv.starts_with("key,label,unit,min,max,default,low,high,source\n"));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["--list-presets", "--format", "json"])).unwrap_or_default();
    assert_eq!(json.as_array().map(Vec::len), Some(PRESETS.len()));
    let help = ok(&["--help"]);
    for flag in [
        "--preset",
        "--set",
        "--url",
        "--format",
        "--list-presets",
        "--list-params",
    ] {
        assert!(help.contains(flag), "{flag}");
    }
}

#[test]
fn monte_carlo_is_reproducible_by_seed_and_prints_bands_and_probability() {
    let first = ok(&[
        "--preset",
        "kremlin-2030",
        "--monte-carlo",
        "300",
        "--seed",
        "7",
    ]);
    let again = ok(&[
        "--preset",
        "kremlin-2030",
        "--monte-carlo",
        "300",
        "--seed",
        "7",
    ]);
    let other = ok(&[
        "--preset",
        "kremlin-2030",
        "--monte-carlo",
        "300",
        "--seed",
        "8",
    ]);
    assert_eq!(first, again);
    assert_ne!(first, other);
    assert!(
        first.contains("P10 / P50 / P90")
            && first.contains("Probability that Russia's 2030 separation share reaches 10.0%")
    );
    let csv = ok(&["--monte-carlo", "50", "--format", "csv"]);
    assert!(csv.starts_with("year,p10,p50,p90\n2025,"));
    assert_eq!(csv.lines().count(), 1 + 16);
    usage_error(&["--monte-carlo", "0"], &["--monte-carlo", "1 to 100000"]);
    usage_error(&["--monte-carlo", "10", "--seed", "-1"], &["--seed"]);
}

#[test]
fn monte_carlo_says_what_it_draws_around_and_sampling_scenario_keeps_the_preset_at_the_centre() {
    let run = |sampling: &str| {
        ok(&[
            "--preset",
            "kremlin-12",
            "--monte-carlo",
            "500",
            "--sampling",
            sampling,
        ])
    };
    let plausible = run("plausible");
    assert_eq!(
        plausible,
        ok(&["--preset", "kremlin-12", "--monte-carlo", "500"]),
        "plausible is the default"
    );
    let own = run("scenario");
    let probability = |text: &str, wording: &str| -> f64 {
        let line = text
            .lines()
            .find(|line| line.starts_with("Probability that") && line.contains(wording))
            .unwrap_or_default();
        line.rsplit(": ")
            .next()
            .and_then(|number| number.trim_end_matches('%').parse().ok())
            .unwrap_or(f64::NAN)
    };
    assert!(probability(&plausible, "under the model's plausible ranges") < 5.0);
    assert!(probability(&own, "around this scenario's own assumptions") > 50.0);
    let json = ok(&[
        "--preset",
        "kremlin-12",
        "--monte-carlo",
        "20",
        "--sampling=scenario",
        "--format",
        "json",
    ]);
    assert!(json.contains("\"sampling\": \"scenario\""), "{json}");
    usage_error(
        &["--monte-carlo", "10", "--sampling", "wide"],
        &["plausible, scenario"],
    );
}

#[test]
fn tornado_ranks_and_exports_csv() {
    let csv = ok(&["--tornado", "--format", "csv"]);
    assert!(csv.starts_with("param,label,low,high,output_at_low,output_at_high,swing\n"));
    let reserves = csv.lines().find(|line| line.starts_with("ru_reserves_mt,"));
    assert!(reserves.is_some_and(|line| line.ends_with(",0")), "{csv}");
    usage_error(
        &["--tornado", "--stage", "refining"],
        &["valid stages: mining, separation, magnets"],
    );
}

#[test]
fn solve_answers_a_value_that_reaches_the_target_when_fed_back() {
    let json = ok(&[
        "--preset",
        "kremlin-2030",
        "--solve",
        "ru_ramp_years",
        "--target",
        "0.09",
        "--format",
        "json",
    ]);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(parsed["answer"]["kind"], "reached", "{json}");
    let value = parsed["answer"]["value"].as_f64().unwrap_or(f64::NAN);
    let csv = ok(&[
        "--preset",
        "kremlin-2030",
        "--set",
        &format!("ru_ramp_years={value}"),
        "--format",
        "csv",
    ]);
    let share: f64 = csv
        .lines()
        .find(|line| line.starts_with("2030,separation,russia,"))
        .and_then(|line| line.split(',').nth(4))
        .and_then(|share| share.parse().ok())
        .unwrap_or(0.0);
    assert!(share >= 0.09, "ru_ramp_years={value} gives {share}");
    let met = ok(&["--preset", "kremlin-12", "--solve", "sanctions"]);
    assert!(met.contains("is already met"), "{met}");
    let unreachable = ok(&["--solve", "cn_export_controls", "--target", "0.1"]);
    assert!(unreachable.contains("out of reach"), "{unreachable}");
    usage_error(&["--solve", "nope"], &["valid keys: ru_plan_share"]);
    usage_error(
        &["--solve", "sanctions", "--target", "10"],
        &["between 0 and 1"],
    );
}

#[test]
fn budget_answers_what_the_hub_buys_and_what_runs_out_first() {
    let table = ok(&["--preset", "hub-budget", "--budget"]);
    for needle in [
        "$9.20bn for rare earths ($9.20bn hub budget × 100%) buys 100% of the capacity 10% of world output in 2030 needs (84% of what 12% needs) at a 24% sanctions premium on capital cost; what runs out first in 2030: at mining, time to ramp up; at separation, time to ramp up; at magnets, time lost to sanctions; at heavy separation (Dy, Tb), heavy supply (loparite yields light rare earths only).",
        "Money for rare earths: $9.20bn",
        "the money buys 100% of it",
        "Separation capacity (t oxide a year)                11,015            11,015            13,308",
        "Cost with the sanctions premium                    $9.05bn           $9.05bn          $10.94bn",
        "Share of it the money buys                            100%              100%               84%",
        "Capital cost per tonne of yearly capacity: mining $47k, separation $170k, magnets $69k.",
        "Sources of the defaults:",
        "In 2030 Russia's separation needs 2,332 t REO of concentrate",
        "Feed for Russia's separation",
        "separation ramp",
    ] {
        assert!(table.contains(needle), "{needle:?} missing from\n{table}");
    }
    // One feed row per projected year.
    assert_eq!(
        table.lines().filter(|line| line.starts_with("20")).count(),
        16
    );
    // Half the budget for rare earths: the money binds, in the table and in the summary's why.
    let half = ok(&[
        "--preset",
        "hub-budget",
        "--set",
        "ru_budget_share=0.5",
        "--budget",
    ]);
    assert!(half.contains("the money buys 51% of it"), "{half}");
    assert!(
        half.contains("what runs out first in 2030: at mining, money; at separation, money; at magnets, money; at heavy separation (Dy, Tb), heavy supply (loparite yields light rare earths only)."),
        "{half}"
    );
    assert!(half.contains("separation money"), "{half}");
    // The summary wraps at 90 columns; read it as one line.
    let story = ok(&["--preset", "hub-budget", "--set", "ru_budget_share=0.5"]).replace('\n', " ");
    assert!(story.contains("What holds it furthest below its ambition in 2030: the money."));
    assert!(story.contains("buys 51% of the nameplate the 10.0% ambition asks for"));

    let csv = ok(&["--budget", "--format", "csv"]);
    assert!(csv.starts_with(
        "measure,unit,mining,separation,magnets,total\ncapex,kUSD per t/yr,47,170,69,\n"
    ));
    assert!(csv.contains("\nneed_12,t/yr,"));
    let json = ok(&["--preset", "hub-budget", "--budget", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(value["budget"]["funded"], 1.0);
    assert_eq!(value["feed"].as_array().map(Vec::len), Some(16));
    assert!(value["russia"]["separation"]["bought"]
        .as_f64()
        .is_some_and(|t| t > 11_000.0));

    // Goal seek takes the budget: the investment that gives Russia 9% of separation in 2030.
    let solved = ok(&[
        "--preset",
        "kremlin-2030",
        "--set",
        "ru_budget_share=0.5",
        "--solve",
        "ru_budget",
        "--target",
        "0.09",
    ]);
    assert!(
        solved.contains("set \u{201c}Angara–Yenisei hub budget\u{201d} to"),
        "{solved}"
    );
}
