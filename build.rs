//! Generates the migration list, row structs, enums and schema model from `migrations/`.

#[path = "lcfs-db/src/codegen/mod.rs"]
mod codegen;
// At the root, as in the library, so that `crate::directive` names the same file in both.
#[path = "lcfs-db/src/directive.rs"]
mod directive;

fn main() -> std::process::ExitCode {
    codegen::build_script()
}
