//! An uncompressed draw.io `mxfile`: one page per domain, tables as swimlanes with a row per
//! column, foreign keys as edges with ER arrows.

use std::fmt::Write;

use super::layout::grid;
use super::{Page, column_enum, is_one_to_one, is_optional, key_marks};
use crate::schema::{Schema, Table};

const HEADER_HEIGHT: u32 = 26;
const ROW_HEIGHT: u32 = 20;
/// Rough width of a character at the 11px font draw.io uses for the rows.
const CHAR_WIDTH: u32 = 7;
const TABLE_STYLE: &str = "swimlane;fontStyle=1;childLayout=stackLayout;horizontal=1;startSize=26;horizontalStack=0;resizeParent=1;resizeLast=0;collapsible=1;marginBottom=0;fillColor=#dae8fc;strokeColor=#6c8ebf;";
const EXTERNAL_STYLE: &str =
    "rounded=0;whiteSpace=wrap;html=1;dashed=1;fontStyle=2;fillColor=#f5f5f5;";
const ROW_STYLE: &str = "text;strokeColor=none;fillColor=none;align=left;verticalAlign=middle;spacingLeft=4;spacingRight=4;overflow=hidden;rotatable=0;points=[[0,0.5],[1,0.5]];portConstraint=eastwest;fontSize=11;";

pub(super) fn render(schema: &Schema, pages: &[&Page]) -> String {
    let mut out = String::from("<mxfile host=\"lcfs-db\" type=\"device\">\n");
    for page in pages {
        diagram(&mut out, schema, page);
    }
    out.push_str("</mxfile>\n");
    out
}

fn diagram(out: &mut String, schema: &Schema, page: &Page) {
    let rows = |table: &Table| -> Vec<String> {
        table
            .columns
            .iter()
            .map(|c| row_text(schema, table, c))
            .collect()
    };
    let mut sizes: Vec<(u32, u32)> = page.tables.iter().map(|t| size(t.name, &rows(t))).collect();
    sizes.extend(page.external.iter().map(|t| size(t.name, &[])));
    let placed = grid(&sizes);
    let _ = writeln!(
        out,
        "  <diagram name=\"{}\" id=\"{}\">",
        escape(&page.title),
        page.domain
    );
    out.push_str("    <mxGraphModel grid=\"1\" gridSize=\"10\" guides=\"1\" connect=\"1\" arrows=\"1\" page=\"0\">\n      <root>\n        <mxCell id=\"0\"/>\n        <mxCell id=\"1\" parent=\"0\"/>\n");
    for (table, at) in page.tables.iter().zip(&placed) {
        cell(
            out,
            &format!("t-{}", table.name),
            table.name,
            TABLE_STYLE,
            "1",
            at.x,
            at.y,
            at.width,
            at.height,
        );
        for (i, text) in rows(table).iter().enumerate() {
            let id = format!("c-{}-{}", table.name, table.columns[i].name);
            let y = HEADER_HEIGHT + i as u32 * ROW_HEIGHT;
            cell(
                out,
                &id,
                text,
                ROW_STYLE,
                &format!("t-{}", table.name),
                0,
                y,
                at.width,
                ROW_HEIGHT,
            );
        }
    }
    for (table, at) in page.external.iter().zip(&placed[page.tables.len()..]) {
        cell(
            out,
            &format!("t-{}", table.name),
            table.name,
            EXTERNAL_STYLE,
            "1",
            at.x,
            at.y,
            at.width,
            at.height,
        );
    }
    for table in &page.tables {
        for (i, fk) in table.foreign_keys.iter().enumerate() {
            let start = if is_one_to_one(table, fk) {
                "ERzeroToOne"
            } else {
                "ERzeroToMany"
            };
            let end = if is_optional(table, fk) {
                "ERzeroToOne"
            } else {
                "ERmandOne"
            };
            let _ = writeln!(
                out,
                "        <mxCell id=\"fk-{t}-{i}\" value=\"\" style=\"edgeStyle=entityRelationEdgeStyle;html=1;startArrow={start};startFill=0;endArrow={end};endFill=0;\" edge=\"1\" parent=\"1\" source=\"c-{t}-{c}\" target=\"t-{r}\">\n          <mxGeometry relative=\"1\" as=\"geometry\"/>\n        </mxCell>",
                t = table.name,
                c = fk.columns[0],
                r = fk.ref_table,
            );
        }
    }
    out.push_str("      </root>\n    </mxGraphModel>\n  </diagram>\n");
}

fn row_text(schema: &Schema, table: &Table, column: &crate::schema::Column) -> String {
    let marks = key_marks(table, column.name).join(",");
    let enum_mark = if column_enum(schema, column.sql_type).is_some() {
        " (enum)"
    } else {
        ""
    };
    let null = if column.nullable { " NULL" } else { "" };
    let prefix = if marks.is_empty() {
        String::new()
    } else {
        format!("{marks} ")
    };
    format!(
        "{prefix}{}: {}{enum_mark}{null}",
        column.name, column.sql_type
    )
}

fn size(name: &str, rows: &[String]) -> (u32, u32) {
    let longest = rows
        .iter()
        .map(|r| r.len())
        .chain([name.len() + 4])
        .max()
        .unwrap_or(0);
    let width = (longest as u32 * CHAR_WIDTH + 20).max(160);
    (
        width,
        HEADER_HEIGHT + rows.len() as u32 * ROW_HEIGHT + if rows.is_empty() { 14 } else { 0 },
    )
}

#[allow(clippy::too_many_arguments)]
fn cell(
    out: &mut String,
    id: &str,
    value: &str,
    style: &str,
    parent: &str,
    x: u32,
    y: u32,
    width: u32,
    height: u32,
) {
    let _ = writeln!(
        out,
        "        <mxCell id=\"{id}\" value=\"{}\" style=\"{style}\" vertex=\"1\" parent=\"{parent}\">\n          <mxGeometry x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" as=\"geometry\"/>\n        </mxCell>",
        escape(value)
    );
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
