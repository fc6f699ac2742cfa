//! A connection for the derive tests. Every object they create is temporary (`CREATE TEMP TABLE`,
//! `CREATE TYPE pg_temp.…`), so it belongs to this session alone and goes when the session ends.

use tokio_postgres::{Client, NoTls};

pub async fn connect() -> Client {
    let url = std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    let (client, connection) = tokio_postgres::connect(&url, NoTls)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to {url}: {e}"));
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("connection to {url} failed: {e}");
        }
    });
    client
}
