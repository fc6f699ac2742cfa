//! A `CREATE INDEX CONCURRENTLY` that fails after its first phase (a lock timeout while it waits
//! for older transactions, a cancel, a duplicate key) leaves its index behind, marked invalid:
//! never used by a query, yet kept up to date by every write. `IF NOT EXISTS` would then skip it
//! on the next attempt and the version would be recorded over a useless index. So before each
//! attempt the runner drops an invalid index of that name, after a build that fails for good it drops
//! what the build left before the run returns, and after the statement it checks the index is valid.

use tokio_postgres::{Client, SimpleQueryMessage};

use super::blockers::words::{Word, words};
use super::failure::Report;
use super::session::literal;
use crate::{Error, ErrorKind};

/// The index a `CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] table` builds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConcurrentIndex {
    /// As the catalog spells it (`relname`).
    name: String,
    /// As the statement wrote it, for `to_regclass`.
    table: String,
}

impl ConcurrentIndex {
    /// The index `statement` builds concurrently, when it names one.
    pub fn built_by(statement: &str) -> Option<Self> {
        let words = words(statement);
        let mut rest = words
            .iter()
            .skip_while(|w| w.is("CREATE") || w.is("UNIQUE"));
        let (index, concurrently) = (rest.next()?, rest.next()?);
        if !words.first()?.is("CREATE") || !index.is("INDEX") || !concurrently.is("CONCURRENTLY") {
            return None;
        }
        let mut rest = rest.skip_while(|w| w.is("IF") || w.is("NOT") || w.is("EXISTS"));
        let name = rest.next().filter(|w| !w.is("ON"))?;
        let table = rest.find(|w| !w.is("ON") && !w.is("ONLY"))?;
        Some(Self {
            name: catalog_name(name),
            table: table.text.to_owned(),
        })
    }

    /// Drops the index when it exists and is invalid; the name of what was dropped.
    pub async fn drop_if_invalid(
        &self,
        client: &Client,
    ) -> Result<Option<String>, tokio_postgres::Error> {
        let Some(invalid) = self.invalid(client).await? else {
            return Ok(None);
        };
        tracing::info!(index = %invalid, "dropping the invalid index an interrupted build left");
        client
            .batch_execute(&format!("DROP INDEX CONCURRENTLY IF EXISTS {invalid}"))
            .await?;
        Ok(Some(invalid))
    }

    /// After a build that failed for good: drops the invalid index it left, and says what became
    /// of it for the failure's message (empty when it left none). The drop waits, as long as
    /// the session's lock_timeout, for the transactions that lock the table to end.
    pub async fn drop_leftover(&self, client: &Client) -> String {
        let dropped = match self.invalid(client).await {
            Ok(Some(index)) => client
                .batch_execute(&format!("DROP INDEX CONCURRENTLY IF EXISTS {index}"))
                .await
                .map(|()| index.clone())
                .map_err(|error| (index, error)),
            Ok(None) => return String::new(),
            Err(error) => Err((self.name.clone(), error)),
        };
        match dropped {
            Ok(index) => format!(" (the invalid index {index} the failed build left was dropped)"),
            Err((index, error)) => format!(
                " (the invalid index {index} the failed build left could not be dropped now: {}; \
                 it is dropped when the migration runs again, or drop it with `DROP INDEX \
                 CONCURRENTLY {index}`)",
                Error::postgres("dropping it", error)
            ),
        }
    }

    /// Fails when the index the statement was to build is there but invalid.
    pub async fn check_valid(&self, client: &Client, report: &Report<'_>) -> Result<(), Error> {
        let invalid = self
            .invalid(client)
            .await
            .map_err(|e| Error::postgres("checking the index just built", e))?;
        match invalid {
            None => Ok(()),
            Some(index) => Err(Error::new(
                ErrorKind::Migration,
                format!(
                    "migration {} built index {index}, but the server marks it invalid (another \
                     session's interrupted build of that name, seen by IF NOT EXISTS): drop it \
                     with `DROP INDEX CONCURRENTLY {index}` and run again",
                    report.file
                ),
            )
            .in_file(report.version, report.file)),
        }
    }

    /// The schema-qualified name of the index, when it exists on the table and is invalid.
    async fn invalid(&self, client: &Client) -> Result<Option<String>, tokio_postgres::Error> {
        let sql = format!(
            "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_index i \
             JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE i.indrelid = to_regclass({}) AND c.relname = {} AND NOT i.indisvalid",
            literal(&self.table),
            literal(&self.name)
        );
        let answer = client.simple_query(&sql).await?;
        Ok(answer.iter().find_map(|message| match message {
            SimpleQueryMessage::Row(row) => row.get(0).map(str::to_owned),
            _ => None,
        }))
    }
}

/// `"Mixed ""Case"""` → `Mixed "Case"`; an unquoted name folds to lower case, as the server does.
fn catalog_name(word: &Word<'_>) -> String {
    match word
        .text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
    {
        Some(quoted) => quoted.replace("\"\"", "\""),
        None => word.text.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(statement: &str) -> Option<(String, String)> {
        ConcurrentIndex::built_by(statement).map(|i| (i.name, i.table))
    }

    #[test]
    fn names_the_index_and_its_table_as_the_catalog_spells_them() {
        assert_eq!(
            built("CREATE INDEX CONCURRENTLY IF NOT EXISTS Idx_A\n ON public.transfer (x)"),
            Some(("idx_a".into(), "public.transfer".into()))
        );
        assert_eq!(
            built("create unique index concurrently \"Odd \"\"name\"\"\" on only t (x)"),
            Some(("Odd \"name\"".into(), "t".into()))
        );
    }

    #[test]
    fn other_statements_and_unnamed_indexes_are_left_alone() {
        assert_eq!(built("CREATE INDEX idx_a ON t (x)"), None);
        assert_eq!(built("CREATE INDEX CONCURRENTLY ON t (x)"), None);
        assert_eq!(built("DROP INDEX CONCURRENTLY idx_a"), None);
        assert_eq!(built("REINDEX INDEX CONCURRENTLY idx_a"), None);
    }
}
