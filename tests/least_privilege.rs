//! Every command as a managed service's application role would run it: a role that owns its
//! database and schema `public` and nothing more (no superuser, no CREATEROLE, no CREATEDB), on
//! a server of its own so that the reporting role is missing or present as each test says.

mod common;

use common::alembic::{self, Branch};
use common::cli::{lcfs_db, ok, stderr, stdout};
use common::probe::column;
use lcfs_db::cluster::{Cluster, connection_url};
use lcfs_db::{ErrorKind, Migrator};
use tokio_postgres::{Client, Config, NoTls};

const OWNER: &str = "app_owner";
const DATABASE: &str = "appdb";
const REPORTING_ROLE: &str = "basic_lcfs_reporting_role";
const ADMINISTRATOR_STATEMENT: &str = "CREATE ROLE basic_lcfs_reporting_role NOLOGIN;";

async fn connect(config: &Config) -> Client {
    let (client, connection) = config.connect(NoTls).await.expect("connects");
    tokio::spawn(connection);
    client
}

/// A server of its own with `appdb` owned by `app_owner`, as an operator sets one up; the
/// owner gets CREATEROLE only when `createrole`.
struct Managed {
    /// Held for the test's length: the server stops when it is dropped.
    _cluster: Cluster,
    /// The bootstrap superuser on `appdb`, for what an administrator does and for looking.
    admin: Client,
    /// `app_owner` on `appdb`.
    owner: Client,
    url: String,
}

impl Managed {
    async fn start(createrole: bool, reporting_role: bool) -> Managed {
        let cluster = Cluster::ephemeral().await.expect("a cluster of its own");
        let postgres = connect(&cluster.config("postgres")).await;
        let attributes = if createrole { " CREATEROLE" } else { "" };
        for statement in [
            format!("CREATE ROLE {OWNER} LOGIN{attributes}"),
            format!("CREATE DATABASE {DATABASE} OWNER {OWNER}"),
        ] {
            postgres.batch_execute(&statement).await.unwrap();
        }
        let admin = connect(&cluster.config(DATABASE)).await;
        admin
            .batch_execute(&format!("ALTER SCHEMA public OWNER TO {OWNER}"))
            .await
            .unwrap();
        if reporting_role {
            admin.batch_execute(ADMINISTRATOR_STATEMENT).await.unwrap();
        }
        let mut config = cluster.config(DATABASE);
        config.user(OWNER);
        let owner = connect(&config).await;
        let superuser: bool = column(&owner, "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user").await[0];
        assert_eq!(superuser, createrole, "the owner's attributes");
        Managed {
            url: connection_url(&config),
            _cluster: cluster,
            admin,
            owner,
        }
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        lcfs_db(&self.url, args)
    }

    async fn role_exists(&self) -> bool {
        column(
            &self.admin,
            &format!("SELECT count(*) > 0 FROM pg_roles WHERE rolname = '{REPORTING_ROLE}'"),
        )
        .await[0]
    }

    /// What this database grants the reporting role, or lets it own (pg_shdepend).
    async fn grants_to_the_role(&self) -> i64 {
        column(
            &self.admin,
            &format!(
                "SELECT count(*) FROM pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid \
                 WHERE r.rolname = '{REPORTING_ROLE}' \
                 AND d.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            ),
        )
        .await[0]
    }

    /// Relations (the history table aside), extensions and schema `lcfs_db`: 0 is a database
    /// nothing was done to, or one at base.
    async fn objects(&self) -> i64 {
        column(
            &self.admin,
            "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
                      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') \
                      AND c.relname NOT LIKE 'refinery\\_schema\\_history%') \
                  + (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql') \
                  + (SELECT count(*) FROM pg_namespace WHERE nspname = 'lcfs_db')",
        )
        .await[0]
    }

    async fn version(&self) -> i32 {
        lcfs_db::status(&self.owner).await.unwrap().current
    }
}

