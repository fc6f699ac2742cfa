//! Downgrading: down files in reverse order, each in a transaction with its history row.

mod common;

use common::probe::{applied_versions, public_tables};
use lcfs_db::Direction;
use lcfs_db::testing::TestDatabase;
use lcfs_db::{ErrorKind, Migration, Migrator};

fn set() -> Vec<Migration> {
    vec![
        Migration::new(
            1,
            "organization",
            "CREATE TABLE organization (id int PRIMARY KEY);",
            "DROP TABLE organization;",
        ),
        Migration::new(
            2,
            "user_profile",
            "CREATE TABLE user_profile (id int PRIMARY KEY, organization_id int REFERENCES organization);",
            "DROP TABLE user_profile;",
        ),
        Migration::new(
            3,
            "user_role",
            "CREATE TABLE user_role (user_profile_id int REFERENCES user_profile);",
            "DROP TABLE user_role;",
        ),
    ]
}

#[lcfs_db::test(migrations = set())]
async fn downgrade_to_a_version_then_to_base(db: TestDatabase) {
    let migrator = Migrator::with_migrations(set());
    let report = migrator.downgrade(&db, 1).await.unwrap();
    assert_eq!(report.direction(), Direction::Down);
    assert_eq!((report.version_before(), report.version_after()), (3, 1));
    assert_eq!(
        report
            .applied()
            .iter()
            .map(|m| m.version)
            .collect::<Vec<_>>(),
        [3, 2]
    );
    assert_eq!(
        public_tables(&db).await,
        ["organization", "refinery_schema_history"]
    );
    assert_eq!(applied_versions(&db).await, [1]);

    assert!(
        migrator
            .downgrade(&db, 1)
            .await
            .unwrap()
            .applied()
            .is_empty(),
        "already there"
    );

    let report = migrator.downgrade(&db, 0).await.unwrap();
    assert_eq!(report.version_after(), 0);
    assert_eq!(public_tables(&db).await, ["refinery_schema_history"]);
    assert!(applied_versions(&db).await.is_empty());

    let report = migrator.run(&db).await.unwrap();
    assert_eq!(report.applied().len(), 3, "back up to head from base");
}

#[lcfs_db::test(migrations = set())]
async fn a_failing_down_file_is_rolled_back_and_named(db: TestDatabase) {
    let mut broken = set();
    broken[1] = Migration::new(
        2,
        "user_profile",
        set()[1].up_sql(),
        "DROP TABLE user_profile;\nDROP TABLE no_such_table;",
    );
    let error = Migrator::with_migrations(broken)
        .downgrade(&db, 0)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Migration);
    assert_eq!(error.file(), Some("V002__user_profile.down.sql"));
    assert_eq!(error.location().unwrap().line, 2);
    // Version 3 was reverted and committed before; version 2 is whole again.
    assert_eq!(applied_versions(&db).await, [1, 2]);
    assert_eq!(
        public_tables(&db).await,
        ["organization", "refinery_schema_history", "user_profile"]
    );
}

#[lcfs_db::test(empty)]
async fn downgrade_of_a_fresh_database_does_nothing(db: TestDatabase) {
    let report = Migrator::with_migrations(set())
        .downgrade(&db, 0)
        .await
        .unwrap();
    assert!(report.applied().is_empty());
    assert!(
        public_tables(&db).await.is_empty(),
        "not even a history table is created"
    );
}

#[lcfs_db::test]
async fn the_embedded_set_goes_down_to_base_and_up_again(db: TestDatabase) {
    // Meaningful once the real migrations are merged: fails loudly on an empty set.
    let set = lcfs_db::migrations();
    assert!(!set.is_empty(), "the embedded migration set is empty");
    let report = lcfs_db::downgrade(&db, 0).await.unwrap();
    assert_eq!(report.applied().len(), set.len());
    assert_eq!(
        public_tables(&db).await,
        ["refinery_schema_history"],
        "every down file undoes its up file"
    );
    assert_eq!(
        lcfs_db::migrate(&db).await.unwrap().applied().len(),
        set.len()
    );
}
