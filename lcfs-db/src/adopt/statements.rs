//! Our own migrations' statements that `adopt` runs again on an LCFS database: functions and
//! views (as `OR REPLACE`), materialized views with their indexes, triggers, comments and
//! grants, picked from V001 up to the version LCFS equals, so no second copy of the SQL exists.

use crate::migrate::split;
use crate::migrations;

/// The statements of the embedded migrations up to a version, by what they create.
#[derive(Debug, Default)]
pub(crate) struct Ours {
    /// `CREATE OR REPLACE FUNCTION …`, in migration order.
    pub functions: Vec<String>,
    /// `CREATE OR REPLACE VIEW …`, in migration order.
    pub views: Vec<String>,
    /// The materialized views' names, in creation order.
    pub matview_names: Vec<String>,
    /// `CREATE MATERIALIZED VIEW …` and the indexes on them, in migration order.
    pub matviews: Vec<String>,
    /// `CREATE TRIGGER …`, each with its `table.trigger` name.
    pub triggers: Vec<(String, String)>,
    /// `COMMENT ON …`.
    pub comments: Vec<String>,
    /// `GRANT …`.
    pub grants: Vec<String>,
}

/// Sorts the statements of V001..=`up_to` by what they create.
pub(crate) fn ours(up_to: i32) -> Ours {
    let mut ours = Ours::default();
    let mut index_statements = Vec::new();
    for migration in migrations().iter().filter(|m| m.version() <= up_to) {
        for statement in split(migration.up_sql()) {
            let text = statement.text;
            let words: Vec<&str> = text
                .split(|c: char| c.is_whitespace() || c == '(')
                .filter(|w| !w.is_empty())
                .take(24)
                .collect();
            let upper: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
            let at = |i: usize| upper.get(i).map_or("", String::as_str);
            let replace = if at(1) == "OR" && at(2) == "REPLACE" {
                2
            } else {
                0
            };
            match (at(0), at(1 + replace)) {
                ("CREATE", "FUNCTION") => ours.functions.push(format!(
                    "CREATE OR REPLACE FUNCTION {}",
                    after_words(text, 2 + replace)
                )),
                ("CREATE", "VIEW") => ours.views.push(format!(
                    "CREATE OR REPLACE VIEW {}",
                    after_words(text, 2 + replace)
                )),
                ("CREATE", "MATERIALIZED") => {
                    ours.matview_names.push(bare(words[3]));
                    ours.matviews.push(text.to_owned());
                }
                ("CREATE", "UNIQUE" | "INDEX") => {
                    if let Some(on) = upper.iter().position(|w| w == "ON") {
                        let mut table = on + 1;
                        if at(table) == "ONLY" {
                            table += 1;
                        }
                        index_statements.push((bare(words[table]), text.to_owned()));
                    }
                }
                ("CREATE", "TRIGGER") => {
                    if let Some(on) = upper.iter().position(|w| w == "ON") {
                        let name = format!("{}.{}", bare(words[on + 1]), bare(words[2 + replace]));
                        ours.triggers.push((name, text.to_owned()));
                    }
                }
                ("COMMENT", "ON") => ours.comments.push(text.to_owned()),
                ("GRANT", _) => ours.grants.push(text.to_owned()),
                _ => {}
            }
        }
    }
    // Dropping a materialized view drops its indexes, so those are created again after it.
    for (table, text) in index_statements {
        if ours.matview_names.contains(&table) {
            ours.matviews.push(text);
        }
    }
    ours
}

/// The statements of the versions after `after` that change who may do what (`GRANT`,
/// `REVOKE`, `ALTER DEFAULT PRIVILEGES`), each with its version: what the migrator runs after
/// an adoption, for the dry run to list.
pub(crate) fn later_access(after: i32) -> Vec<String> {
    migrations()
        .iter()
        .filter(|m| m.version() > after)
        .flat_map(|m| {
            split(m.up_sql()).into_iter().filter_map(move |statement| {
                let upper = statement.text.trim_start().to_ascii_uppercase();
                let access = upper.starts_with("GRANT ")
                    || upper.starts_with("REVOKE ")
                    || upper.starts_with("ALTER DEFAULT PRIVILEGES");
                access.then(|| format!("V{:03}: {}", m.version(), statement.text.trim_end()))
            })
        })
        .collect()
}

/// `text` after its first `count` whitespace-separated words.
fn after_words(text: &str, count: usize) -> &str {
    let mut rest = text;
    for _ in 0..count {
        rest = rest.trim_start();
        rest = &rest[rest.find(char::is_whitespace).unwrap_or(rest.len())..];
    }
    rest.trim_start()
}

/// A name as the catalog prints it: unquoted, without `public.`.
fn bare(word: &str) -> String {
    let word = word.trim_end_matches(';');
    word.strip_prefix("public.")
        .unwrap_or(word)
        .trim_matches('"')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_what_lcfs_differs_in_from_our_migrations() {
        let ours = ours(15);
        assert_eq!(ours.functions.len(), 13, "{:#?}", ours.functions);
        assert!(
            ours.functions
                .iter()
                .all(|f| f.starts_with("CREATE OR REPLACE FUNCTION "))
        );
        assert_eq!(ours.views.len(), 19);
        assert_eq!(ours.matview_names.len(), 7);
        assert_eq!(ours.matviews.len(), 7 + 9, "7 views and their 9 indexes");
        assert!(
            ours.triggers
                .iter()
                .any(|(name, _)| name == "pathway.audit_pathway_insert_update_delete")
        );
        assert_eq!(ours.grants.len(), 16);
        assert!(ours.comments.len() > 100);
    }

    #[test]
    fn lists_what_later_versions_grant_and_revoke() {
        let later = later_access(15);
        assert!(
            later
                .iter()
                .any(|s| s.starts_with("V018: GRANT SELECT ON forms ")),
            "{later:#?}"
        );
        assert!(
            later
                .iter()
                .any(|s| s.starts_with("V018: ALTER DEFAULT PRIVILEGES"))
        );
        // The one REVOKE takes EXECUTE from PUBLIC on the function V019 creates: nobody held it.
        let revokes: Vec<&String> = later.iter().filter(|s| s.contains("REVOKE")).collect();
        assert_eq!(
            revokes,
            ["V019: REVOKE EXECUTE ON FUNCTION lcfs_db.mv_truncated() FROM PUBLIC;"],
            "{later:#?}"
        );
    }
}