#[tokio::test]
async fn without_the_reporting_role_upgrade_changes_nothing_and_says_what_an_administrator_runs() {
    let db = Managed::start(false, false).await;
    let output = db.run(&["upgrade"]);
    let err = stderr(&output);
    assert!(!output.status.success(), "{err}");
    for expected in [
        "the role does not exist on this server, and role \"app_owner\" may not create it",
        "nothing was applied",
        ADMINISTRATOR_STATEMENT,
        "then run this again",
    ] {
        assert!(err.contains(expected), "{expected:?} not in:\n{err}");
    }
    assert_eq!(db.objects().await, 0, "nothing of V001–V014 was applied");
    // The plan `sql upgrade` prints is refused the same way.
    let sql = db.run(&["sql", "upgrade"]);
    assert!(
        !sql.status.success() && stderr(&sql).contains(ADMINISTRATOR_STATEMENT),
        "{}",
        stderr(&sql)
    );

    // The library stops the same way, before anything, with a kind to match on.
    let error = lcfs_db::migrate(&db.owner).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Privilege, "{error}");
    assert_eq!(db.objects().await, 0);
    // Up to V014 needs no role: the check is about the versions a run applies.
    Migrator::new().target(14).run(&db.owner).await.unwrap();
    let error = Migrator::new().run(&db.owner).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Privilege, "{error}");
    assert_eq!(db.version().await, 14);

    // The administrator runs the one statement; the rerun goes through, as the owner alone.
    db.admin
        .batch_execute(ADMINISTRATOR_STATEMENT)
        .await
        .unwrap();
    ok(db.run(&["upgrade"]));
    assert_eq!(db.version().await, Migrator::new().head());
    ok(db.run(&["check"]));
}

#[tokio::test]
async fn with_the_reporting_role_every_command_works_as_the_owner_and_down_keeps_the_role() {
    let db = Managed::start(false, true).await;
    let head = Migrator::new().head();
    ok(db.run(&["upgrade"]));
    let check = ok(db.run(&["check"]));
    assert!(stdout(&check).contains("matches"), "{}", stdout(&check));
    ok(db.run(&["seed", "dev"]));
    assert!(db.grants_to_the_role().await > 0);

    // Down to base: the role stays (it belongs to the server), this database's grants go.
    let down = ok(db.run(&["downgrade", "--yes"]));
    let err = stderr(&down);
    assert!(
        err.contains("kept the role") && err.contains(REPORTING_ROLE),
        "{err}"
    );
    assert_eq!(db.version().await, 0);
    assert!(db.role_exists().await);
    assert_eq!(db.grants_to_the_role().await, 0);
    assert_eq!(
        db.objects().await,
        0,
        "only the empty history table is left"
    );

    // And back, then reset (down, up, seed) as the owner.
    ok(db.run(&["upgrade"]));
    assert_eq!(db.version().await, head);
    let reset = ok(db.run(&["reset", "--yes"]));
    assert!(
        stderr(&reset).contains("kept the role"),
        "{}",
        stderr(&reset)
    );
    assert_eq!(db.version().await, head);
    ok(db.run(&["check"]));

    // The library, the same way.
    lcfs_db::downgrade(&db.owner, 0).await.unwrap();
    assert!(db.role_exists().await);
    lcfs_db::migrate(&db.owner).await.unwrap();
    assert_eq!(db.version().await, head);
    assert!(lcfs_db::check(&db.owner).await.unwrap().is_empty());
}

#[tokio::test]
async fn an_owner_that_may_create_roles_creates_and_drops_the_role_itself() {
    let db = Managed::start(true, false).await;
    ok(db.run(&["upgrade"]));
    assert!(db.role_exists().await);
    let down = ok(db.run(&["downgrade", "--yes"]));
    assert!(
        !stderr(&down).contains("kept the role"),
        "{}",
        stderr(&down)
    );
    // From PostgreSQL 16 a role created by a CREATEROLE role (not a superuser) makes its creator
    // a member of it WITH ADMIN OPTION; V015's down file keeps a role with any membership, so
    // there the role stays (its grants revoked) as it would for a member login.
    let version: i32 = db
        .owner
        .query_one("SELECT current_setting('server_version_num')::int", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(
        db.role_exists().await,
        version >= 160000,
        "V015's down file drops it on 15, keeps it for its creator's membership from 16"
    );
}

#[tokio::test]
async fn adopt_takes_over_an_alembic_built_database_as_its_owner() {
    let db = Managed::start(false, true).await;
    // LCFS's database as Alembic leaves it, every object created by the owner.
    alembic::build(&db.owner, Branch::Second, 0).await;
    let adopted = stdout(&ok(db.run(&["adopt"])));
    assert!(
        adopted.contains("check: the database matches the migrations at head"),
        "{adopted}"
    );
    assert_eq!(db.version().await, Migrator::new().head());
}
