//! The command-line tool's logic, kept here so it is tested natively; `src/bin/ree-outlook.rs` only calls [`run`].
