//! Every table and foreign key of the schema model appears in each diagram format.

use lcfs_db::erd::{Format, pages, render};
use lcfs_db::schema::schema;

fn foreign_key_count() -> usize {
    schema().tables.iter().map(|t| t.foreign_keys.len()).sum()
}

#[test]
fn mermaid_has_every_table_and_foreign_key() {
    let mermaid = render(schema(), Format::Mermaid, None);
    assert!(mermaid.starts_with("erDiagram\n"));
    for table in schema().tables {
        let opening = format!("\n    {} {{\n", table.name);
        assert_eq!(
            mermaid.matches(&opening).count(),
            1,
            "entity {}",
            table.name
        );
    }
    let relationships: Vec<&str> = mermaid.lines().filter(|l| l.contains("--")).collect();
    assert_eq!(relationships.len(), foreign_key_count());
    for table in schema().tables {
        for fk in table.foreign_keys {
            let prefix = format!("    {} ", table.name);
            let suffix = format!(" {} : \"{}\"", fk.ref_table, fk.columns.join(", "));
            assert!(
                relationships
                    .iter()
                    .any(|l| l.starts_with(&prefix) && l.ends_with(&suffix)),
                "relationship {} -> {}",
                table.name,
                fk.ref_table
            );
        }
    }
}

#[test]
fn mermaid_cardinality_follows_nullability_and_uniqueness() {
    let mermaid = render(schema(), Format::Mermaid, None);
    for table in schema().tables {
        for fk in table.foreign_keys {
            let nullable = fk
                .columns
                .iter()
                .any(|name| table.columns.iter().any(|c| c.name == *name && c.nullable));
            let parent = if nullable { "o|" } else { "||" };
            let line = mermaid
                .lines()
                .find(|l| {
                    l.starts_with(&format!("    {} ", table.name))
                        && l.ends_with(&format!(
                            " {} : \"{}\"",
                            fk.ref_table,
                            fk.columns.join(", ")
                        ))
                })
                .unwrap();
            assert!(line.contains(&format!("--{parent} ")), "{line}");
        }
    }
}

#[test]
fn dot_has_every_table_and_foreign_key() {
    let dot = render(schema(), Format::Dot, None);
    assert!(dot.starts_with("digraph erd {") && dot.contains("rankdir=LR"));
    for table in schema().tables {
        let node = format!("\"{}\" [label=<", table.name);
        assert_eq!(dot.matches(&node).count(), 1, "node {}", table.name);
    }
    let edges: Vec<&str> = dot.lines().filter(|l| l.contains(" -> ")).collect();
    assert_eq!(edges.len(), foreign_key_count());
    for table in schema().tables {
        for fk in table.foreign_keys {
            let edge = format!(
                "\"{}\":\"{}\":e -> \"{}\" ",
                table.name, fk.columns[0], fk.ref_table
            );
            assert!(
                edges.iter().any(|l| l.trim_start().starts_with(&edge)),
                "{edge}"
            );
        }
    }
    assert_eq!(
        dot.matches("subgraph \"cluster_").count(),
        pages(schema()).len()
    );
    assert_eq!(dot, render(schema(), Format::Dot, None), "deterministic");
}

#[test]
fn domain_pages_split_the_schema_without_losing_a_table_or_edge() {
    let all = pages(schema());
    let mut tables = 0;
    let mut edges = 0;
    for page in &all {
        assert!(!page.title.contains('_'), "title {}", page.title);
        let dot = render(schema(), Format::Dot, Some(page.domain));
        edges += dot.lines().filter(|l| l.contains(" -> ")).count();
        tables += page.tables.len();
        for external in &page.external {
            assert_ne!(external.domain, page.domain);
            let compact = format!("\"{}\" [shape=box", external.name);
            assert!(
                dot.contains(&compact),
                "{} on {}",
                external.name,
                page.domain
            );
        }
    }
    assert_eq!(tables, schema().tables.len());
    assert_eq!(edges, foreign_key_count());
}

#[test]
fn enum_columns_name_their_enum() {
    let mermaid = render(schema(), Format::Mermaid, None);
    let used: Vec<_> = schema()
        .enums
        .iter()
        .filter(|e| {
            schema()
                .tables
                .iter()
                .any(|t| t.columns.iter().any(|c| c.sql_type == e.name))
        })
        .collect();
    assert!(!used.is_empty());
    for e in used {
        assert!(
            mermaid.contains(&format!("        {} ", e.name)),
            "enum {}",
            e.name
        );
        assert!(mermaid.contains(e.name) && mermaid.contains("%% enums: "));
    }
}
