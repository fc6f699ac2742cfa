//! Generates the migration list, row structs, enums and schema model from `migrations/`.

#[path = "lcfs-db/src/codegen/mod.rs"]
mod codegen;

fn main() -> std::process::ExitCode {
    codegen::build_script()
}
