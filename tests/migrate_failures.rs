//! Runs that must stop: a failing statement (rolled back, named), an edited, unknown or
//! out-of-order migration (refused before anything is applied), bad options.

mod common;

use common::probe::{advisory_locks, applied_versions};
use lcfs_db::testing::TestDatabase;
use lcfs_db::{ErrorKind, Migration, Migrator};
use tokio_postgres::error::SqlState;

fn base() -> Migration {
    Migration::new(
        1,
        "organizations",
        "CREATE TABLE organization (id int PRIMARY KEY);",
        "DROP TABLE organization;",
    )
}

async fn relation_exists(db: &TestDatabase, name: &str) -> bool {
    let found: Option<String> = db
        .query_one("SELECT to_regclass($1)::text", &[&name])
        .await
        .unwrap()
        .get(0);
    found.is_some()
}

#[lcfs_db::test(empty)]
async fn a_failing_statement_leaves_no_trace_and_is_named(db: TestDatabase) {
    let set = vec![
        base(),
        Migration::new(
            2,
            "breaks",
            "-- Half of this must not survive.\nCREATE TABLE half_done (x int);\nINSERT INTO no_such_table\n  VALUES (1);\n",
            "DROP TABLE half_done;",
        ),
    ];
    let error = Migrator::with_migrations(set).run(&db).await.unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Migration);
    assert_eq!(error.version(), Some(2));
    assert_eq!(error.file(), Some("V002__breaks.sql"));
    assert_eq!(error.code(), Some(&SqlState::UNDEFINED_TABLE));
    let at = error.location().expect("the failing statement");
    assert_eq!(at.statement, "INSERT INTO no_such_table\n  VALUES (1);");
    assert_eq!((at.statement_line, at.line, at.column), (3, 3, Some(13)));
    let message = error.to_string();
    for expected in [
        "migration V002__breaks.sql failed and was rolled back",
        "relation \"no_such_table\" does not exist (SQLSTATE 42P01)",
        "--> V002__breaks.sql:3:13",
        "3 | INSERT INTO no_such_table\n  |             ^\n4 |   VALUES (1);",
    ] {
        assert!(message.contains(expected), "{expected:?} in:\n{message}");
    }

    assert!(
        relation_exists(&db, "organization").await,
        "the migration before it committed"
    );
    assert!(
        !relation_exists(&db, "half_done").await,
        "its first statement was rolled back"
    );
    assert_eq!(applied_versions(&db).await, [1]);
    assert_eq!(
        advisory_locks(&db).await,
        0,
        "the lock is released on error"
    );
}

#[lcfs_db::test(empty)]
async fn a_failure_without_a_server_position_is_still_pinned_to_its_statement(db: TestDatabase) {
    let set = vec![Migration::new(
        1,
        "duplicate_seed",
        "CREATE TABLE role (name text PRIMARY KEY);\nINSERT INTO role VALUES ('GOVERNMENT');\n\
         INSERT INTO role VALUES ('SUPPLIER');\nINSERT INTO role VALUES ('GOVERNMENT');\n",
        "DROP TABLE role;",
    )];
    let error = Migrator::with_migrations(set).run(&db).await.unwrap_err();
    assert_eq!(error.code(), Some(&SqlState::UNIQUE_VIOLATION));
    let at = error
        .location()
        .expect("the statement whose answer was the error");
    assert_eq!(at.statement, "INSERT INTO role VALUES ('GOVERNMENT');");
    assert_eq!((at.line, at.column), (4, None));
    assert!(
        error.to_string().contains("--> V001__duplicate_seed.sql:4"),
        "{error}"
    );
    assert!(!relation_exists(&db, "role").await);
    assert!(
        !relation_exists(&db, "refinery_schema_history").await,
        "a failed first migration leaves no history table either"
    );
}

#[lcfs_db::test(migrations = vec![base()])]
async fn an_edited_applied_migration_is_refused_before_anything_runs(db: TestDatabase) {
    let edited = vec![
        Migration::new(
            1,
            "organizations",
            "CREATE TABLE organization (id bigint PRIMARY KEY);",
            "DROP TABLE organization;",
        ),
        Migration::new(
            2,
            "users",
            "CREATE TABLE user_profile (id int);",
            "DROP TABLE user_profile;",
        ),
    ];
    let error = Migrator::with_migrations(edited)
        .run(&db)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Divergent);
    assert_eq!(
        (error.version(), error.file()),
        (Some(1), Some("V001__organizations.sql"))
    );
    assert!(
        error
            .to_string()
            .contains("V001__organizations.sql changed after it was applied"),
        "{error}"
    );
    assert!(
        !relation_exists(&db, "user_profile").await,
        "nothing was applied"
    );
    assert_eq!(applied_versions(&db).await, [1]);
    assert_eq!(advisory_locks(&db).await, 0);
}

