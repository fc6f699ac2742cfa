//! Graphviz digraphs: HTML-like table nodes, one edge per foreign key.

use std::fmt::Write;

use super::{Page, column_enum, is_one_to_one, is_optional, key_marks};
use crate::schema::{Schema, Table};

const HEADER: &str = "    graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.4, ranksep=1.0];\n    node [shape=plain, fontname=\"Helvetica\", fontsize=10];\n    edge [dir=both, color=\"#555555\"];\n";

/// One domain: its tables in full, the tables it references elsewhere as name-only boxes.
pub(super) fn render_page(schema: &Schema, page: Option<&Page>) -> String {
    let mut out = String::from("digraph erd {\n");
    out.push_str(HEADER);
    if let Some(page) = page {
        let _ = writeln!(out, "    label=\"{}\";\n    labelloc=t;", page.title);
        for table in &page.tables {
            full_node(&mut out, schema, table, "    ");
        }
        for table in &page.external {
            external_node(&mut out, table);
        }
        for table in &page.tables {
            edges(&mut out, table);
        }
    }
    out.push_str("}\n");
    out
}

/// The whole schema, each domain in its own cluster.
pub(super) fn render_clustered(schema: &Schema, pages: &[&Page]) -> String {
    let mut out = String::from("digraph erd {\n");
    out.push_str(HEADER);
    for page in pages {
        let _ = writeln!(out, "    subgraph \"cluster_{}\" {{", page.domain);
        let _ = writeln!(out, "        label=\"{}\";", page.title);
        for table in &page.tables {
            full_node(&mut out, schema, table, "        ");
        }
        out.push_str("    }\n");
    }
    for table in pages.iter().flat_map(|p| &p.tables) {
        edges(&mut out, table);
    }
    out.push_str("}\n");
    out
}

fn full_node(out: &mut String, schema: &Schema, table: &Table, indent: &str) {
    let _ = write!(
        out,
        "{indent}\"{name}\" [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\"><TR><TD BGCOLOR=\"#dae8fc\" COLSPAN=\"4\"><B>{name}</B></TD></TR>",
        name = escape(table.name)
    );
    for column in table.columns {
        // Graphviz rejects empty <B> and <FONT> elements.
        let marks = match key_marks(table, column.name).join(" ") {
            marks if marks.is_empty() => marks,
            marks => format!("<B>{marks}</B>"),
        };
        let mut kind = escape(column.sql_type);
        if column_enum(schema, column.sql_type).is_some() {
            kind = format!("<I>{kind}</I>");
        }
        let null = match column.nullable {
            true => "<FONT COLOR=\"#888888\">null</FONT>",
            false => "",
        };
        // The port sits on the last cell so that edges leave the table on its east side.
        let _ = write!(
            out,
            "<TR><TD ALIGN=\"LEFT\">{marks}</TD><TD ALIGN=\"LEFT\">{name}</TD><TD ALIGN=\"LEFT\">{kind}</TD><TD ALIGN=\"LEFT\" PORT=\"{name}\">{null}</TD></TR>",
            name = escape(column.name),
        );
    }
    out.push_str("</TABLE>>];\n");
}

fn external_node(out: &mut String, table: &Table) {
    let _ = writeln!(
        out,
        "    \"{name}\" [shape=box, style=\"dashed\", fontsize=10, label=\"{name}\"];",
        name = table.name
    );
}

fn edges(out: &mut String, table: &Table) {
    for fk in table.foreign_keys {
        let tail = if is_one_to_one(table, fk) {
            "teeodot"
        } else {
            "crowodot"
        };
        let head = if is_optional(table, fk) {
            "teeodot"
        } else {
            "teetee"
        };
        let _ = writeln!(
            out,
            "    \"{}\":\"{}\":e -> \"{}\" [arrowtail={tail}, arrowhead={head}];",
            table.name, fk.columns[0], fk.ref_table
        );
    }
}

/// Escapes text for an HTML-like label.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
