//! Template databases: one per migration set, built once per server and cloned per test.
//!
//! Three advisory locks (on the admin database) coordinate the test processes sharing a server:
//! - *use* (shared, held for the process's life): this process clones that template;
//! - *build* (exclusive, held while building): one builder per template at a time;
//! - a cleaner drops another set's template only when it can take its *use* lock exclusively.
//!
//! A template is built as `<name>_building` and renamed when complete, so a half-built one is
//! never cloned.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use tokio::sync::OnceCell;
use tokio_postgres::{Client, NoTls};

use super::database_owner::owner_clause;
use super::runtime::on_harness;
use super::server::Server;
use crate::migrate::stable_hash;
use crate::{Error, Migration, Migrator};

const PREFIX: &str = "lcfs_template_";
const BUILDING: &str = "_building";

/// Identifies a migration set by what the history table records of it; the embedded set's,
/// asked for by every test, is computed once.
fn set_hash(set: &[Migration]) -> u64 {
    static EMBEDDED: OnceLock<u64> = OnceLock::new();
    match std::ptr::eq(set, crate::migrations()) {
        true => *EMBEDDED.get_or_init(|| hash_of(set)),
        false => hash_of(set),
    }
}

fn hash_of(set: &[Migration]) -> u64 {
    let identity: String = set
        .iter()
        .map(|m| format!("{}:{}:{}\n", m.version(), m.name(), m.checksum()))
        .collect();
    stable_hash(identity.as_bytes())
}

/// The name of the template at the head of `set`, built if this is the first use on the server.
pub(crate) async fn template_for(
    server: &'static Server,
    set: &[Migration],
) -> Result<String, Error> {
    static BUILT: Mutex<Option<HashMap<u64, Arc<OnceCell<String>>>>> = Mutex::new(None);
    // A set migrated by another owner is another template.
    let hash = match &server.owner {
        Some(owner) => stable_hash(format!("{:016x} {owner}", set_hash(set)).as_bytes()),
        None => set_hash(set),
    };
    let cell = BUILT
        .lock()
        .unwrap_or_else(|poison| poison.into_inner())
        .get_or_insert_with(HashMap::new)
        .entry(hash)
        .or_default()
        .clone();
    let name = cell
        .get_or_try_init(|| on_harness(ensure_template(server, hash, set.to_vec())))
        .await?;
    Ok(name.clone())
}

async fn ensure_template(
    server: &'static Server,
    hash: u64,
    set: Vec<Migration>,
) -> Result<String, Error> {
    let admin = &server.admin;
    let name = format!("{PREFIX}{hash:016x}");
    in_use().push(name.clone());
    execute(
        admin,
        &format!("SELECT pg_advisory_lock_shared({})", use_key(&name)),
    )
    .await?;
    if exists(admin, &name).await? {
        return Ok(name);
    }
    let build_lock = build_key(&name);
    execute(admin, &format!("SELECT pg_advisory_lock({build_lock})")).await?;
    let built: Result<(), Error> = async {
        if !exists(admin, &name).await? {
            build(server, &name, set).await?;
        }
        Ok(())
    }
    .await;
    execute(admin, &format!("SELECT pg_advisory_unlock({build_lock})")).await?;
    built?;
    drop_unused_templates(admin).await;
    Ok(name)
}

async fn build(server: &Server, name: &str, set: Vec<Migration>) -> Result<(), Error> {
    let admin = &server.admin;
    let building = format!("{name}{BUILDING}");
    // A builder that died half-way left this; we hold the build lock, so nobody else uses it.
    execute(
        admin,
        &format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"),
    )
    .await?;
    execute(
        admin,
        &format!(
            "CREATE DATABASE {building} TEMPLATE template0{}",
            owner_clause(server.owner.as_deref())
        ),
    )
    .await?;
    if let Some(owner) = &server.owner {
        // Before PostgreSQL 15, schema public belongs to the bootstrap superuser.
        let (admin, connection) = server
            .admin_config(&building)
            .connect(NoTls)
            .await
            .map_err(|e| Error::postgres(format!("connecting to {building} as admin"), e))?;
        let connection = tokio::spawn(connection);
        execute(&admin, &format!("ALTER SCHEMA public OWNER TO {owner}")).await?;
        drop(admin);
        let _ = connection.await;
    }
    let started = std::time::Instant::now();
    let (client, connection) = server.config(&building).connect(NoTls).await.map_err(|e| {
        Error::postgres(
            format!("connecting to the template being built, {building}"),
            e,
        )
    })?;
    let connection = tokio::spawn(connection);
    let migrated = Migrator::with_migrations(set).run(&client).await;
    drop(client);
    let _ = connection.await;
    let report = migrated?;
    execute(
        admin,
        &format!("ALTER DATABASE {building} RENAME TO {name}"),
    )
    .await?;
    tracing::info!(
        template = name,
        migrations = report.applied().len(),
        elapsed = ?started.elapsed(),
        "built a template database"
    );
    Ok(())
}

/// The templates this process uses. Its own session would get their *use* locks exclusively
/// (a session never conflicts with itself), so they are skipped by name.
fn in_use() -> std::sync::MutexGuard<'static, Vec<String>> {
    static IN_USE: Mutex<Vec<String>> = Mutex::new(Vec::new());
    IN_USE.lock().unwrap_or_else(|poison| poison.into_inner())
}

/// Drops the templates (finished or half-built) of other migration sets that no process uses.
async fn drop_unused_templates(admin: &Client) {
    let query = format!("SELECT datname FROM pg_database WHERE datname LIKE '{PREFIX}%'");
    let Ok(rows) = admin.query(&query, &[]).await else {
        return;
    };
    for other in rows.iter().map(|row| row.get::<_, String>(0)) {
        let template = other.strip_suffix(BUILDING).unwrap_or(&other);
        if in_use().iter().any(|name| name == template) {
            continue;
        }
        let key = match other.ends_with(BUILDING) {
            true => build_key(template),
            false => use_key(template),
        };
        let taken = admin
            .query_one(&format!("SELECT pg_try_advisory_lock({key})"), &[])
            .await
            .is_ok_and(|row| row.get::<_, bool>(0));
        if taken {
            let _ = execute(admin, &format!("DROP DATABASE IF EXISTS \"{other}\"")).await;
            let _ = execute(admin, &format!("SELECT pg_advisory_unlock({key})")).await;
            tracing::debug!(template = other, "dropped an unused template database");
        }
    }
}

fn use_key(template: &str) -> i64 {
    stable_hash(format!("lcfs-db template use {template}").as_bytes()) as i64
}

fn build_key(template: &str) -> i64 {
    stable_hash(format!("lcfs-db template build {template}").as_bytes()) as i64
}

async fn exists(admin: &Client, database: &str) -> Result<bool, Error> {
    admin
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&database])
        .await
        .map(|row| row.is_some())
        .map_err(|e| Error::postgres("looking for a template database", e))
}

pub(crate) async fn execute(admin: &Client, sql: &str) -> Result<(), Error> {
    admin
        .batch_execute(sql)
        .await
        .map_err(|e| Error::postgres(format!("running `{sql}` on the test server"), e))
}
