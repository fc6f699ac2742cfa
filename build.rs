// Placeholder until the codegen module lands: emits empty generated files.
use std::{env, fs, path::PathBuf};

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap());
    fs::write(out.join("tables.rs"), "").unwrap();
    fs::write(out.join("enums.rs"), "").unwrap();
    fs::write(
        out.join("schema.rs"),
        "pub(super) static SCHEMA: Schema = Schema { tables: &[], enums: &[] };\n",
    )
    .unwrap();
    fs::write(
        out.join("migrations.rs"),
        "pub(super) static MIGRATIONS: &[Migration] = &[];\n",
    )
    .unwrap();
    println!("cargo:rerun-if-changed=migrations");
}