#[lcfs_db::test(empty)]
async fn an_applied_version_unknown_to_the_set_is_refused(db: TestDatabase) {
    let newer = vec![
        base(),
        Migration::new(
            2,
            "transfers",
            "CREATE TABLE transfer (id int);",
            "DROP TABLE transfer;",
        ),
    ];
    Migrator::with_migrations(newer).run(&db).await.unwrap();
    let older = vec![
        base(),
        Migration::new(
            3,
            "fuel_codes",
            "CREATE TABLE fuel_code (id int);",
            "DROP TABLE fuel_code;",
        ),
    ];
    let error = Migrator::with_migrations(older).run(&db).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Missing);
    assert_eq!(error.version(), Some(2));
    assert!(
        error.to_string().contains("version 2 (transfers"),
        "{error}"
    );
    assert!(
        !relation_exists(&db, "fuel_code").await,
        "nothing was applied"
    );
}

#[lcfs_db::test(empty)]
async fn a_migration_added_below_the_applied_version_is_refused(db: TestDatabase) {
    let later = Migration::new(
        3,
        "fuel_codes",
        "CREATE TABLE fuel_code (id int);",
        "DROP TABLE fuel_code;",
    );
    Migrator::with_migrations(vec![base(), later.clone()])
        .run(&db)
        .await
        .unwrap();
    let gap_filled = vec![
        base(),
        Migration::new(2, "late", "CREATE TABLE late (id int);", "DROP TABLE late;"),
        later,
    ];
    let error = Migrator::with_migrations(gap_filled)
        .run(&db)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::OutOfOrder);
    assert_eq!(error.file(), Some("V002__late.sql"));
    assert!(!relation_exists(&db, "late").await);
}

#[lcfs_db::test(empty)]
async fn bad_options_are_refused(db: TestDatabase) {
    let unordered = vec![
        Migration::new(2, "b", "SELECT 1;", "SELECT 1;"),
        Migration::new(1, "a", "SELECT 1;", "SELECT 1;"),
    ];
    let error = Migrator::with_migrations(unordered)
        .run(&db)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
    assert!(
        error
            .to_string()
            .contains("V002__b.sql comes before V001__a.sql"),
        "{error}"
    );

    let error = Migrator::with_migrations(vec![base()])
        .downgrade(&db, 5)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::UnknownVersion);
}

#[test]
#[should_panic(expected = "migration name must be ASCII letters")]
fn hand_made_names_follow_the_file_grammar() {
    Migration::new(1, "has space", "", "");
}

/// The connection lost while the server runs COMMIT (a deferred trigger keeps it busy): the
/// server may commit or not, so the error cannot say "rolled back"; it says the outcome is
/// unknown and how to find out.
#[lcfs_db::test(migrations = vec![base()])]
async fn a_connection_lost_after_commit_was_sent_leaves_the_outcome_unknown(db: TestDatabase) {
    let slow_commit = Migration::new(
        2,
        "slow_commit",
        "CREATE TABLE slow (x int);\n\
         CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
         PERFORM pg_sleep(1.5); RETURN NULL; END $$;\n\
         CREATE CONSTRAINT TRIGGER slow AFTER INSERT ON slow DEFERRABLE INITIALLY DEFERRED \
         FOR EACH ROW EXECUTE FUNCTION slow_commit();\n\
         INSERT INTO slow VALUES (1);\n",
        "DROP TABLE slow; DROP FUNCTION slow_commit();",
    );
    let (client, connection) = db.config().connect(tokio_postgres::NoTls).await.unwrap();
    let connection = tokio::spawn(connection);
    let watcher = db.connect().await.unwrap();
    let cut = tokio::spawn(async move {
        loop {
            let committing = watcher
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'lcfs-db' \
                     AND state = 'active' AND query = 'COMMIT'",
                    &[],
                )
                .await
                .unwrap();
            if committing.get::<_, i64>(0) > 0 {
                connection.abort();
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    });
    let error = Migrator::with_migrations(vec![base(), slow_commit])
        .run(&client)
        .await
        .unwrap_err();
    cut.await.unwrap();
    assert_eq!(error.kind(), ErrorKind::Connection, "{error}");
    let message = error.to_string();
    assert!(
        message.contains(
            "migration V002__slow_commit.sql lost its connection after COMMIT was sent: its \
             outcome is unknown, the server may have committed it or rolled it back; `lcfs-db \
             status` shows whether version 2 is applied"
        ),
        "{message}"
    );
    assert!(!message.contains("rolled back:"), "{message}");
}
