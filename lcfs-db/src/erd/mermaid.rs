//! Mermaid `erDiagram` source.

use std::fmt::Write;

use super::{Page, column_enum, is_one_to_one, is_optional, key_marks};
use crate::schema::{Schema, Table};

pub(super) fn render(schema: &Schema, pages: &[&Page]) -> String {
    let mut out = String::from("erDiagram\n");
    for page in pages {
        let _ = writeln!(out, "    %% {}", page.title);
        let enums = page.enums(schema);
        if !enums.is_empty() {
            let names: Vec<&str> = enums.iter().map(|e| e.name).collect();
            let _ = writeln!(out, "    %% enums: {}", names.join(", "));
        }
        for table in &page.tables {
            entity(&mut out, schema, table);
        }
        // Tables of other domains appear through the relationships alone: name-only boxes.
        for table in &page.tables {
            relationships(&mut out, table);
        }
    }
    out
}

fn entity(out: &mut String, schema: &Schema, table: &Table) {
    let _ = writeln!(out, "    {} {{", table.name);
    for column in table.columns {
        let kind = match column_enum(schema, column.sql_type) {
            Some(e) if column.sql_type.ends_with("[]") => format!("{}[]", e.name),
            Some(e) => e.name.to_owned(),
            None => column.sql_type.to_owned(),
        };
        let marks = key_marks(table, column.name).join(",");
        let mut line = format!("        {} {}", attribute_type(&kind), column.name);
        if !marks.is_empty() {
            line = format!("{line} {marks}");
        }
        if column.nullable {
            line.push_str(" \"nullable\"");
        }
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "    }}");
}

fn relationships(out: &mut String, table: &Table) {
    for fk in table.foreign_keys {
        let child = if is_one_to_one(table, fk) { "|o" } else { "}o" };
        let parent = if is_optional(table, fk) { "o|" } else { "||" };
        let _ = writeln!(
            out,
            "    {} {child}--{parent} {} : \"{}\"",
            table.name,
            fk.ref_table,
            fk.columns.join(", ")
        );
    }
}

/// Mermaid attribute types are single words: spaces and commas in `character varying(500)`
/// or `numeric(10,2)` become underscores.
fn attribute_type(sql_type: &str) -> String {
    sql_type.replace([' ', ','], "_")
}
