//! The WebAssembly entry point: install the panic hook, render the app into `#app`.

#[cfg(target_arch = "wasm32")]
fn main() {
    ree_outlook::web::install_panic_hook();
    ree_outlook::web::mount_app();
    ree_outlook::web::panic_if_requested();
}

/// The web entry does nothing natively; the command-line tool is `ree-outlook`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
