//! An LCFS database as Alembic leaves it at revision b8f9c0d1e2a3 (`tests/adopt/`), with the dev
//! seed and a few thousand rows: what `adopt` takes over.

use lcfs_db::Migrator;
use lcfs_db::adopt::LCFS_VERSION;
use lcfs_db::testing::TestDatabase;

pub async fn lcfs_database() -> TestDatabase {
    let db = TestDatabase::empty().await.unwrap();
    Migrator::new().target(LCFS_VERSION).run(&db).await.unwrap();
    let seeds = super::cli::checkout().join("seeds/dev");
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
            include_str!("../adopt/lcfs_at_b8f9c0d1e2a3.sql"),
        ),
        ("data.sql", include_str!("../adopt/data.sql")),
    ] {
        db.batch_execute(sql)
            .await
            .unwrap_or_else(|e| panic!("tests/adopt/{name}: {e:?}"));
    }
    db
}
