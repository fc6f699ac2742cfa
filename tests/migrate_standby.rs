//! Against a read-only hot standby, `upgrade` and `downgrade` fail at once saying so, and
//! `status` works.

mod common;

use std::time::{Duration, Instant};

use common::cli::{lcfs_db, ok, stderr, stdout};
use lcfs_db::cluster::Cluster;
use lcfs_db::{ErrorKind, Migrator};
use tokio_postgres::{Client, Config, NoTls};

async fn connect(config: Config) -> Client {
    let (client, connection) = config.connect(NoTls).await.expect("connects");
    tokio::spawn(connection);
    client
}

#[tokio::test]
async fn a_standby_refuses_to_migrate_at_once_and_shows_its_status() {
    let primary = Cluster::ephemeral().await.expect("a primary");
    let client = connect(primary.config("postgres")).await;
    Migrator::new().target(3).run(&client).await.unwrap();
    let standby = primary.standby().await.expect("a standby of it");
    let replica = connect(standby.config("postgres")).await;
    let in_recovery: bool = replica
        .query_one("SELECT pg_is_in_recovery()", &[])
        .await
        .unwrap()
        .get(0);
    assert!(in_recovery);

    let url = standby.url("postgres");
    for command in [&["upgrade"][..], &["downgrade", "--yes"]] {
        let started = Instant::now();
        let output = lcfs_db(&url, command);
        let err = stderr(&output);
        assert!(!output.status.success(), "{command:?}: {err}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        assert!(
            err.contains(
                "the server is a standby in recovery, read-only: migrations run on the primary"
            ),
            "{command:?}: {err}"
        );
    }
    let status = stdout(&ok(lcfs_db(&url, &["status"])));
    assert!(status.contains("current version: 3"), "{status}");

    let error = Migrator::new().run(&replica).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Standby);
    let version: i32 = client
        .query_one("SELECT max(version) FROM refinery_schema_history", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(version, 3, "nothing was applied anywhere");
}
