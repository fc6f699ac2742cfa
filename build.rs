//! Generates the migration list, row structs, enums and schema model from `migrations/`.

#[path = "lcfs-db/src/codegen/mod.rs"]
mod codegen;
// At the root, as in the library, so that `crate::directive` names the same file in both.
#[path = "lcfs-db/src/directive.rs"]
mod directive;
#[allow(
    dead_code,
    reason = "the runtime and the command line use the rest of it"
)]
#[path = "lcfs-db/src/timeouts.rs"]
mod timeouts;

fn main() -> std::process::ExitCode {
    codegen::build_script()
}
