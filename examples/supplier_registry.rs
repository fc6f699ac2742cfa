//! An application on `lcfs-db`: it brings its database to head on start, then registers a fuel
//! supplier and reads it back through the generated types, every value a query parameter.
//!
//! ```text
//! cargo run --example supplier_registry -- postgres://user:password@localhost:5432/lcfs
//! ```
//!
//! An application depends on `lcfs-db = { version = "0.1", default-features = false }` (the
//! library without the command line) and uses the re-exported `tokio_postgres`.

use lcfs_db::enums::OrgStatus;
use lcfs_db::tables::{NewOrganization, Organization, OrganizationStatus};
use lcfs_db::tokio_postgres::{self, GenericClient, NoTls};
use lcfs_db::{FromRow, MigrationReport};

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // lcfs-db's error shows the server's own words (message, SQLSTATE, detail, hint).
            eprintln!("error: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), lcfs_db::Error> {
    let Some(url) = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("DATABASE_URL").ok())
    else {
        eprintln!("give the database URL as the argument or in DATABASE_URL");
        std::process::exit(2);
    };
    // `?` turns tokio-postgres's errors into lcfs_db::Error, the server's words kept.
    let (client, connection) = tokio_postgres::connect(&url, NoTls).await?;
    tokio::spawn(connection);

    let report = start(&client).await?;
    println!(
        "database at version {} ({} applied now)",
        report.version_after(),
        report.applied().len()
    );
    let supplier = match find_by_code(&client, "EX01").await? {
        Some(known) => known,
        None => register(&client, "EX01", "Example Fuels Ltd.").await?,
    };
    println!(
        "{} is organization {} ({:?})",
        supplier.organization_code,
        supplier.organization_id,
        status_of(&client, &supplier).await?
    );
    for organization in every_organization(&client).await? {
        println!(
            "{:>6}  {}  {}",
            organization.organization_id,
            organization.organization_code,
            organization.name.unwrap_or_default()
        );
    }
    Ok(())
}

/// On start: bring the database to head. Concurrent starters take turns on an advisory lock and
/// apply each migration once, so every instance of the application may do this.
async fn start(client: &tokio_postgres::Client) -> Result<MigrationReport, lcfs_db::Error> {
    lcfs_db::migrate(client).await
}

/// Registers a supplier; the database fills in the id, balances and dates.
async fn register(
    client: &impl GenericClient,
    code: &str,
    name: &str,
) -> Result<Organization, lcfs_db::Error> {
    NewOrganization {
        name: Some(name.to_owned()),
        operating_name: Some(name.to_owned()),
        // LCFS's reference row 2: Registered.
        organization_status_id: Some(2),
        ..NewOrganization::new(code.to_owned(), true)
    }
    .insert(client)
    .await
}

/// The organization with a code, if any: a query of our own, decoded by the generated struct,
/// its value a parameter.
async fn find_by_code(
    client: &impl GenericClient,
    code: &str,
) -> Result<Option<Organization>, lcfs_db::Error> {
    let sql = format!(
        "{} WHERE organization_code = $1",
        Organization::select_sql()
    );
    match client.query_opt(&sql, &[&code]).await? {
        Some(row) => Ok(Some(Organization::from_row(&row)?)),
        None => Ok(None),
    }
}

/// The status of an organization, by its reference row.
async fn status_of(
    client: &impl GenericClient,
    organization: &Organization,
) -> Result<Option<OrgStatus>, lcfs_db::Error> {
    let Some(id) = organization.organization_status_id else {
        return Ok(None);
    };
    let status = OrganizationStatus::get(client, id).await?;
    Ok(status.and_then(|s| s.status))
}

/// Every organization, in id order, decoded into the generated struct.
async fn every_organization(
    client: &impl GenericClient,
) -> Result<Vec<Organization>, lcfs_db::Error> {
    let sql = format!("{} ORDER BY organization_id", Organization::select_sql());
    let rows = client.query(&sql, &[]).await?;
    Ok(rows
        .iter()
        .map(Organization::from_row)
        .collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use lcfs_db::testing::TestDatabase;

    use super::*;

    /// Each test gets a fresh database at head, on a private throwaway cluster.
    #[lcfs_db::test]
    async fn a_registered_supplier_is_found_and_listed(db: TestDatabase) {
        let report = start(&db).await.unwrap();
        assert!(report.applied().is_empty(), "the test database is at head");

        let supplier = register(db.client(), "EX01", "Example Fuels Ltd.")
            .await
            .unwrap();
        assert_eq!(
            supplier.total_balance, 0,
            "a default the database filled in"
        );
        assert_eq!(
            status_of(db.client(), &supplier).await.unwrap(),
            Some(OrgStatus::Registered)
        );
        let found = find_by_code(db.client(), "EX01").await.unwrap();
        assert_eq!(found.as_ref(), Some(&supplier));
        assert_eq!(find_by_code(db.client(), "NONE").await.unwrap(), None);
        let listed = every_organization(db.client()).await.unwrap();
        assert_eq!(listed, [supplier]);
    }

    #[lcfs_db::test]
    async fn a_code_is_registered_once(db: TestDatabase) {
        register(db.client(), "EX01", "First").await.unwrap();
        let error = register(db.client(), "EX01", "Second").await.unwrap_err();
        assert_eq!(error.kind(), lcfs_db::ErrorKind::Database);
        assert!(error.to_string().contains("duplicate key"), "{error}");
    }
}
