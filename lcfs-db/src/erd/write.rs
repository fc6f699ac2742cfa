//! Generating `docs/erd/` and `docs/schema.md`, writing only what changed, finding what is stale.
//!
//! The text docs (Mermaid, DOT, draw.io, `schema.md`) need nothing beside Rust; the SVGs are
//! rendered from the DOT files by Graphviz, so they are generated and checked apart.

use std::io;
use std::path::{Path, PathBuf};

use super::svg::svg_from_dot;
use super::{Format, pages, render, schema_md};
use crate::schema::Schema;

/// The command that regenerates the committed docs.
pub const DOCS_REGENERATE: &str = "cargo run -- docs";

/// A generated doc: its path relative to the docs directory, and its content.
pub type Doc = (PathBuf, String);

/// The docs that need no program beside Rust: per domain a Mermaid and a DOT file, the
/// draw.io file and `schema.md`.
pub fn generate_docs(schema: &Schema) -> Vec<Doc> {
    let all = pages(schema);
    let mut docs = Vec::new();
    for page in &all {
        let domain = Some(page.domain);
        docs.push((
            erd_path(page.domain, "mmd"),
            render(schema, Format::Mermaid, domain),
        ));
        docs.push((
            erd_path(page.domain, "dot"),
            render(schema, Format::Dot, domain),
        ));
    }
    docs.push((
        PathBuf::from("erd/lcfs.drawio"),
        render(schema, Format::Drawio, None),
    ));
    docs.push((PathBuf::from("schema.md"), schema_md::render(schema, &all)));
    docs
}

/// Per domain an SVG rendered by Graphviz from its DOT; fails, saying what to install, when
/// Graphviz's `dot` is missing.
pub fn generate_svgs(schema: &Schema) -> io::Result<Vec<Doc>> {
    pages(schema)
        .iter()
        .map(|page| {
            let dot = render(schema, Format::Dot, Some(page.domain));
            Ok((erd_path(page.domain, "svg"), svg_from_dot(&dot)?))
        })
        .collect()
}

/// Every doc, SVGs included, written under `docs_dir` when its content changed; the paths
/// written. Everything is generated before anything is written, so a missing Graphviz leaves
/// the directory as it was.
pub fn write_docs(schema: &Schema, docs_dir: &Path) -> io::Result<Vec<PathBuf>> {
    let svgs = generate_svgs(schema)?;
    let mut docs = generate_docs(schema);
    docs.extend(svgs);
    write_changed(docs_dir, &docs)
}

/// Writes each doc under `docs_dir` unless the file already holds its content; the paths written.
pub fn write_changed(docs_dir: &Path, docs: &[Doc]) -> io::Result<Vec<PathBuf>> {
    let mut changed = Vec::new();
    for path in stale(docs_dir, docs) {
        let content = &docs
            .iter()
            .find(|(relative, _)| docs_dir.join(relative) == path)
            .expect("a stale path comes from a doc")
            .1;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, content)?;
        changed.push(path);
    }
    Ok(changed)
}

/// The docs missing under `docs_dir` or differing from `docs`, as paths under `docs_dir`.
pub fn stale(docs_dir: &Path, docs: &[Doc]) -> Vec<PathBuf> {
    docs.iter()
        .map(|(relative, content)| (docs_dir.join(relative), content))
        .filter(|(path, content)| {
            std::fs::read_to_string(path).ok().as_deref() != Some(content.as_str())
        })
        .map(|(path, _)| path)
        .collect()
}

fn erd_path(domain: &str, extension: &str) -> PathBuf {
    PathBuf::from(format!("erd/{domain}.{extension}"))
}
