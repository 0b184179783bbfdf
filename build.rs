//! Compiles the data files into Rust constants (`$OUT_DIR/dataset.rs`), so the model reads its
//! data without parsing JSON at run time; a broken data file stops the build with a message naming the problem.

#[path = "src/dataset_source.rs"]
mod dataset_source;

/// Each data file with the constant it becomes.
const FILES: [(&str, &str); 2] = [
    ("data/base-2025.json", "DATASET"),
    ("data/hindcast-2020.json", "HINDCAST_DATASET"),
];

fn main() {
    println!("cargo:rerun-if-changed=src/dataset_source.rs");
    let mut rust = String::new();
    for (file, name) in FILES {
        println!("cargo:rerun-if-changed={file}");
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) => fail(&format!("cannot read {file}: {error}")),
        };
        let checked = match dataset_source::check(&text) {
            Ok(checked) => checked,
            Err(error) => fail(&format!("{file} is invalid: {error}")),
        };
        rust.push_str(&dataset_source::to_rust(&checked, name, file));
    }
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("cargo did not set OUT_DIR"));
    let path = std::path::Path::new(&out_dir).join("dataset.rs");
    if let Err(error) = std::fs::write(&path, rust) {
        fail(&format!("cannot write {}: {error}", path.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
