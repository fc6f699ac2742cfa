//! Generating `docs/erd/` and `docs/schema.md`, writing only what changed, finding what is stale.

use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{Format, pages, render, schema_md};
use crate::schema::Schema;

/// The command that regenerates the committed docs.
pub const DOCS_REGENERATE: &str = "LCFS_DB_BLESS=1 cargo test --test erd_docs";

/// Every generated doc, as a path relative to the docs directory and its content.
pub fn generate_docs(schema: &Schema) -> io::Result<Vec<(PathBuf, String)>> {
    let all = pages(schema);
    let mut files = Vec::new();
    for page in &all {
        let domain = Some(page.domain);
        files.push((
            erd_path(page.domain, "mmd"),
            render(schema, Format::Mermaid, domain),
        ));
        let svg = svg_from_dot(&render(schema, Format::Dot, domain))?;
        files.push((erd_path(page.domain, "svg"), svg));
    }
    files.push((
        PathBuf::from("erd/lcfs.drawio"),
        render(schema, Format::Drawio, None),
    ));
    files.push((PathBuf::from("schema.md"), schema_md::render(schema, &all)));
    Ok(files)
}

/// Writes the generated docs under `docs_dir`, each only when its content changed, and
/// returns the paths written.
pub fn write_docs(schema: &Schema, docs_dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut changed = Vec::new();
    for (relative, content) in generate_docs(schema)? {
        let path = docs_dir.join(relative);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(content.as_str()) {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, content)?;
        changed.push(path);
    }
    Ok(changed)
}

/// The generated docs under `docs_dir` that are missing or differ from a fresh generation.
pub fn stale_docs(schema: &Schema, docs_dir: &Path) -> io::Result<Vec<PathBuf>> {
    Ok(generate_docs(schema)?
        .into_iter()
        .map(|(relative, content)| (docs_dir.join(relative), content))
        .filter(|(path, content)| std::fs::read_to_string(path).ok().as_deref() != Some(content))
        .map(|(path, _)| path)
        .collect())
}

fn erd_path(domain: &str, extension: &str) -> PathBuf {
    PathBuf::from(format!("erd/{domain}.{extension}"))
}

/// Renders DOT to SVG with Graphviz, dropping the comment lines that carry its version so the
/// output is the same wherever it is generated.
fn svg_from_dot(dot: &str) -> io::Result<String> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            ErrorKind::NotFound => io::Error::new(
                ErrorKind::NotFound,
                "Graphviz `dot` not found: install graphviz (apt-get install graphviz)",
            ),
            _ => io::Error::new(e.kind(), format!("running Graphviz `dot`: {e}")),
        })?;
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(dot.as_bytes())?;
    let output = child.wait_with_output()?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(io::Error::other(format!(
            "Graphviz `dot -Tsvg` failed: {}",
            stderr.trim()
        )));
    }
    let svg = String::from_utf8(output.stdout).map_err(io::Error::other)?;
    Ok(without_comments(&svg))
}

/// Drops every `<!-- … -->` comment (Graphviz's version line spans two lines) and the line
/// breaks that ended them.
fn without_comments(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("-->")
            .map_or(rest.len(), |e| start + e + 3);
        rest = rest[end..].strip_prefix('\n').unwrap_or(&rest[end..]);
    }
    out.push_str(rest);
    out
}
