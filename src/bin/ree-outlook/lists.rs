//! `--list-presets` and `--list-params`: the presets and the parameter table as a list, CSV or JSON.

use crate::flags::OutputFormat;
use crate::json_text;
use crate::story::wrap;
use ree_outlook::params::PARAMS;
use ree_outlook::scenario::PRESETS;

/// The presets as a list, JSON or CSV.
pub fn presets(format: OutputFormat) -> String {
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
                text.push_str(&wrap(preset.description, 86, "    "));
                text.push('\n');
            }
            text
        }
    }
}

/// The parameter table as a list, JSON or CSV.
pub fn params(format: OutputFormat) -> String {
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
                text.push_str(&wrap(&format!("source: {}", spec.source), 86, "    "));
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

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
