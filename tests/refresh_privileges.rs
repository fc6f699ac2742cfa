//! The materialized views' refresh machinery (V017, V019) gives no role more than it has: a role
//! with no privileges can neither change the refresh state, delay a write through it, nor skip
//! a refresh; a role that writes the watched tables gets views equal to their own queries
//! after each statement, whatever it SETs first (`lcfs_db.mv_pending`, its search_path).

mod common;

use common::probe::column;
use lcfs_db::testing::TestDatabase;
use tokio_postgres::{Client, NoTls};

const VIEWS: [&str; 7] = [
    "mv_transaction_aggregate",
    "mv_credit_ledger",
    "mv_transaction_count",
    "mv_director_review_transaction_count",
    "mv_compliance_report_count",
    "mv_org_compliance_report_count",
    "mv_fuel_code_count",
];

/// Two organizations, a transfer between them and a comment, written so that every view has
/// been refreshed and the refresh state holds a row per view.
const LEDGER: &str = "INSERT INTO organization (organization_id, organization_code, name, effective_status) \
     VALUES (1, 'S1', 'One', true), (2, 'S2', 'Two', true); \
     INSERT INTO transfer (transfer_id, from_organization_id, to_organization_id, quantity, current_status_id) \
     VALUES (1, 1, 2, 10, 4); \
     INSERT INTO transfer_comment (transfer_id, comment, comment_source) VALUES (1, 'hi', 'FROM_ORG'); \
     UPDATE compliance_report SET compliance_report_id = compliance_report_id WHERE false; \
     UPDATE fuel_code SET fuel_code_id = fuel_code_id WHERE false";

const INSERT_TRANSACTION: &str = "INSERT INTO transaction (compliance_units, organization_id, transaction_action, effective_status) \
     VALUES (5, 1, 'Adjustment', true)";

/// A login role of this test's own, dropped with what it was given when the test ends.
struct Role {
    name: String,
}

impl Role {
    async fn create(db: &TestDatabase, label: &str, grants: &str) -> Role {
        let name = format!("{label}_{}", std::process::id());
        db.batch_execute(&format!(
            "DROP ROLE IF EXISTS {name}; CREATE ROLE {name} LOGIN; {}",
            grants.replace("{role}", &name)
        ))
        .await
        .unwrap();
        Role { name }
    }

    async fn connect(&self, db: &TestDatabase) -> Client {
        let mut config = db.config().clone();
        config.user(&self.name);
        let (client, connection) = config.connect(NoTls).await.expect("the role logs in");
        tokio::spawn(connection);
        client
    }

    async fn drop(self, db: &TestDatabase) {
        db.batch_execute(&format!(
            "REASSIGN OWNED BY {0} TO CURRENT_USER; DROP OWNED BY {0}; DROP ROLE {0}",
            self.name
        ))
        .await
        .unwrap();
    }
}

async fn refresh_state(db: &Client) -> Vec<String> {
    column(
        db,
        "SELECT s::text FROM lcfs_db.matview_refresh_state s ORDER BY 1",
    )
    .await
}

/// Each view whose rows differ from a fresh run of its own defining query.
async fn stale_views(db: &Client) -> Vec<&'static str> {
    let mut stale = Vec::new();
    for view in VIEWS {
        let held: Vec<String> =
            column(db, &format!("SELECT r::text FROM {view} r ORDER BY 1")).await;
        let definition: Vec<String> =
            column(db, &format!("SELECT pg_get_viewdef('{view}'::regclass)")).await;
        let query = definition[0].trim().trim_end_matches(';');
        let fresh: Vec<String> =
            column(db, &format!("SELECT r::text FROM ({query}) r ORDER BY 1")).await;
        if held != fresh {
            stale.push(view);
        }
    }
    stale
}

#[lcfs_db::test]
async fn no_function_of_ours_runs_as_its_owner_for_any_caller(db: TestDatabase) {
    // A function that runs with its owner's rights may be executed only by whom its owner
    // chose, and pins its search_path; ours grant it to nobody.
    let open: Vec<String> = column(
        &db,
        "SELECT p.oid::regprocedure::text FROM pg_proc p \
         JOIN pg_namespace n ON n.oid = p.pronamespace \
         WHERE n.nspname IN ('public', 'lcfs_db') AND p.prosecdef \
         AND (has_function_privilege('public', p.oid, 'EXECUTE') \
              OR NOT coalesce(p.proconfig::text[] && ARRAY['search_path=pg_catalog, pg_temp'], false)) \
         ORDER BY 1",
    )
    .await;
    assert!(open.is_empty(), "{open:?}");
}

