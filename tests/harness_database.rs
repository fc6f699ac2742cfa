//! Test databases: cloned from a template per migration set, empty on request, dropped when the
//! test passes.

use std::time::{Duration, Instant};

use lcfs_db::Migration;
use lcfs_db::testing::TestDatabase;

fn widgets() -> Vec<Migration> {
    vec![
        Migration::new(
            1,
            "widgets",
            "CREATE TABLE widget (id int PRIMARY KEY, label text NOT NULL);",
            "DROP TABLE widget;",
        ),
        Migration::new(
            2,
            "widget_seed",
            "INSERT INTO widget VALUES (1, 'first'), (2, 'second');",
            "DELETE FROM widget;",
        ),
    ]
}

async fn count(db: &tokio_postgres::Client, sql: &str) -> i64 {
    db.query_one(sql, &[]).await.unwrap().get(0)
}

#[lcfs_db::test(migrations = widgets())]
async fn hand_made_set_is_at_its_head(db: TestDatabase) {
    assert_eq!(count(&db, "SELECT count(*) FROM widget").await, 2);
    let status = lcfs_db::Migrator::with_migrations(widgets())
        .status(&db)
        .await
        .unwrap();
    assert_eq!((status.current, status.head), (2, 2));
    assert!(status.is_at_head());
    assert!(db.name().starts_with("lcfs_test_"), "{}", db.name());
}

#[lcfs_db::test(empty)]
async fn empty_database_has_no_tables(db: TestDatabase) {
    let sql = "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')";
    assert_eq!(count(&db, sql).await, 0);
}

#[lcfs_db::test]
async fn default_database_is_at_the_head_of_the_embedded_set(db: TestDatabase) {
    // Meaningful once the real migrations are merged: fails loudly on an empty set.
    assert!(
        !lcfs_db::migrations().is_empty(),
        "the embedded migration set is empty"
    );
    let status = lcfs_db::status(&db).await.unwrap();
    assert!(status.is_at_head(), "{status:?}");
    assert_eq!(
        status.current,
        lcfs_db::migrations().last().unwrap().version()
    );
}

#[lcfs_db::test]
async fn tests_may_return_results(db: TestDatabase) -> Result<(), tokio_postgres::Error> {
    db.batch_execute("CREATE TABLE scratch (x int)").await?;
    Ok(())
}

#[lcfs_db::test(empty)]
async fn second_connection_reaches_the_same_database(db: TestDatabase) {
    db.batch_execute("CREATE TABLE shared (x int); INSERT INTO shared VALUES (7)")
        .await
        .unwrap();
    let other = db.connect().await.unwrap();
    assert_eq!(
        other
            .query_one("SELECT x FROM shared", &[])
            .await
            .unwrap()
            .get::<_, i32>(0),
        7
    );
    let (by_url, connection) = tokio_postgres::connect(db.url(), tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let name: String = by_url
        .query_one("SELECT current_database()::text", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(name, db.name());
}

#[tokio::test]
async fn databases_are_cloned_from_one_template_and_dropped_after() {
    let set = widgets();
    let started = Instant::now();
    let first = TestDatabase::with_migrations(set.clone()).await.unwrap();
    let first_took = started.elapsed();
    let started = Instant::now();
    let second = TestDatabase::with_migrations(set).await.unwrap();
    let second_took = started.elapsed();
    println!("first test database {first_took:?} (may build the template), second {second_took:?}");

    assert_ne!(first.name(), second.name());
    for db in [&first, &second] {
        assert_eq!(count(db, "SELECT count(*) FROM widget").await, 2);
    }
    // Both are copies: a change to one is not in the other.
    first.batch_execute("DELETE FROM widget").await.unwrap();
    assert_eq!(count(&second, "SELECT count(*) FROM widget").await, 2);

    let templates: Vec<String> = second
        .query(
            "SELECT datname::text FROM pg_database WHERE datname LIKE 'lcfs\\_template\\_%' \
             AND datname NOT LIKE '%\\_building'",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert!(!templates.is_empty());

    let (first_name, admin) = (first.name().to_owned(), second.connect().await.unwrap());
    drop(first);
    // Dropped in the background: the dropping thread does not wait for it.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let left: i64 = admin
            .query_one(
                "SELECT count(*) FROM pg_database WHERE datname = $1",
                &[&first_name],
            )
            .await
            .unwrap()
            .get(0);
        if left == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "a passing test's database is dropped"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn remove_drops_the_database_before_returning() {
    let db = TestDatabase::empty().await.unwrap();
    let name = db.name().to_owned();
    let witness = TestDatabase::empty().await.unwrap();
    db.remove().await.unwrap();
    let sql = "SELECT count(*) FROM pg_database WHERE datname = $1";
    let left: i64 = witness.query_one(sql, &[&name]).await.unwrap().get(0);
    assert_eq!(left, 0);
}
