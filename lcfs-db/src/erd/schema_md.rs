//! `docs/schema.md`: the key tables and relationships, domain by domain.

use std::fmt::Write;

use super::Page;
use crate::schema::{Schema, Table};

pub(super) fn render(schema: &Schema, pages: &[Page]) -> String {
    let mut out = String::from("# Key tables and relationships\n\n");
    out.push_str("Generated from migrations/ by lcfs-db; do not edit.\n\n");
    out.push_str("Each domain is the migration that creates its tables. Its diagram shows them in full, and the\ntables they reference in other domains as dashed, name-only boxes.\n");
    for page in pages {
        let _ = writeln!(out, "\n## {}\n", page.title);
        let _ = writeln!(
            out,
            "Diagram: [SVG](erd/{d}.svg), [Mermaid](erd/{d}.mmd); migration `{d}`.",
            d = page.domain
        );
        let enums = page.enums(schema);
        if !enums.is_empty() {
            out.push_str("\nEnums:\n\n");
            for e in enums {
                let _ = writeln!(out, "- `{}`: {}", e.name, e.labels.join(", "));
            }
        }
        for table in &page.tables {
            table_section(&mut out, schema, table);
        }
    }
    out
}

fn table_section(out: &mut String, schema: &Schema, table: &Table) {
    let _ = writeln!(out, "\n### `{}`\n", table.name);
    let _ = writeln!(out, "{}", table.comment.unwrap_or("(no table comment)"));
    let references: Vec<String> = table
        .foreign_keys
        .iter()
        .map(|fk| format!("`{}` ({})", fk.ref_table, fk.columns.join(", ")))
        .collect();
    let referenced_by: Vec<String> = schema
        .tables
        .iter()
        .flat_map(|t| t.foreign_keys.iter().map(move |fk| (t, fk)))
        .filter(|(_, fk)| fk.ref_table == table.name)
        .map(|(t, fk)| format!("`{}` ({})", t.name, fk.columns.join(", ")))
        .collect();
    let mut enums: Vec<&str> = table
        .columns
        .iter()
        .filter_map(|c| super::column_enum(schema, c.sql_type).map(|e| e.name))
        .collect();
    enums.dedup();
    out.push('\n');
    for (label, items) in [
        ("References", references),
        ("Referenced by", referenced_by),
        ("Enums", enums.iter().map(|e| format!("`{e}`")).collect()),
    ] {
        if !items.is_empty() {
            let _ = writeln!(out, "- {label}: {}", items.join(", "));
        }
    }
}
