//! An LCFS database as Alembic leaves it at revision b8f9c0d1e2a3 (`tests/adopt/`): our V015 with
//! the differences reversed, the dev seed, LCFS's rows, and a ledger written through LCFS's
//! triggers. What `adopt` takes over, in the two shapes LCFS's migration that creates the
//! reporting role leaves.

use lcfs_db::Migrator;
use lcfs_db::adopt::LCFS_VERSION;
use lcfs_db::testing::TestDatabase;
use tokio_postgres::Client;

/// Which LCFS database on its server: the migration that creates the reporting role acts only
/// on the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Branch {
    /// Production's shape: default privileges and SELECT on the 34 relations created after.
    FirstOnItsServer,
    /// A second database (pytest's): the reporting role reads V015's 16 views only.
    Second,
}

/// A new test database holding the `branch` shape with `ledger_rows` credit transactions (none:
/// LCFS's rows alone).
pub async fn lcfs_database(branch: Branch, ledger_rows: u32) -> TestDatabase {
    let db = TestDatabase::empty().await.unwrap();
    build(&db, branch, ledger_rows).await;
    db
}

/// Makes the empty database behind `client` the `branch` shape, every object owned by the
/// client's role (as Alembic's own role owns LCFS's).
pub async fn build(client: &Client, branch: Branch, ledger_rows: u32) {
    Migrator::new()
        .target(LCFS_VERSION)
        .run(client)
        .await
        .unwrap();
    let seeds = super::cli::checkout().join("seeds/dev");
    let mut files: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let sql = std::fs::read_to_string(&file).unwrap();
        client
            .batch_execute(&sql)
            .await
            .unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
    }
    let mut fixtures = vec![(
        "lcfs_at_b8f9c0d1e2a3.sql",
        include_str!("../adopt/lcfs_at_b8f9c0d1e2a3.sql"),
    )];
    if branch == Branch::FirstOnItsServer {
        fixtures.push((
            "first_on_its_server.sql",
            include_str!("../adopt/first_on_its_server.sql"),
        ));
    }
    fixtures.push(("data.sql", include_str!("../adopt/data.sql")));
    if ledger_rows > 0 {
        fixtures.push(("ledger.sql", include_str!("../adopt/ledger.sql")));
    }
    client
        .batch_execute(&format!("SET lcfs.ledger_rows = {ledger_rows}"))
        .await
        .unwrap();
    for (name, sql) in fixtures {
        client
            .batch_execute(sql)
            .await
            .unwrap_or_else(|e| panic!("tests/adopt/{name}: {e:?}"));
    }
}
