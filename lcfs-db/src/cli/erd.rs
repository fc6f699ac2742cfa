//! `erd` and `docs`: diagrams and schema docs from the schema model built into the binary.

use std::path::Path;

use lcfs_db::erd::{self, Format};
use lcfs_db::schema::schema;

use super::ErdFormat;
use super::output::{out, outln};

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
    out!("{text}");
    Ok(())
}

pub fn write(dir: &Path) -> Result<(), String> {
    let changed =
        erd::write_docs(schema(), dir).map_err(|e| format!("writing {}: {e}", dir.display()))?;
    for path in &changed {
        outln!("wrote {}", path.display());
    }
    if changed.is_empty() {
        outln!("{} is up to date", dir.display());
    }
    Ok(())
}
