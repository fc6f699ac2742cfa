//! `erd` and `docs`: diagrams and schema docs from the schema model built into the binary.

use std::io::Write;
use std::path::Path;

use lcfs_db::erd::{self, Format};
use lcfs_db::schema::schema;

use super::ErdFormat;

pub fn print(format: ErdFormat, domain: Option<&str>) -> Result<(), String> {
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
    match std::io::stdout().write_all(text.as_bytes()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

pub fn write(dir: &Path) -> Result<(), String> {
    let changed = erd::write_docs(schema(), dir).map_err(|e| match e.kind() {
        // Graphviz missing: nothing was generated, so nothing was written.
        std::io::ErrorKind::NotFound => format!("{e}; {} was left as it was", dir.display()),
        _ => format!("writing {}: {e}", dir.display()),
    })?;
    for path in &changed {
        println!("wrote {}", path.display());
    }
    if changed.is_empty() {
        println!("{} is up to date", dir.display());
    }
    Ok(())
}
