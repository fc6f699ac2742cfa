//! Entity-relationship diagrams and schema docs, drawn from the static [`Schema`] model.
//!
//! Tables are grouped into pages by the migration that created them (their domain). A page
//! shows its own tables in full and the tables they reference from other domains as compact,
//! name-only boxes, so each foreign key is drawn once: on the page of the referencing table.

mod dot;
mod drawio;
mod layout;
mod mermaid;
mod page;
mod schema_md;
mod svg;
mod write;

pub use page::{Page, domain_title, pages};
pub use svg::GRAPHVIZ_MISSING;
pub use write::{
    DOCS_REGENERATE, Doc, generate_docs, generate_svgs, stale, write_changed, write_docs,
};

use crate::schema::Schema;

/// The diagram languages [`render`] speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Mermaid `erDiagram`.
    Mermaid,
    /// A Graphviz digraph with HTML-like table nodes.
    Dot,
    /// An uncompressed draw.io `mxfile`, one page per domain.
    Drawio,
}

/// Draws `schema` in `format`: one domain's page, or the whole schema when `domain` is `None`.
///
/// For draw.io the whole schema is one file with a page per domain; for Mermaid and DOT it is
/// one diagram (DOT puts each domain in its own cluster). An unknown domain yields an empty page.
pub fn render(schema: &Schema, format: Format, domain: Option<&str>) -> String {
    let all = pages(schema);
    let selected: Vec<&Page> = match domain {
        Some(domain) => all.iter().filter(|p| p.domain == domain).collect(),
        None => all.iter().collect(),
    };
    match (format, domain) {
        (Format::Mermaid, _) => mermaid::render(schema, &selected),
        (Format::Dot, Some(_)) => dot::render_page(schema, selected.first().copied()),
        (Format::Dot, None) => dot::render_clustered(schema, &selected),
        (Format::Drawio, _) => drawio::render(schema, &selected),
    }
}

/// The enum type a column of `sql_type` holds, arrays included.
fn column_enum<'s>(schema: &'s Schema, sql_type: &str) -> Option<&'s crate::schema::EnumType> {
    schema.enum_type(sql_type.trim_end_matches("[]"))
}

/// Whether the foreign key's columns are exactly the table's primary key or one of its
/// uniques: then at most one row references each target row.
fn is_one_to_one(table: &crate::schema::Table, fk: &crate::schema::ForeignKey) -> bool {
    let same = |cols: &[&str]| {
        cols.len() == fk.columns.len() && cols.iter().all(|c| fk.columns.contains(c))
    };
    table
        .primary_key
        .as_ref()
        .is_some_and(|pk| same(pk.columns))
        || table.uniques.iter().any(|u| same(u.columns))
}

/// Whether any of the foreign key's columns may be null: the reference is optional.
fn is_optional(table: &crate::schema::Table, fk: &crate::schema::ForeignKey) -> bool {
    fk.columns
        .iter()
        .any(|name| table.columns.iter().any(|c| c.name == *name && c.nullable))
}

/// The column's key marks: `PK`, `FK`, both or none.
fn key_marks(table: &crate::schema::Table, column: &str) -> Vec<&'static str> {
    let mut marks = Vec::new();
    if table
        .primary_key
        .as_ref()
        .is_some_and(|pk| pk.columns.contains(&column))
    {
        marks.push("PK");
    }
    if table
        .foreign_keys
        .iter()
        .any(|fk| fk.columns.contains(&column))
    {
        marks.push("FK");
    }
    marks
}
