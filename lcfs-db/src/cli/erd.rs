//! `erd` and `docs`: diagrams and schema docs from the schema model built into the binary.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use lcfs_db::erd::{self, Format};
use lcfs_db::schema::schema;

use super::output::{out, outln};
use super::place::or_project;

#[derive(Debug, Args)]
pub struct ErdArgs {
    /// The diagram language
    #[arg(long, value_enum, default_value = "mermaid")]
    format: ErdFormat,
    /// Only this domain's page (the migration name, e.g. `organizations_and_users`)
    #[arg(long)]
    domain: Option<String>,
}

#[derive(Debug, Args)]
pub struct DocsArgs {
    /// Where the docs live (default: the project's `docs/`)
    #[arg(long, value_name = "DIR")]
    docs_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ErdFormat {
    /// A Mermaid erDiagram
    Mermaid,
    /// Graphviz DOT (render with `dot -Tsvg`)
    Dot,
    /// A draw.io file, one page per domain
    Drawio,
}

pub fn print(args: ErdArgs) -> Result<(), String> {
    let (format, domain) = (args.format, args.domain.as_deref());
    let pages = erd::pages(schema());
    if let Some(domain) = domain.filter(|d| !pages.iter().any(|p| p.domain == *d)) {
        let domains: Vec<&str> = pages.iter().map(|p| p.domain).collect();
        return Err(format!(
            "no domain {domain:?}; the domains are {}",
            domains.join(", ")
        ));
    }
    let format = match format {
        ErdFormat::Mermaid => Format::Mermaid,
        ErdFormat::Dot => Format::Dot,
        ErdFormat::Drawio => Format::Drawio,
    };
    let text = erd::render(schema(), format, domain);
    out!("{text}");
    Ok(())
}

pub fn write(args: DocsArgs) -> Result<(), String> {
    let dir = &or_project(args.docs_dir, "docs");
    let changed = erd::write_docs(schema(), dir).map_err(|e| match e.kind() {
        // Graphviz missing: nothing was generated, so nothing was written.
        std::io::ErrorKind::NotFound => format!("{e}; {} was left as it was", dir.display()),
        _ => format!("writing {}: {e}", dir.display()),
    })?;
    for path in &changed {
        outln!("wrote {}", path.display());
    }
    if changed.is_empty() {
        outln!("{} is up to date", dir.display());
    }
    Ok(())
}
