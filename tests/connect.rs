//! What an application gets from `lcfs_db::connection`: settings from libpq's variables and
//! password file, a connect bounded as a whole, and errors carrying the server's words.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use common::servers::{LoginCluster, PASSWORD, free_port, silent_listener};
use lcfs_db::ErrorKind;
use lcfs_db::connection::{self, Field, Origin, Settings, nobody_listening};
use tokio_postgres::Config;
use tokio_postgres::error::SqlState;

#[tokio::test]
async fn settings_from_libpq_variables_and_a_password_file_connect() {
    let server = LoginCluster::get();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pgpass");
    std::fs::write(&file, format!("127.0.0.1:*:*:app:{PASSWORD}\n")).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let port = server.port().to_string();
    let vars = [
        ("PGHOST", "127.0.0.1"),
        ("PGPORT", port.as_str()),
        ("PGUSER", "app"),
        ("PGDATABASE", "app"),
        ("PGPASSFILE", file.to_str().unwrap()),
    ];
    let env = |name: &str| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    };
    let settings = Settings::resolve(None, env).unwrap();
    assert_eq!(
        settings.origin(Field::Password),
        Some(&Origin::PasswordFile(file))
    );
    let client = connection::connect(settings.config()).await.unwrap();
    let row = client
        .query_one(
            "SELECT current_user::text, current_setting('application_name')",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(
        (row.get::<_, String>(0), row.get::<_, String>(1)),
        ("app".into(), "lcfs-db".into())
    );
}

#[tokio::test]
async fn a_refusal_carries_the_servers_words_and_code() {
    let server = LoginCluster::get();
    let mut config = server.tcp_config("app", "app");
    config.password("wrong");
    let error = connection::connect(&config).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Connection);
    assert_eq!(error.code(), Some(&SqlState::INVALID_PASSWORD));
    let shown = error.to_string();
    assert!(
        shown.contains(r#"password authentication failed for user "app""#),
        "{shown}"
    );
    assert!(
        shown.contains("app:***@127.0.0.1") && !shown.contains("wrong"),
        "{shown}"
    );
    assert!(!nobody_listening(&error), "a server answered");
}

#[tokio::test]
async fn nobody_listening_means_refused_or_no_socket() {
    let mut refused = Config::new();
    refused.host("127.0.0.1").port(free_port()).user("app");
    let error = connection::connect(&refused).await.unwrap_err();
    assert!(error.to_string().contains("Connection refused"), "{error}");
    assert!(nobody_listening(&error) && error.code().is_none());
    let mut no_socket = Config::new();
    no_socket
        .host_path("/nonexistent-lcfs-db")
        .port(5432)
        .user("app");
    let error = connection::connect(&no_socket).await.unwrap_err();
    assert!(nobody_listening(&error), "{error}");
}

#[tokio::test]
async fn the_whole_startup_is_bounded_by_the_default_timeout() {
    let (_listener, port) = silent_listener();
    let url = format!("postgresql://app@127.0.0.1:{port}/app");
    let settings = Settings::resolve(Some(&url), |_| None).unwrap();
    let started = Instant::now();
    let error = connection::connect(settings.config()).await.unwrap_err();
    let elapsed = started.elapsed();
    let limit = connection::DEFAULT_CONNECT_TIMEOUT;
    assert!(
        elapsed >= limit && elapsed < limit + Duration::from_secs(5),
        "{elapsed:?}"
    );
    assert!(
        error
            .to_string()
            .ends_with(&format!("no answer within {limit:?} (connect_timeout)"))
    );
    assert!(
        !nobody_listening(&error),
        "something accepted the connection"
    );
}
