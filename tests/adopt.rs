//! `lcfs-db adopt` on the two shapes of LCFS database Alembic leaves (built here from our V015
//! with the differences reversed, `tests/adopt/`): the first on its server, as production is,
//! whose reporting role reads what LCFS's default privileges gave it, and a second one. Every
//! row kept, nobody's access changed, `check` clean, `upgrade` a no-op, the stairway still
//! walks; each refusal leaves the database as it was; a blocked adoption names the blocker.

mod common;

use std::collections::BTreeSet;

use common::alembic::{self, Branch};
use common::cli::{catalog, lcfs_db, ok, stderr, stdout};
use common::probe::column;
use lcfs_db::Migrator;
use lcfs_db::adopt::{AdoptOptions, LCFS_VERSION};
use lcfs_db::testing::TestDatabase;

/// Credit transactions in the tests' ledger: a few thousand rows, with what they bring.
const LEDGER_ROWS: u32 = 3000;

/// An LCFS database at Alembic revision b8f9c0d1e2a3 with the dev seed and a ledger of
/// [`LEDGER_ROWS`] credit transactions written through LCFS's triggers.
async fn lcfs_database(branch: Branch) -> TestDatabase {
    alembic::lcfs_database(branch, LEDGER_ROWS).await
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

/// The relations of public and the archive that the reporting role reads, by bare name: each
/// one tried as that role.
async fn read_by_reporting_role(db: &TestDatabase) -> BTreeSet<String> {
    let client = db.connect().await.unwrap();
    let relations: Vec<String> = column(
        &client,
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c \
         JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname IN ('public', 'alembic_archive') \
         ORDER BY 1",
    )
    .await;
    client
        .batch_execute("SET ROLE basic_lcfs_reporting_role")
        .await
        .unwrap();
    let mut read = BTreeSet::new();
    for relation in relations {
        let sql = format!("SELECT FROM {relation} LIMIT 0");
        match client.batch_execute(&sql).await {
            Ok(()) => {
                read.insert(relation.rsplit('.').next().unwrap().to_owned());
            }
            Err(e) => assert_eq!(
                e.code(),
                Some(&tokio_postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
                "{sql}: {e:?}"
            ),
        }
    }
    read
}

/// The default privileges in public, as `pg_default_acl` holds them.
async fn default_privileges(db: &TestDatabase) -> Vec<String> {
    column(
        db,
        "SELECT d.defaclobjtype::text || ' ' || d.defaclacl::text FROM pg_default_acl d \
         WHERE d.defaclnamespace = 'public'::regnamespace ORDER BY 1",
    )
    .await
}

/// What the reporting role reads in public on a database `lcfs-db upgrade` built.
async fn read_at_head() -> BTreeSet<String> {
    let fresh = TestDatabase::new().await.unwrap();
    read_by_reporting_role(&fresh).await
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

/// What every adopted database must be: rows as before, `check` clean, `upgrade` a no-op,
/// the history at head, the audit of the CI tables on, and the stairway down and up.
async fn adopted_database_holds(db: &TestDatabase, rows_before: &[(String, i64)]) {
    assert_eq!(row_counts(db).await, rows_before, "every row is kept");
    let check = ok(lcfs_db(db.url(), &["check"]));
    assert!(stdout(&check).contains("matches"), "{}", stdout(&check));
    let upgrade = stdout(&ok(lcfs_db(db.url(), &["upgrade"])));
    assert!(upgrade.contains("(0 migrations applied)"), "{upgrade}");
    let head = Migrator::new().head();
    let versions: Vec<i32> =
        column(db, "SELECT version FROM refinery_schema_history ORDER BY 1").await;
    assert_eq!(
        versions,
        (1..=head).collect::<Vec<_>>(),
        "the history at head"
    );
    let lagging: Vec<bool> = column(
        db,
        "SELECT nextval('fuel_type_fuel_type_id_seq') > (SELECT max(fuel_type_id) FROM fuel_type)",
    )
    .await;
    assert_eq!(lagging, [true], "the sequence moved past the highest id");
    // The CI tables are audited now.
    db.batch_execute("UPDATE ci_application_status SET status = status")
        .await
        .unwrap();
    let audited: Vec<i64> = column(
        db,
        "SELECT count(*) FROM audit_log WHERE table_name = 'ci_application_status'",
    )
    .await;
    assert!(audited[0] > 0);

    // The stairway: each version down and up again, then down to V001 and back to head.
    // (Base is out of reach here: the archived snapshot table's enum columns use V001's types,
    // and a downgrade never drops archived rows.)
    for version in (2..=head).rev() {
        Migrator::new()
            .downgrade(db, version - 1)
            .await
            .unwrap_or_else(|e| panic!("down from {version}: {e}"));
        Migrator::new()
            .target(version)
            .run(db)
            .await
            .unwrap_or_else(|e| panic!("up to {version}: {e}"));
        Migrator::new().downgrade(db, version - 1).await.unwrap();
    }
    Migrator::new().run(db).await.unwrap();
    let drift = lcfs_db::check(db).await.unwrap();
    assert!(drift.is_empty(), "after the stairway:\n{drift}");
}

/// Production's shape: adopt keeps every grant and the default privileges, lists each GRANT it
/// runs and no REVOKE, and the reporting role reads exactly what it read before.
#[lcfs_db::test(empty)]
async fn a_first_on_its_server_database_is_adopted_with_its_reporting_access(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database(Branch::FirstOnItsServer).await;
    let before = row_counts(&db).await;
    let total: i64 = before.iter().map(|(_, n)| n).sum();
    let ledger = before.iter().find(|(t, _)| t == "transaction").unwrap().1;
    assert!(
        total > 10_000 && ledger > i64::from(LEDGER_ROWS),
        "a few thousand rows: {before:?}"
    );
    let read_before = read_by_reporting_role(&db).await;
    assert_eq!(read_before.len(), 16 + 34, "{read_before:?}");
    let defaults_before = default_privileges(&db).await;
    assert_eq!(defaults_before.len(), 1, "LCFS's default-ACL row");

    let dry = stdout(&ok(lcfs_db(db.url(), &["adopt", "--dry-run"])));
    for expected in [
        "-- tolerated: 34 grants a first LCFS database on its server gives basic_lcfs_reporting_role (kept",
        "SET LOCAL lock_timeout = '5000ms'; SET LOCAL statement_timeout = '300000ms';",
        "ALTER TABLE public.charging_equipment_snapshot_c7e4d9a1b2f6 SET SCHEMA alembic_archive;",
        "GRANT USAGE ON SCHEMA alembic_archive TO basic_lcfs_reporting_role;",
        "DROP MATERIALIZED VIEW",
        "GRANT SELECT ON mv_credit_ledger TO basic_lcfs_reporting_role;",
        "GRANT SELECT ON mv_director_review_transaction_count TO basic_lcfs_reporting_role;",
        "GRANT SELECT ON mv_transaction_aggregate TO basic_lcfs_reporting_role;",
        "GRANT SELECT ON vw_fse_base TO basic_lcfs_reporting_role;",
        "--   V018: GRANT SELECT ON forms TO basic_lcfs_reporting_role;",
        "--   V018: ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO basic_lcfs_reporting_role;",
    ] {
        assert!(
            dry.contains(expected),
            "{expected:?} not in the dry run:\n{dry}"
        );
    }
    // The only REVOKEs undo what the adopting role's default privileges (the fixture's, as
    // `lcfs`'s in production) give the four materialized views adopt creates again and the
    // role did not read, and the history table it creates: nothing that existed is revoked.
    let revokes: Vec<&str> = dry
        .lines()
        .filter(|l| l.contains("REVOKE") && !l.starts_with("--"))
        .collect();
    let undone: Vec<String> = [
        "mv_compliance_report_count",
        "mv_fuel_code_count",
        "mv_org_compliance_report_count",
        "mv_transaction_count",
    ]
    .iter()
    .chain(&["refinery_schema_history"])
    .map(|mv| format!("REVOKE SELECT ON {mv} FROM basic_lcfs_reporting_role;"))
    .collect();
    assert_eq!(revokes, undone, "adopt revokes nothing that existed");
    for revoke in &undone {
        let relation = revoke.split(' ').nth(3).unwrap();
        assert!(!read_before.contains(relation), "{relation} was not read");
    }
    assert!(!is_managed(&db).await, "a dry run changes nothing");
    assert_eq!(row_counts(&db).await, before);

    let adopted = stdout(&ok(lcfs_db(db.url(), &["adopt"])));
    for expected in [
        "statements in one transaction, committed; V001–V015 recorded",
        "locks held ",
        "the longest lock against the application's writes: ",
        "version 15 → ",
        "check: the database matches the migrations at head",
    ] {
        assert!(
            adopted.contains(expected),
            "{expected:?} not in:\n{adopted}"
        );
    }
    assert_eq!(
        read_by_reporting_role(&db).await,
        read_before,
        "the reporting role reads exactly what it read"
    );
    assert_eq!(default_privileges(&db).await, defaults_before);
    let at_head = read_at_head().await;
    let read_in_public: BTreeSet<String> = read_before
        .iter()
        .filter(|r| !r.starts_with("charging_equipment_snapshot_"))
        .cloned()
        .collect();
    assert_eq!(read_in_public, at_head, "head reads what production reads");
    adopted_database_holds(&db, &before).await;
    assert_eq!(read_by_reporting_role(&db).await, read_before);
}

/// The adoption's own transaction, before any later version: on production's shape the
/// reporting role reads exactly what it read, the recreated materialized views included.
#[lcfs_db::test(empty)]
async fn adopt_itself_keeps_what_the_reporting_role_reads(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database(Branch::FirstOnItsServer).await;
    let read_before = read_by_reporting_role(&db).await;
    let client = db.connect().await.unwrap();
    let adoption = lcfs_db::adopt(&client, AdoptOptions::default())
        .await
        .unwrap();
    assert!(adoption.committed);
    let versions: Vec<i32> = column(&db, "SELECT max(version) FROM refinery_schema_history").await;
    assert_eq!(versions, [LCFS_VERSION], "no later version ran");
    assert_eq!(read_by_reporting_role(&db).await, read_before);
}

/// A second database on its server: adopt itself changes nobody's access; V018, applied next,
/// gives the reporting role what production has.
#[lcfs_db::test(empty)]
async fn a_second_database_on_its_server_is_adopted_without_losing_a_row(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database(Branch::Second).await;
    let before = row_counts(&db).await;
    let audit = before.iter().find(|(t, _)| t == "audit_log").unwrap().1;
    assert!(audit > 1274, "a few thousand rows: {before:?}");
    let read_before = read_by_reporting_role(&db).await;
    assert_eq!(read_before.len(), 16, "{read_before:?}");
    assert!(default_privileges(&db).await.is_empty());

    // An operator's first try: upgrade fails on the existing types and leaves an empty history.
    let upgrade = lcfs_db(db.url(), &["upgrade"]);
    assert!(!upgrade.status.success(), "{}", stdout(&upgrade));
    let dry = stdout(&ok(lcfs_db(db.url(), &["adopt", "--dry-run"])));
    for expected in [
        "-- verified: LCFS at Alembic revision b8f9c0d1e2a3",
        "-- tolerated: alembic_version, charging_equipment_snapshot_c7e4d9a1b2f6",
        "ALTER TABLE public.alembic_version SET SCHEMA alembic_archive;",
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
    // The adoption itself revokes nothing; the versions after it are listed as comments (V019
    // revokes EXECUTE from PUBLIC on the function it creates itself).
    assert!(
        !dry.lines()
            .any(|line| line.contains("REVOKE") && !line.starts_with("--")),
        "{dry}"
    );
    assert!(
        !dry.contains("GRANT USAGE ON SCHEMA alembic_archive"),
        "nobody read the leftover"
    );
    assert!(!is_managed(&db).await, "a dry run changes nothing");

    let client = db.connect().await.unwrap();
    let adoption = lcfs_db::adopt(&client, AdoptOptions::default())
        .await
        .unwrap();
    assert!(adoption.committed && adoption.attempts == 1);
    assert!(adoption.locks.transaction > std::time::Duration::ZERO);
    assert_eq!(
        read_by_reporting_role(&db).await,
        read_before,
        "adopt changes nobody's access"
    );
    let upgrade = stdout(&ok(lcfs_db(db.url(), &["upgrade"])));
    assert!(upgrade.contains("version 15 → "), "{upgrade}");
    let read_after = read_by_reporting_role(&db).await;
    assert!(read_after.is_superset(&read_before));
    assert_eq!(
        read_after,
        read_at_head().await,
        "V018 gives what production has"
    );
    assert_eq!(default_privileges(&db).await.len(), 1);
    adopted_database_holds(&db, &before).await;
}

/// A database upgraded from V017 ends with the grants of a fresh one and of an adopted one.
#[lcfs_db::test(empty)]
async fn an_upgrade_from_v017_gives_the_reporting_role_what_production_has(empty: TestDatabase) {
    Migrator::new().target(17).run(&empty).await.unwrap();
    let read_at_17 = read_by_reporting_role(&empty).await;
    assert_eq!(read_at_17.len(), 16);
    ok(lcfs_db(empty.url(), &["upgrade"]));
    assert_eq!(read_by_reporting_role(&empty).await, read_at_head().await);
    assert_eq!(default_privileges(&empty).await.len(), 1);
    assert!(lcfs_db::check(&empty).await.unwrap().is_empty());
    // Relations the migrating role creates later are readable too, as in LCFS.
    empty
        .batch_execute("CREATE TABLE later_report (id int)")
        .await
        .unwrap();
    assert!(
        read_by_reporting_role(&empty)
            .await
            .contains("later_report")
    );
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
    let db = lcfs_database(Branch::Second).await;
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
    let db = lcfs_database(Branch::Second).await;
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

/// A grant neither LCFS's default privileges nor head gives (a DBA's, say): taking it away would
/// change who reads what, so adopt keeps it, lists it as an addition, and `check` reports it apart
/// from drift (drift only with `--strict`).
#[lcfs_db::test(empty)]
async fn a_grant_head_lacks_is_kept_and_listed_never_revoked(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database(Branch::FirstOnItsServer).await;
    db.batch_execute("GRANT SELECT ON organization TO basic_lcfs_reporting_role")
        .await
        .unwrap();
    let read_before = read_by_reporting_role(&db).await;
    assert!(read_before.contains("organization"));
    let adopt = stdout(&ok(lcfs_db(db.url(), &["adopt"])));
    assert!(
        adopt.contains(
            "kept, not managed by lcfs-db: grant table organization to basic_lcfs_reporting_role"
        ),
        "{adopt}"
    );
    assert!(read_by_reporting_role(&db).await.is_superset(&read_before));
    let (code, report) = check(&db, &[]);
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report.contains("organization to basic_lcfs_reporting_role"),
        "{report}"
    );
    let (code, report) = check(&db, &["--strict"]);
    assert_eq!(code, Some(1), "{report}");
}

/// A session that keeps writing a table adopt must lock: each attempt waits the lock timeout at
/// most and is rolled back; the last names the session, and nothing is changed.
#[lcfs_db::test(empty)]
async fn a_blocked_adoption_names_the_blocker_and_changes_nothing(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database(Branch::FirstOnItsServer).await;
    let (catalog_before, rows_before) = (catalog(db.url()).await, row_counts(&db).await);
    let blocker = db.connect().await.unwrap();
    blocker
        .batch_execute("BEGIN; UPDATE pathway SET pathway_id = pathway_id WHERE false")
        .await
        .unwrap();
    let pid: i32 = column(&blocker, "SELECT pg_backend_pid()").await[0];
    let started = std::time::Instant::now();
    let output = lcfs_db(
        db.url(),
        &["adopt", "--lock-timeout", "200ms", "--lock-retries", "1"],
    );
    let err = stderr(&output);
    assert!(!output.status.success(), "{}", stdout(&output));
    for expected in [
        "adopt gave up: on each of its 2 attempts a statement waited longer than lock_timeout \
         200ms for ShareRowExclusiveLock on pathway",
        "nothing was changed",
        &format!("pid {pid} ("),
    ] {
        assert!(err.contains(expected), "{expected:?} not in:\n{err}");
    }
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(1),
        "a backoff between the attempts"
    );
    assert_eq!(catalog(db.url()).await, catalog_before);
    assert_eq!(row_counts(&db).await, rows_before);
    assert!(!is_managed(&db).await);
    blocker.batch_execute("ROLLBACK").await.unwrap();
}

#[lcfs_db::test(empty)]
async fn adopt_lists_rows_that_violate_the_check_it_adds(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database(Branch::Second).await;
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
    let db = lcfs_database(Branch::Second).await;
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
    let db = lcfs_database(Branch::FirstOnItsServer).await;
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
    let db = lcfs_database(Branch::FirstOnItsServer).await;
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
