use ree_outlook::*;
fn main() {
    for preset in PRESETS.iter() {
        let p = simulate(&preset.scenario());
        print!("{:18}", preset.id);
        for year in [2024u16, 2028, 2030, 2035, 2040] {
            print!(" {year}:");
            for stage in Stage::ALL {
                print!(" {:5.2}", 100.0 * p.share(year, stage, Region::Russia));
            }
            print!(
                " |cn sep {:4.1}",
                100.0 * p.share(year, Stage::Separation, Region::China)
            );
        }
        println!(
            " gap30 {:.0}",
            p.get(2030, Stage::Separation).unwrap().supply_gap
        );
    }
}
