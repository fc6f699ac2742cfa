//! `lcfs-db adopt` on an LCFS database as Alembic leaves it (built here from our V015 with the
//! differences reversed, `tests/adopt/`): every row kept, `check` clean, `upgrade` a no-op, the
//! stairway still walks; and each refusal leaves the database as it was.

mod common;

use common::cli::{catalog, lcfs_db, ok, stderr, stdout};
use common::probe::column;
use lcfs_db::Migrator;
use lcfs_db::adopt::{AdoptOptions, LCFS_VERSION};
use lcfs_db::testing::TestDatabase;

/// An LCFS database at Alembic revision b8f9c0d1e2a3 with the dev seed and a few thousand rows.
async fn lcfs_database() -> TestDatabase {
    let db = TestDatabase::empty().await.unwrap();
    Migrator::new().target(LCFS_VERSION).run(&db).await.unwrap();
    let seeds = common::cli::checkout().join("seeds/dev");
    let mut files: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let sql = std::fs::read_to_string(&file).unwrap();
        db.batch_execute(&sql)
            .await
            .unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
    }
    for (name, sql) in [
        (
            "lcfs_at_b8f9c0d1e2a3.sql",
            include_str!("adopt/lcfs_at_b8f9c0d1e2a3.sql"),
        ),
        ("data.sql", include_str!("adopt/data.sql")),
    ] {
        db.batch_execute(sql)
            .await
            .unwrap_or_else(|e| panic!("tests/adopt/{name}: {e:?}"));
    }
    db
}

/// Rows of every table, by bare name (a table moved to another schema keeps its place), the
/// lcfs-db history left out.
async fn row_counts(db: &TestDatabase) -> Vec<(String, i64)> {
    let tables: Vec<String> = column(
        db,
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c \
         JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE c.relkind = 'r' AND n.nspname IN ('public', 'alembic_archive') \
         AND c.relname NOT LIKE '%schema_history' ORDER BY c.relname",
    )
    .await;
    let mut counts = Vec::new();
    for table in tables {
        let count: i64 = db
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .await
            .unwrap()
            .get(0);
        let bare = table.rsplit('.').next().unwrap().to_owned();
        counts.push((bare, count));
    }
    counts
}

