//! Grouping tables into pages, one per domain, in migration order.

use crate::schema::{EnumType, Schema, Table};

/// The domains in migration order, with the titles their pages carry.
const DOMAINS: &[(&str, &str)] = &[
    ("organizations_and_users", "Organizations and users"),
    (
        "fuels_and_regulatory_reference",
        "Fuels and regulatory reference data",
    ),
    ("credit_ledger_and_transfers", "Transactions and transfers"),
    (
        "adjustments_and_initiative_agreements",
        "Adjustments and initiative agreements",
    ),
    ("compliance_reports_and_schedules", "Compliance reports"),
    ("charging_infrastructure", "Charging infrastructure"),
    ("ci_applications", "CI applications"),
    ("notifications", "Notifications"),
    (
        "comments_documents_and_tasks",
        "Documents, comments and tasks",
    ),
    ("audit", "Audit"),
];

/// One domain's diagram: its tables, and the tables of other domains they reference.
#[derive(Debug)]
pub struct Page {
    /// The migration that created the page's tables, e.g. `organizations_and_users`.
    pub domain: &'static str,
    /// The page's heading, e.g. `Organizations and users`.
    pub title: String,
    /// The domain's own tables, drawn in full.
    pub tables: Vec<&'static Table>,
    /// Referenced from this page but defined in another domain: drawn by name only.
    pub external: Vec<&'static Table>,
}

impl Page {
    /// The enum types this page's tables use, in schema order.
    pub fn enums(&self, schema: &Schema) -> Vec<&'static EnumType> {
        schema
            .enums
            .iter()
            .filter(|e| {
                self.tables.iter().any(|t| {
                    t.columns
                        .iter()
                        .any(|c| c.sql_type.trim_end_matches("[]") == e.name)
                })
            })
            .collect()
    }

    /// Whether `table` is one of the page's own tables.
    pub fn contains(&self, table: &str) -> bool {
        self.tables.iter().any(|t| t.name == table)
    }
}

/// The readable title of a domain; one not listed above is spelled out from its name.
pub fn domain_title(domain: &str) -> String {
    match DOMAINS.iter().find(|(name, _)| *name == domain) {
        Some((_, title)) => (*title).to_owned(),
        None => {
            let spaced = domain.replace('_', " ");
            let mut chars = spaced.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// Every domain that has tables, listed domains first in migration order, then any others.
pub fn pages(schema: &Schema) -> Vec<Page> {
    let mut domains: Vec<&'static str> = Vec::new();
    for table in schema.tables {
        if !domains.contains(&table.domain) {
            domains.push(table.domain);
        }
    }
    let rank = |d: &str| {
        DOMAINS
            .iter()
            .position(|(name, _)| *name == d)
            .unwrap_or(usize::MAX)
    };
    domains.sort_by_key(|d| rank(d));
    domains.into_iter().map(|d| page(schema, d)).collect()
}

fn page(schema: &Schema, domain: &'static str) -> Page {
    let tables: Vec<&'static Table> = schema
        .tables
        .iter()
        .filter(|t| t.domain == domain)
        .collect();
    let mut external: Vec<&'static Table> = Vec::new();
    for fk in tables.iter().flat_map(|t| t.foreign_keys) {
        if let Some(target) = schema.table(fk.ref_table)
            && target.domain != domain
            && !external.iter().any(|t| t.name == target.name)
        {
            external.push(target);
        }
    }
    external.sort_by_key(|t| t.name);
    Page {
        domain,
        title: domain_title(domain),
        tables,
        external,
    }
}
