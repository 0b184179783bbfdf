//! Compiles `data/base-2024.json` into Rust constants (`$OUT_DIR/dataset.rs`), so the model reads its
//! data without parsing JSON at run time; a broken data file stops the build with a message naming the problem.

#[path = "src/dataset_source.rs"]
mod dataset_source;

fn main() {
    println!("cargo:rerun-if-changed=data/base-2024.json");
    println!("cargo:rerun-if-changed=src/dataset_source.rs");
    let text = match std::fs::read_to_string("data/base-2024.json") {
        Ok(text) => text,
        Err(error) => fail(&format!("cannot read data/base-2024.json: {error}")),
    };
    let checked = match dataset_source::check(&text) {
        Ok(checked) => checked,
        Err(error) => fail(&format!("data/base-2024.json is invalid: {error}")),
    };
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("cargo did not set OUT_DIR"));
    let path = std::path::Path::new(&out_dir).join("dataset.rs");
    if let Err(error) = std::fs::write(&path, dataset_source::to_rust(&checked)) {
        fail(&format!("cannot write {}: {error}", path.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