/// Whether the lcfs-db history records any version.
async fn is_managed(db: &TestDatabase) -> bool {
    let exists: bool = db
        .query_one(
            "SELECT to_regclass('refinery_schema_history') IS NOT NULL",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    exists && column::<i64>(db, "SELECT count(*) FROM refinery_schema_history").await[0] > 0
}

#[lcfs_db::test(empty)]
async fn an_alembic_built_lcfs_database_is_adopted_without_losing_a_row(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    let before = row_counts(&db).await;
    let total: i64 = before.iter().map(|(_, n)| n).sum();
    let audit = before.iter().find(|(t, _)| t == "audit_log").unwrap().1;
    assert!(
        total > 5000 && audit > 1274,
        "a few thousand rows: {before:?}"
    );

    // An operator's first try: upgrade fails on the existing types and leaves an empty history.
    let upgrade = lcfs_db(db.url(), &["upgrade"]);
    assert!(!upgrade.status.success(), "{}", stdout(&upgrade));
    let dry = stdout(&ok(lcfs_db(db.url(), &["adopt", "--dry-run"])));
    for expected in [
        "-- verified: LCFS at Alembic revision b8f9c0d1e2a3",
        "-- tolerated: alembic_version, charging_equipment_snapshot_c7e4d9a1b2f6",
        "BEGIN;\nSET LOCAL search_path = public; SET LOCAL lock_timeout = '10s';",
        "ALTER TABLE public.alembic_version SET SCHEMA alembic_archive;",
        "REVOKE SELECT ON TABLE public.organization FROM basic_lcfs_reporting_role;",
        "SELECT setval('fuel_type_fuel_type_id_seq', (SELECT max(fuel_type_id) FROM fuel_type));",
        "COMMENT ON COLUMN organization.name IS NULL;",
        "CREATE OR REPLACE FUNCTION audit_trigger_func()",
        "CREATE TRIGGER audit_pathway_insert_update_delete",
        "ALTER TABLE compliance_report_charging_equipment ADD CONSTRAINT \
         ck_compliance_report_charging_equipment_check_supply_date_order CHECK",
        "INSERT INTO refinery_schema_history",
        "COMMIT;",
    ] {
        assert!(
            dry.contains(expected),
            "{expected:?} not in the dry run:\n{dry}"
        );
    }
    assert!(!is_managed(&db).await, "a dry run changes nothing");
    assert_eq!(row_counts(&db).await, before);

    let adopted = stdout(&ok(lcfs_db(db.url(), &["adopt"])));
    assert!(
        adopted.contains("alembic_version kept as alembic_archive.alembic_version")
            && adopted.contains("check: the database matches the migrations at head"),
        "{adopted}"
    );
    assert_eq!(row_counts(&db).await, before, "every row is kept");
    let check = ok(lcfs_db(db.url(), &["check"]));
    assert!(stdout(&check).contains("matches"), "{}", stdout(&check));
    let upgrade = stdout(&ok(lcfs_db(db.url(), &["upgrade"])));
    assert!(upgrade.contains("(0 migrations applied)"), "{upgrade}");
    let lagging: Vec<bool> = column(
        &db,
        "SELECT nextval('fuel_type_fuel_type_id_seq') > (SELECT max(fuel_type_id) FROM fuel_type)",
    )
    .await;
    assert_eq!(lagging, [true], "the sequence moved past the highest id");
    // The CI tables are audited now.
    db.batch_execute("UPDATE ci_application_status SET status = status")
        .await
        .unwrap();
    let audited: Vec<i64> = column(
        &db,
        "SELECT count(*) FROM audit_log WHERE table_name = 'ci_application_status'",
    )
    .await;
    assert!(audited[0] > 0);

    // The stairway: each version down and up again, then down to V001 and back to head.
    // (Base is out of reach here: the archived snapshot table's enum columns use V001's types,
    // and a downgrade never drops archived rows.)
    let head = Migrator::new().head();
    for version in (2..=head).rev() {
        Migrator::new()
            .downgrade(&db, version - 1)
            .await
            .unwrap_or_else(|e| panic!("down from {version}: {e}"));
        Migrator::new()
            .target(version)
            .run(&db)
            .await
            .unwrap_or_else(|e| panic!("up to {version}: {e}"));
        Migrator::new().downgrade(&db, version - 1).await.unwrap();
    }
    Migrator::new().run(&db).await.unwrap();
    let drift = lcfs_db::check(&db).await.unwrap();
    assert!(drift.is_empty(), "after the stairway:\n{drift}");
}

/// Runs adopt, expecting a refusal that contains every one of `expected`, and nothing changed.
async fn refused(db: &TestDatabase, expected: &[&str]) {
    let (catalog_before, rows_before) = (catalog(db.url()).await, row_counts(db).await);
    let output = lcfs_db(db.url(), &["adopt"]);
    assert!(
        !output.status.success(),
        "adopt succeeded:\n{}",
        stdout(&output)
    );
    let err = stderr(&output);
    for text in expected {
        assert!(err.contains(text), "{text:?} not in the refusal:\n{err}");
    }
    assert!(err.contains("nothing was changed"), "{err}");
    assert_eq!(
        catalog(db.url()).await,
        catalog_before,
        "the catalog is untouched"
    );
    assert_eq!(row_counts(db).await, rows_before, "the rows are untouched");
}

#[lcfs_db::test]
async fn adopt_refuses_a_database_lcfs_db_already_manages(db: TestDatabase) {
    refused(
        &db,
        &[
            "already manages",
            &format!(
                "refinery_schema_history records {} versions",
                lcfs_db::migrations().len()
            ),
        ],
    )
    .await;
}

#[lcfs_db::test(empty)]
async fn adopt_refuses_an_empty_database(db: TestDatabase) {
    refused(&db, &["empty", "lcfs-db upgrade"]).await;
}

#[lcfs_db::test(empty)]
async fn adopt_refuses_another_alembic_revision(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    db.batch_execute("UPDATE alembic_version SET version_num = 'a1b2c3d4e5f6'")
        .await
        .unwrap();
    refused(&db, &["a1b2c3d4e5f6", "b8f9c0d1e2a3", "alembic upgrade"]).await;
    db.batch_execute("DROP TABLE alembic_version")
        .await
        .unwrap();
    refused(&db, &["no alembic_version table"]).await;
}

#[lcfs_db::test(empty)]
async fn adopt_refuses_a_drifted_database_and_lists_the_drift(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    db.batch_execute(
        "ALTER TABLE organization ADD COLUMN x int; DROP INDEX idx_audit_log_operation;",
    )
    .await
    .unwrap();
    refused(
        &db,
        &[
            "differs from LCFS at b8f9c0d1e2a3",
            "unexpected  organization.x",
            "missing     idx_audit_log_operation",
        ],
    )
    .await;
}

#[lcfs_db::test(empty)]
async fn adopt_lists_rows_that_violate_the_check_it_adds(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    db.batch_execute(
        "UPDATE compliance_report_charging_equipment \
         SET supply_to_date = supply_from_date - interval '1 day' \
         WHERE charging_equipment_compliance_id = 1002",
    )
    .await
    .unwrap();
    refused(
        &db,
        &[
            "1 rows of compliance_report_charging_equipment violate \
             ck_compliance_report_charging_equipment_check_supply_date_order",
            "charging_equipment_compliance_id = 1002",
        ],
    )
    .await;
}

/// An adoption whose future is dropped (an application's timeout) ends its transaction: the
/// session goes on outside it, and the database is as it was.
#[lcfs_db::test(empty)]
async fn a_cancelled_adoption_rolls_back(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    let before = row_counts(&db).await;
    let blocker = db.connect().await.unwrap();
    blocker
        .batch_execute("BEGIN; LOCK TABLE organization IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap();
    let client = db.connect().await.unwrap();
    let adoption = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        lcfs_db::adopt(&client, AdoptOptions::default()),
    )
    .await;
    assert!(
        adoption.is_err(),
        "the adoption was waiting for organization"
    );

    blocker.batch_execute("ROLLBACK").await.unwrap();
    // One simple-protocol statement outside a transaction is a transaction of its own: it
    // began when the statement did.
    let answer = client
        .simple_query("SELECT now() < statement_timestamp()")
        .await
        .unwrap();
    let in_adoption = answer.iter().any(|message| {
        matches!(message, tokio_postgres::SimpleQueryMessage::Row(row) if row.get(0) == Some("t"))
    });
    assert!(!in_adoption, "the adoption's transaction ended");
    assert!(!is_managed(&db).await);
    assert_eq!(row_counts(&db).await, before);
}

/// A role of the test's own: roles belong to the server, which other tests share.
fn dba_role() -> String {
    format!("dba_reader_{}", std::process::id())
}

/// Adds what `tests/adopt/dba_additions.sql` holds, with `role` as the DBA's role.
async fn add_what_a_dba_adds(db: &TestDatabase, role: &str) {
    let sql = include_str!("adopt/dba_additions.sql").replace("{role}", role);
    db.batch_execute(&sql)
        .await
        .unwrap_or_else(|e| panic!("tests/adopt/dba_additions.sql: {e:?}"));
}

/// What `check` and `adopt` list as the DBA's additions, `kind name` as the acknowledgement file
/// takes them.
fn dba_additions(role: &str) -> Vec<String> {
    [
        "extension pg_stat_statements".to_owned(),
        format!("role {role}"),
        "table dba_audit".to_owned(),
        "index ix_dba_transfer_create".to_owned(),
        "function dba_transfer_count()".to_owned(),
        "view dba_transfer_dates".to_owned(),
        format!("grant table organization to {role}"),
        format!("grant table transfer to {role}"),
    ]
    .into()
}

/// Runs `check` with `args`, answering its exit code and stdout.
fn check(db: &TestDatabase, args: &[&str]) -> (Option<i32>, String) {
    let output = lcfs_db(db.url(), &[&["check"], args].concat());
    (output.status.code(), stdout(&output))
}

#[lcfs_db::test(empty)]
async fn what_a_dba_added_is_kept_through_adopt_and_listed_apart_from_drift(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    let role = dba_role();
    add_what_a_dba_adds(&db, &role).await;
    let before = row_counts(&db).await;

    let dry = stdout(&ok(lcfs_db(db.url(), &["adopt", "--dry-run"])));
    let kept = dry
        .lines()
        .find(|line| line.starts_with("-- kept, not managed by lcfs-db: "))
        .unwrap_or_else(|| panic!("no kept line in the dry run:\n{dry}"));
    for addition in dba_additions(&role) {
        assert!(kept.contains(&addition), "{addition:?} not kept: {kept}");
    }
    for untouched in [
        "dba_audit",
        "ix_dba_",
        "dba_transfer_",
        "pg_stat_statements",
    ] {
        let touched = dry.lines().filter(|l| !l.starts_with("--"));
        assert!(
            touched.clone().all(|l| !l.contains(untouched)),
            "the adoption's SQL touches {untouched}:\n{dry}"
        );
    }

    let adopted = stdout(&ok(lcfs_db(db.url(), &["adopt"])));
    assert!(
        adopted.contains("kept, not managed by lcfs-db: ")
            && adopted.contains("check: the database matches the migrations at head")
            && adopted.contains("check: 8 unmanaged additions kept beside it, not drift"),
        "{adopted}"
    );
    assert_eq!(row_counts(&db).await, before, "every row is kept");
    let still: Vec<bool> = column(
        &db,
        &format!(
            "SELECT to_regclass('ix_dba_transfer_create') IS NOT NULL
             UNION ALL SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_stat_statements')
             UNION ALL SELECT has_table_privilege('{role}', 'transfer', 'SELECT')
             UNION ALL SELECT has_table_privilege('{role}', 'dba_audit', 'INSERT')
             UNION ALL SELECT obj_description('dba_audit'::regclass, 'pg_class') = 'Notes kept by the DBA'
             UNION ALL SELECT (SELECT count(*) FROM dba_audit) = 1
             UNION ALL SELECT dba_transfer_count() = (SELECT count(*) FROM dba_transfer_dates)"
        ),
    )
    .await;
    assert_eq!(still, [true; 7], "each addition is kept as it was");

    // check: the additions apart, exit 0; --strict counts them; the file acknowledges them.
    let (code, out) = check(&db, &[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.starts_with(
            "the database matches the migrations at head\nunmanaged additions (8, not drift)"
        ),
        "{out}"
    );
    for addition in dba_additions(&role) {
        let (_kind, name) = addition.split_once(' ').unwrap();
        assert!(
            out.contains(&format!("  added       {name}")),
            "{addition:?} in:\n{out}"
        );
    }
    let (code, out) = check(&db, &["--strict"]);
    assert_eq!(code, Some(1), "--strict counts additions as drift:\n{out}");
    let file = tempfile::NamedTempFile::new().unwrap();
    let mut lines = dba_additions(&role);
    lines.insert(0, "# kept by the DBA".to_owned());
    std::fs::write(file.path(), lines.join("\n")).unwrap();
    let acknowledged = file.path().to_str().unwrap();
    let (code, out) = check(&db, &["--strict", "--acknowledged", acknowledged]);
    assert_eq!(code, Some(0), "every addition acknowledged:\n{out}");
    assert!(out.contains("(8, all acknowledged)"), "{out}");
    std::fs::write(file.path(), lines[..lines.len() - 1].join("\n")).unwrap();
    let (code, out) = check(&db, &["--strict", "--acknowledged", acknowledged]);
    assert_eq!(code, Some(1), "one addition left unacknowledged:\n{out}");
    std::fs::write(file.path(), "indexes ix_dba_transfer_create\n").unwrap();
    let output = lcfs_db(db.url(), &["check", "--acknowledged", acknowledged]);
    assert_eq!(output.status.code(), Some(2), "a bad line is an error");
    assert!(stderr(&output).contains("line 1: `indexes ix_dba_transfer_create`"));

    // A change to what the migrations define is drift, additions or not; so is a revoked grant.
    db.batch_execute(
        "ALTER TABLE organization ADD COLUMN dba_note text; \
         REVOKE SELECT ON v_fse_reporting_base FROM basic_lcfs_reporting_role",
    )
    .await
    .unwrap();
    let (code, out) = check(&db, &["--format", "json"]);
    assert_eq!(code, Some(1), "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let class = |name: &str| {
        json["differences"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["name"] == name)
            .map(|d| d["class"].as_str().unwrap().to_owned())
    };
    assert_eq!(class("organization.dba_note").as_deref(), Some("drift"));
    assert_eq!(
        class("view v_fse_reporting_base to basic_lcfs_reporting_role").as_deref(),
        Some("drift")
    );
    assert_eq!(class("ix_dba_transfer_create").as_deref(), Some("addition"));
    assert_eq!(json["equal"], false);

    db.batch_execute(&format!(
        "DROP VIEW dba_transfer_dates; DROP OWNED BY {role}; DROP ROLE {role}"
    ))
    .await
    .unwrap();
}

#[lcfs_db::test(empty)]
async fn adopt_refuses_an_addition_a_later_version_would_collide_with(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    // V016 creates an index of this name on transfer(to_transaction_id); V017 creates lcfs_db.
    db.batch_execute(
        "CREATE INDEX idx_transfer_to_transaction_id ON transfer (create_date); \
         CREATE SCHEMA lcfs_db",
    )
    .await
    .unwrap();
    refused(
        &db,
        &[
            "index idx_transfer_to_transaction_id: V016 creates index \
             idx_transfer_to_transaction_id under that name",
            "schema lcfs_db: V017 creates schema lcfs_db under that name",
            "Rename or drop them",
        ],
    )
    .await;

    // The very index V016 builds is no collision: its IF NOT EXISTS keeps it.
    db.batch_execute(
        "DROP SCHEMA lcfs_db; DROP INDEX idx_transfer_to_transaction_id; \
         CREATE INDEX idx_transfer_to_transaction_id ON transfer (to_transaction_id)",
    )
    .await
    .unwrap();
    let adopted = stdout(&ok(lcfs_db(db.url(), &["adopt"])));
    assert!(adopted.contains("check: the database matches"), "{adopted}");
}

#[lcfs_db::test(empty)]
async fn upgrade_refuses_before_anything_when_a_pending_version_takes_a_dba_name(db: TestDatabase) {
    Migrator::new().target(LCFS_VERSION).run(&db).await.unwrap();
    db.batch_execute(
        "CREATE INDEX idx_transfer_to_transaction_id ON transfer (create_date); \
         CREATE FUNCTION mv_refresh_if_needed_stub() RETURNS int LANGUAGE sql AS 'SELECT 1'; \
         CREATE SCHEMA lcfs_db",
    )
    .await
    .unwrap();
    let before = catalog(db.url()).await;
    let upgrade = lcfs_db(db.url(), &["upgrade"]);
    let err = stderr(&upgrade);
    assert!(!upgrade.status.success(), "{}", stdout(&upgrade));
    for expected in [
        "V016 creates index idx_transfer_to_transaction_id, and the database already holds \
         index under that name",
        "V017 creates schema lcfs_db, and the database already holds schema under that name",
        "nothing was applied",
    ] {
        assert!(err.contains(expected), "{expected:?} not in:\n{err}");
    }
    assert_eq!(catalog(db.url()).await, before, "nothing was changed");
    let status = Migrator::new().status(&db).await.unwrap();
    assert_eq!(status.current, LCFS_VERSION);

    db.batch_execute("DROP SCHEMA lcfs_db; DROP INDEX idx_transfer_to_transaction_id")
        .await
        .unwrap();
    ok(lcfs_db(db.url(), &["upgrade"]));
    let drift = lcfs_db::check(&db).await.unwrap();
    assert!(drift.is_empty(), "{drift}");
    let names: Vec<&str> = drift.additions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["mv_refresh_if_needed_stub()"]);
}
