//! The SQL that turns a verified LCFS database into ours at [`super::LCFS_VERSION`], step by
//! step, each with the reason a reviewer reads in `adopt --dry-run`.

use tokio_postgres::Client;

use super::constraints::added_checks;
use super::sequences::lagging;
use super::statements::ours;
use super::verify::{REPORTING_ROLE, Verification};
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
    steps.push(Step {
        why: format!(
            "Keep what Alembic left, rows and all, outside the compared catalog: in schema \
             {ARCHIVE_SCHEMA}, without triggers calling our functions{}",
            if options.drop_alembic_version {
                " (alembic_version dropped on request)"
            } else {
                ""
            }
        ),
        statements: archive,
    });
    push(
        &mut steps,
        format!(
            "Revoke the SELECT grants on tables that default privileges gave {REPORTING_ROLE}: the role reads views only"
        ),
        verification
            .default_grants
            .iter()
            .map(|table| format!("REVOKE SELECT ON TABLE public.{table} FROM {REPORTING_ROLE}"))
            .collect(),
    );
    push(
        &mut steps,
        "Move sequences that lag behind their table's highest id past it (their next value would be a duplicate key)".to_owned(),
        lagging(client).await?,
    );
    push(
        &mut steps,
        "Clear LCFS's comments; ours are set below".to_owned(),
        lcfs_comments(client).await?,
    );
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
        "Our grants (the same 16 as LCFS's)".to_owned(),
        ours.grants,
    );
    let history = History::new(DEFAULT_HISTORY_TABLE)?;
    let mut recorded = vec![history.create_sql()];
    recorded.extend(
        migrations()
            .iter()
            .filter(|m| m.version() <= LCFS_VERSION)
            .map(|m| history.insert_sql(m)),
    );
    push(
        &mut steps,
        format!("Record V001–V{LCFS_VERSION:03} as applied, with the checksums upgrade writes"),
        recorded,
    );
    Ok(steps)
}

fn push(steps: &mut Vec<Step>, why: String, statements: Vec<String>) {
    if !statements.is_empty() {
        steps.push(Step { why, statements });
    }
}

/// `COMMENT ON … IS NULL` for every comment in schema public but on the leftover tables.
async fn lcfs_comments(client: &Client) -> Result<Vec<String>, Error> {
    let sql = "SELECT s FROM (
        SELECT format('COMMENT ON %s %s IS NULL', CASE c.relkind WHEN 'v' THEN 'VIEW'
                 WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'i' THEN 'INDEX'
                 ELSE 'TABLE' END, c.oid::regclass) AS s
        FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass
             AND d.objoid = c.oid AND d.objsubid = 0
        WHERE c.relnamespace = 'public'::regnamespace AND c.relname <> 'alembic_version'
          AND c.relname NOT LIKE 'charging\\_equipment\\_snapshot\\_%'
        UNION ALL
        SELECT format('COMMENT ON COLUMN %s.%I IS NULL', c.oid::regclass, a.attname)
        FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
        WHERE d.objsubid > 0 AND c.relnamespace = 'public'::regnamespace
          AND c.relname <> 'alembic_version' AND c.relname NOT LIKE 'charging\\_equipment\\_snapshot\\_%'
        UNION ALL
        SELECT format('COMMENT ON CONSTRAINT %I ON %s IS NULL', con.conname, con.conrelid::regclass)
        FROM pg_description d JOIN pg_constraint con ON d.classoid = 'pg_constraint'::regclass
             AND d.objoid = con.oid
        WHERE con.connamespace = 'public'::regnamespace AND con.conrelid <> 0
        UNION ALL
        SELECT format('COMMENT ON TRIGGER %I ON %s IS NULL', t.tgname, t.tgrelid::regclass)
        FROM pg_description d JOIN pg_trigger t ON d.classoid = 'pg_trigger'::regclass AND d.objoid = t.oid
        JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'public'::regnamespace
        UNION ALL
        SELECT format('COMMENT ON FUNCTION %s IS NULL', p.oid::regprocedure)
        FROM pg_description d JOIN pg_proc p ON d.classoid = 'pg_proc'::regclass AND d.objoid = p.oid
        WHERE p.pronamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass
                          AND e.objid = p.oid AND e.deptype = 'e')
        UNION ALL
        SELECT format('COMMENT ON TYPE %s IS NULL', t.oid::regtype)
        FROM pg_description d JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid
        WHERE t.typnamespace = 'public'::regnamespace
      ) comments ORDER BY s";
    Ok(client
        .query(sql, &[])
        .await
        .map_err(|e| Error::postgres("reading LCFS's comments", e))?
        .iter()
        .map(|row| row.get(0))
        .collect())
}
