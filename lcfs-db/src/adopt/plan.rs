//! The SQL that turns a verified LCFS database into ours at [`super::LCFS_VERSION`], step by
//! step, each with the reason a reviewer reads in `adopt --dry-run`.

use tokio_postgres::Client;

use super::access::{archive_usage, default_grants_undone, owners_and_grants};
use super::comments::lcfs_comments;
use super::constraints::added_checks;
use super::sequences::lagging;
use super::statements::ours;
use super::verify::Verification;
use super::{AdoptOptions, LCFS_VERSION};
use crate::catalog::ARCHIVE_SCHEMA;
use crate::migrate::{DEFAULT_HISTORY_TABLE, History};
use crate::{Error, migrations};

/// One step of the adoption: why, and the statements it runs.
#[derive(Debug, Clone)]
pub struct Step {
    /// What the step does and why, for the reviewer.
    pub why: String,
    /// The statements, each run as written.
    pub statements: Vec<String>,
}

/// Every step, in the order they run inside the adoption's one transaction.
pub(crate) async fn plan(
    client: &Client,
    verification: &Verification,
    options: &AdoptOptions,
) -> Result<Vec<Step>, Error> {
    let ours = ours(LCFS_VERSION);
    let mut steps = Vec::new();
    let mut archive = vec![format!("CREATE SCHEMA IF NOT EXISTS {ARCHIVE_SCHEMA}")];
    for trigger in &verification.leftover_triggers {
        let (table, name) = trigger
            .split_once('.')
            .expect("trigger names are table.name");
        archive.push(format!("DROP TRIGGER {name} ON public.{table}"));
    }
    for table in &verification.leftover_tables {
        archive.push(match table.as_str() {
            "alembic_version" if options.drop_alembic_version => {
                "DROP TABLE public.alembic_version".to_owned()
            }
            _ => format!("ALTER TABLE public.{table} SET SCHEMA {ARCHIVE_SCHEMA}"),
        });
    }
    archive.extend(archive_usage(client, &verification.leftover_tables).await?);
    steps.push(Step {
        why: format!(
            "Keep what Alembic left, rows and all, outside the compared catalog: in schema \
             {ARCHIVE_SCHEMA}, without triggers calling our functions, still readable by whoever \
             could read it{}",
            if options.drop_alembic_version {
                " (alembic_version dropped on request)"
            } else {
                ""
            }
        ),
        statements: archive,
    });
    // Last: `setval` is not undone by a rollback, so nothing may fail after it.
    let kept = verification.kept_names();
    let sequences = lagging(client, &kept).await?;
    push(
        &mut steps,
        "Clear LCFS's comments; ours are set below".to_owned(),
        lcfs_comments(client, &kept).await?,
    );
    let matview_access = owners_and_grants(client, &ours.matview_names).await?;
    push(
        &mut steps,
        "Drop the materialized views, to be created again from our definitions (docs/differences.md rows 9 and 11)".to_owned(),
        vec![format!("DROP MATERIALIZED VIEW {}", ours.matview_names.join(", "))],
    );
    push(
        &mut steps,
        "Our functions (docs/differences.md rows 3, 4, 5, 7, 8)".to_owned(),
        ours.functions,
    );
    push(
        &mut steps,
        "Our views (docs/differences.md rows 9 and 10)".to_owned(),
        ours.views,
    );
    push(
        &mut steps,
        "Our materialized views and their indexes".to_owned(),
        ours.matviews,
    );
    push(
        &mut steps,
        "The materialized views' owner and grants as they were before the drop, nothing more (a REVOKE here \
         undoes what the adopting role's default privileges gave a view just created again): nobody's access changes"
            .to_owned(),
        matview_access,
    );
    let present: Vec<String> = client
        .query(
            "SELECT c.relname || '.' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid \
             WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal",
            &[],
        )
        .await
        .map_err(|e| Error::postgres("reading the triggers", e))?
        .iter()
        .map(|row| row.get(0))
        .collect();
    push(
        &mut steps,
        "The triggers LCFS lacks: audit triggers on the CI-application tables (docs/differences.md row 2)".to_owned(),
        ours.triggers
            .into_iter()
            .filter(|(name, _)| !present.contains(name))
            .map(|(_, text)| text)
            .collect(),
    );
    push(
        &mut steps,
        "The check constraints LCFS lacks, validated against every row (docs/differences.md row 1)"
            .to_owned(),
        added_checks(client).await?,
    );
    push(&mut steps, "Our comments".to_owned(), ours.comments);
    push(
        &mut steps,
        "Our grants (the 16 that every LCFS database has; V018 gives the rest of production's)"
            .to_owned(),
        ours.grants,
    );
    let history = History::new(DEFAULT_HISTORY_TABLE)?;
    let mut recorded = vec![history.create_sql()];
    recorded.extend(default_grants_undone(client, history.table()).await?);
    recorded.extend(
        migrations()
            .iter()
            .filter(|m| m.version() <= LCFS_VERSION)
            .map(|m| history.insert_sql(m)),
    );
    push(
        &mut steps,
        format!(
            "Record V001–V{LCFS_VERSION:03} as applied, with the checksums upgrade writes (the history \
             readable by nobody else, whatever the adopting role's default privileges say)"
        ),
        recorded,
    );
    push(
        &mut steps,
        "Move sequences that lag behind their table's highest id past it (their next value would be a duplicate key)".to_owned(),
        sequences,
    );
    Ok(steps)
}

fn push(steps: &mut Vec<Step>, why: String, statements: Vec<String>) {
    if !statements.is_empty() {
        steps.push(Step { why, statements });
    }
}