#[lcfs_db::test]
async fn a_role_without_privileges_cannot_touch_the_refresh_state_or_delay_writes(
    db: TestDatabase,
) {
    db.batch_execute(LEDGER).await.unwrap();
    let before = refresh_state(&db).await;
    assert_eq!(before.len(), VIEWS.len(), "{before:?}");
    let nobody = Role::create(&db, "refresh_nobody", "").await;
    let session = nobody.connect(&db).await;

    // Every function of schema lcfs_db it may name, called in a transaction it keeps open.
    session.batch_execute("BEGIN").await.unwrap();
    let functions: Vec<String> = column(
        &session,
        "SELECT p.oid::regprocedure::text FROM pg_proc p \
         JOIN pg_namespace n ON n.oid = p.pronamespace \
         WHERE n.nspname = 'lcfs_db' ORDER BY 1",
    )
    .await;
    assert!(!functions.is_empty());
    let mut calls = vec![
        // V017's way in, named as the report of the flaw did.
        "SELECT lcfs_db.mv_mark_stale('transaction')".to_owned(),
        "SELECT lcfs_db.mv_note_changes()".to_owned(),
        "SELECT lcfs_db.mv_truncated()".to_owned(),
    ];
    for function in &functions {
        let name = function.split('(').next().unwrap();
        for argument in [
            "transaction",
            "mv_transaction_aggregate",
            "mv_fuel_code_count",
        ] {
            calls.push(format!(
                "SELECT set_config('lcfs_db.mv_pending', ',{argument},', true); \
                 SELECT * FROM {name}({})",
                if function.ends_with("()") {
                    String::new()
                } else {
                    format!("'{argument}'")
                }
            ));
        }
    }
    for call in &calls {
        session.batch_execute("SAVEPOINT call").await.unwrap();
        let outcome = session.batch_execute(call).await;
        let undo = match outcome {
            Ok(()) => "RELEASE SAVEPOINT call",
            Err(_) => "ROLLBACK TO SAVEPOINT call",
        };
        session.batch_execute(undo).await.unwrap();
    }

    // With its transaction still open, the refresh state is as it was and the owner's writes
    // go through at once.
    assert_eq!(refresh_state(&db).await, before);
    db.batch_execute("SET lock_timeout = '2s'").await.unwrap();
    let started = std::time::Instant::now();
    db.batch_execute(INSERT_TRANSACTION)
        .await
        .expect("the owner's write waits for nobody");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(stale_views(&db).await, Vec::<&str>::new());
    session.batch_execute("ROLLBACK").await.unwrap();
    drop(session);
    nobody.drop(&db).await;
}

/// A role that writes every watched table and owns the views (it must, to refresh them), with
/// a schema of its own.
const WRITER_GRANTS: &str = "GRANT USAGE ON SCHEMA lcfs_db TO {role}; \
     GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public, lcfs_db TO {role}; \
     GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}; \
     ALTER MATERIALIZED VIEW mv_transaction_aggregate OWNER TO {role}; \
     ALTER MATERIALIZED VIEW mv_credit_ledger OWNER TO {role}; \
     ALTER MATERIALIZED VIEW mv_transaction_count OWNER TO {role}; \
     ALTER MATERIALIZED VIEW mv_director_review_transaction_count OWNER TO {role}; \
     ALTER MATERIALIZED VIEW mv_compliance_report_count OWNER TO {role}; \
     ALTER MATERIALIZED VIEW mv_org_compliance_report_count OWNER TO {role}; \
     ALTER MATERIALIZED VIEW mv_fuel_code_count OWNER TO {role}; \
     CREATE SCHEMA own AUTHORIZATION {role}";

#[lcfs_db::test]
async fn a_writer_gets_fresh_views_whatever_it_sets(db: TestDatabase) {
    db.batch_execute(LEDGER).await.unwrap();
    let writer = Role::create(&db, "refresh_writer", WRITER_GRANTS).await;
    let session = writer.connect(&db).await;
    assert_eq!(stale_views(&session).await, Vec::<&str>::new());

    // A note appended to a value set beforehand must still be found.
    for pending in ["x", "x,", ",", ",mv_credit_ledger"] {
        session
            .batch_execute(&format!(
                "SET lcfs_db.mv_pending = '{pending}'; {INSERT_TRANSACTION}"
            ))
            .await
            .unwrap();
        assert_eq!(
            stale_views(&session).await,
            Vec::<&str>::new(),
            "after SET lcfs_db.mv_pending = '{pending}' and an insert"
        );
    }
    session
        .batch_execute("RESET lcfs_db.mv_pending")
        .await
        .unwrap();

    // Its own schema first on the search_path, holding stand-ins for what the triggers use.
    session
        .batch_execute(
            "CREATE VIEW own.pg_matviews AS SELECT * FROM pg_catalog.pg_matviews WHERE false; \
             CREATE FUNCTION own.set_config(text, text, boolean) RETURNS text \
                 LANGUAGE sql AS 'SELECT $2'; \
             SET search_path = own, pg_catalog, public",
        )
        .await
        .unwrap();
    for write in [
        INSERT_TRANSACTION,
        "UPDATE transfer SET current_status_id = 5 WHERE transfer_id = 1",
        "UPDATE transfer SET current_status_id = 6 WHERE transfer_id = 1",
    ] {
        session.batch_execute(write).await.unwrap();
        assert_eq!(
            stale_views(&session).await,
            Vec::<&str>::new(),
            "after `{write}` with the writer's own schema first on the search_path"
        );
    }
    drop(session);
    writer.drop(&db).await;
}
