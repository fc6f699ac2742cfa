//! The audit machinery as behaviour.md §4.1–4.5 describes it: `jsonb_diff` and
//! `generate_json_delta`, `audit_trigger_func` (with the user from `app.username`),
//! `ensure_audit_triggers` and `is_user_safe_to_remove`; and lcfs-db's intentional differences
//! (docs/differences.md #2–#6).

mod common;

use std::collections::BTreeSet;

use common::audit::{audit_mark, audit_since, audit_summary};
use common::fixtures::{date, fuel_code, in_utc, organization, transaction, utc};
use common::insert::insert;
use lcfs_db::FromRow;
use lcfs_db::enums::TransactionAction;
use lcfs_db::tables::{
    NewFinalSupplyEquipmentRegNumber, NewOrganization, NewTransaction, Organization,
};
use lcfs_db::testing::TestDatabase;
use serde_json::{Value, json};
use tokio_postgres::Client;

async fn count(db: &Client, sql: &str) -> i64 {
    db.query_one(sql, &[]).await.unwrap().get(0)
}

#[lcfs_db::test]
async fn jsonb_diff_keeps_the_new_pairs_the_old_row_lacks(db: TestDatabase) {
    // (old, new, expected) per §4.1.
    let cases: [(Option<Value>, Option<Value>, Option<Value>); 7] = [
        // b changed: its new value; d added; c only in old: not shown; a unchanged: not shown.
        (
            Some(json!({"a": 1, "b": 2, "c": 3})),
            Some(json!({"a": 1, "b": 5, "d": 4})),
            Some(json!({"b": 5, "d": 4})),
        ),
        // A value changed to SQL NULL shows as JSON null.
        (
            Some(json!({"a": 1})),
            Some(json!({"a": null})),
            Some(json!({"a": null})),
        ),
        // Nested values are compared whole, and shown whole.
        (
            Some(json!({"a": {"x": 1}})),
            Some(json!({"a": {"x": 1, "y": 2}})),
            Some(json!({"a": {"x": 1, "y": 2}})),
        ),
        // Nothing differs: SQL NULL, not {}.
        (
            Some(json!({"a": 1, "b": [1, 2]})),
            Some(json!({"b": [1, 2], "a": 1})),
            None,
        ),
        // new NULL: NULL.
        (Some(json!({"a": 1})), None, None),
        // old NULL: all of new.
        (
            None,
            Some(json!({"a": 1, "b": 2})),
            Some(json!({"a": 1, "b": 2})),
        ),
        // old NULL and new empty: NULL.
        (None, Some(json!({})), None),
    ];
    for (old, new, expected) in cases {
        let row = db
            .query_one(
                "SELECT jsonb_diff($1, $2), generate_json_delta($1, $2)",
                &[&old, &new],
            )
            .await
            .unwrap();
        let (diff, delta): (Option<Value>, Option<Value>) = (row.get(0), row.get(1));
        assert_eq!(diff, expected, "jsonb_diff({old:?}, {new:?})");
        assert_eq!(delta, expected, "generate_json_delta({old:?}, {new:?})");
    }
}

#[lcfs_db::test]
async fn every_write_leaves_one_audit_row_with_the_session_user(db: TestDatabase) {
    in_utc(&db).await;
    // docs/differences.md #6: the triggers come after the seed rows, so the log starts empty.
    assert_eq!(count(&db, "SELECT count(*) FROM audit_log").await, 0);

    let alpha = NewOrganization {
        create_date: Some(utc("2024-01-02 03:04")),
        ..organization(1, "AL01", "Alpha")
    };
    insert(&db, &[alpha]).await;
    let rows = audit_since(&db, 0).await;
    assert_eq!(rows.len(), 1);
    let added = &rows[0];
    assert_eq!(
        (added.table_name.as_str(), added.operation.as_str()),
        ("organization", "INSERT")
    );
    assert_eq!(added.row_id, json!(1), "the integer key as a JSON number");
    assert_eq!((&added.old_values, &added.delta), (&None, &None));
    let new = added.new_values.as_ref().unwrap();
    let keys: BTreeSet<&str> = new
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        Organization::COLUMNS.iter().copied().collect(),
        "the whole row"
    );
    assert_eq!(new["name"], json!("Alpha"));
    assert_eq!(new["total_balance"], json!(0));
    assert_eq!(new["email"], Value::Null);
    assert_eq!(new["create_date"], json!("2024-01-02T03:04:00+00:00"));
    // app.username never set in this session: NULL, with no fallback to the login role.
    assert_eq!((&added.create_user, &added.update_user), (&None, &None));

    db.batch_execute("SET app.username = 'analyst.one'")
        .await
        .unwrap();
    let mark = audit_mark(&db).await;
    db.batch_execute(
        "UPDATE organization SET name = 'Alpha Fuels', operating_name = 'AF' WHERE organization_id = 1",
    )
    .await
    .unwrap();
    let rows = audit_since(&db, mark).await;
    assert_eq!(rows.len(), 1);
    let changed = &rows[0];
    assert_eq!(changed.operation, "UPDATE");
    assert_eq!(changed.old_values.as_ref().unwrap()["name"], json!("Alpha"));
    assert_eq!(
        changed.new_values.as_ref().unwrap()["name"],
        json!("Alpha Fuels")
    );
    assert_eq!(
        changed.delta,
        Some(json!({"name": "Alpha Fuels", "operating_name": "AF"}))
    );
    let user = Some("analyst.one".to_owned());
    assert_eq!((&changed.create_user, &changed.update_user), (&user, &user));

    // A no-op update is still audited, with a NULL delta.
    let mark = audit_mark(&db).await;
    db.batch_execute("UPDATE organization SET name = name")
        .await
        .unwrap();
    assert_eq!(
        audit_summary(&db, mark).await,
        [("organization".into(), "UPDATE".into(), json!(1), None)]
    );

    // After RESET the setting exists but is empty: ''.
    db.batch_execute("RESET app.username; UPDATE organization SET email = 'a@example.com'")
        .await
        .unwrap();
    let last = audit_since(&db, audit_mark(&db).await - 1).await;
    assert_eq!(last[0].create_user.as_deref(), Some(""));

    let mark = audit_mark(&db).await;
    db.batch_execute("DELETE FROM organization WHERE organization_id = 1")
        .await
        .unwrap();
    let rows = audit_since(&db, mark).await;
    assert_eq!(rows.len(), 1);
    let removed = &rows[0];
    assert_eq!(
        (removed.operation.as_str(), &removed.row_id),
        ("DELETE", &json!(1))
    );
    assert_eq!(
        removed.old_values.as_ref().unwrap()["email"],
        json!("a@example.com")
    );
    assert_eq!((&removed.new_values, &removed.delta), (&None, &None));
}

#[lcfs_db::test]
async fn one_row_per_affected_row_in_firing_order(db: TestDatabase) {
    in_utc(&db).await;
    insert(
        &db,
        &[
            organization(2, "BE02", "Beta"),
            organization(3, "GA03", "Gamma"),
        ],
    )
    .await;
    let mark = audit_mark(&db).await;
    db.batch_execute("UPDATE organization SET phone = '555'")
        .await
        .unwrap();
    let rows = audit_since(&db, mark).await;
    let mut ids: Vec<i64> = rows.iter().filter_map(|r| r.row_id.as_i64()).collect();
    ids.sort();
    assert_eq!(ids, [2, 3]);
    assert!(
        rows.iter()
            .all(|r| r.delta == Some(json!({"phone": "555"})))
    );
    // One transaction, one now(): every row of it carries the same timestamps.
    assert_eq!(rows[0].create_date, rows[1].create_date);
    assert_eq!(rows[0].create_date, rows[0].update_date);

    // §5 firing order on transaction: its own audit row, then the balance trigger's update of
    // the organization (total 0 → 300), whose audit trigger writes the second row.
    let mark = audit_mark(&db).await;
    let units = NewTransaction {
        create_date: Some(utc("2024-09-01 00:00")),
        effective_date: Some(date("2024-12-31")),
        ..transaction(70, 2, 300, TransactionAction::Adjustment)
    };
    insert(&db, &[units]).await;
    let rows = audit_since(&db, mark).await;
    assert_eq!(
        rows.iter()
            .map(|r| (
                r.table_name.as_str(),
                r.operation.as_str(),
                r.row_id.clone(),
                r.delta.clone()
            ))
            .collect::<Vec<_>>(),
        [
            ("transaction", "INSERT", json!(70), None),
            (
                "organization",
                "UPDATE",
                json!(2),
                Some(json!({"total_balance": 300}))
            ),
        ]
    );
    // Values as row-to-jsonb gives them: numbers, enum labels, ISO timestamps with offset, dates.
    let new = rows[0].new_values.as_ref().unwrap();
    assert_eq!(new["compliance_units"], json!(300));
    assert_eq!(new["transaction_action"], json!("Adjustment"));
    assert_eq!(new["create_date"], json!("2024-09-01T00:00:00+00:00"));
    assert_eq!(new["effective_date"], json!("2024-12-31"));
    assert_eq!(new["effective_status"], json!(true));

    let mark = audit_mark(&db).await;
    insert(&db, &[fuel_code(1, 1)]).await;
    let rows = audit_since(&db, mark).await;
    let new = rows[0].new_values.as_ref().unwrap();
    assert!(
        new["carbon_intensity"].is_number(),
        "numeric as a JSON number: {new}"
    );
}

fn reg_number(code: &str) -> NewFinalSupplyEquipmentRegNumber {
    NewFinalSupplyEquipmentRegNumber::new(code.to_owned(), "V8V1A1".to_owned(), 1)
}

#[lcfs_db::test]
async fn row_id_is_the_first_key_column_parsed_as_json(db: TestDatabase) {
    // Primary key (organization_code, postal_code): only organization_code is logged. A digit-only
    // code parses as a JSON number, as in LCFS. 'AB12' is not JSON: LCFS fails the write, lcfs-db
    // stores it as a JSON string (docs/differences.md #4).
    let mark = audit_mark(&db).await;
    insert(&db, &[reg_number("1234"), reg_number("AB12")]).await;
    db.batch_execute(
        "DELETE FROM final_supply_equipment_reg_number WHERE organization_code = 'AB12'",
    )
    .await
    .unwrap();
    let rows: Vec<(String, Value)> = audit_summary(&db, mark)
        .await
        .into_iter()
        .map(|(_, operation, row_id, _)| (operation, row_id))
        .collect();
    assert_eq!(
        rows,
        [
            ("INSERT".into(), json!(1234)),
            ("INSERT".into(), json!("AB12")),
            ("DELETE".into(), json!("AB12")),
        ]
    );

    // TRUNCATE is not audited.
    let mark = audit_mark(&db).await;
    db.batch_execute("TRUNCATE final_supply_equipment_reg_number")
        .await
        .unwrap();
    assert!(audit_since(&db, mark).await.is_empty());
}

#[lcfs_db::test]
async fn every_table_but_the_log_and_the_history_is_audited(db: TestDatabase) {
    let mut unaudited: Vec<String> = common::probe::column(
        &db,
        "SELECT t.tablename::text FROM pg_tables t WHERE t.schemaname = 'public' \
         AND NOT EXISTS (SELECT 1 FROM pg_trigger tg WHERE tg.tgrelid = format('public.%I', t.tablename)::regclass \
                         AND tg.tgfoid = 'audit_trigger_func'::regproc)",
    )
    .await;
    unaudited.sort();
    assert_eq!(unaudited, ["audit_log", "refinery_schema_history"]);
    // LCFS's 93 audit triggers minus the unreproduced charging_equipment_snapshot_* table, plus
    // the eight CI-application tables (docs/differences.md #2): 93 - 1 + 8.
    let audit_triggers =
        "SELECT count(*) FROM pg_trigger WHERE tgfoid = 'audit_trigger_func'::regproc";
    assert_eq!(count(&db, audit_triggers).await, 100);

    // A CI-application table records its changes like any other.
    let mark = audit_mark(&db).await;
    db.batch_execute(
        "UPDATE ci_application_status SET description = 'edited' WHERE ci_application_status_id = 1",
    )
    .await
    .unwrap();
    assert_eq!(
        audit_summary(&db, mark).await,
        [(
            "ci_application_status".into(),
            "UPDATE".into(),
            json!(1),
            Some(json!({"description": "edited"}))
        )]
    );

    // At head every table already has its trigger: ensure_audit_triggers adds none.
    db.batch_execute("SELECT ensure_audit_triggers()")
        .await
        .unwrap();
    assert_eq!(count(&db, audit_triggers).await, 100);
}

#[lcfs_db::test]
async fn ensure_audit_triggers_covers_new_tables_once(db: TestDatabase) {
    // 'audit_' + 59 characters + '_insert_update_delete' is 86 characters: cut to 63.
    let long = "a_table_with_a_name_long_enough_to_push_its_trigger_past_63";
    db.batch_execute(&format!(
        "CREATE TABLE {long} (id integer PRIMARY KEY, label text);
         CREATE TABLE scratch_schema_history (version integer PRIMARY KEY);
         CREATE TABLE already_audited (id integer PRIMARY KEY);
         CREATE TRIGGER my_own_name AFTER INSERT ON already_audited
             FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
         CREATE TABLE keyless (label text);
         SELECT ensure_audit_triggers();
         SELECT ensure_audit_triggers();"
    ))
    .await
    .unwrap();
    let mut triggers: Vec<String> = common::probe::column(
        &db,
        "SELECT c.relname || ' ' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid \
         WHERE c.relname IN ('a_table_with_a_name_long_enough_to_push_its_trigger_past_63', \
                             'scratch_schema_history', 'already_audited', 'keyless') \
        ",
    )
    .await;
    triggers.sort();
    let cut = format!("audit_{long}_insert_update_delete")[..63].to_owned();
    assert_eq!(
        cut,
        "audit_a_table_with_a_name_long_enough_to_push_its_trigger_past_"
    );
    assert_eq!(
        triggers,
        [
            format!("{long} {cut}"),
            "already_audited my_own_name".to_owned(),
            "keyless audit_keyless_insert_update_delete".to_owned(),
        ],
        "one trigger per new table, whatever its name; none for a migration history table"
    );

    let mark = audit_mark(&db).await;
    db.batch_execute(&format!("INSERT INTO {long} VALUES (7, 'x')"))
        .await
        .unwrap();
    assert_eq!(
        audit_summary(&db, mark).await,
        [(long.to_owned(), "INSERT".to_owned(), json!(7), None)]
    );

    // docs/differences.md #3: a table without a primary key fails with an error naming it.
    let error = db
        .batch_execute("INSERT INTO keyless VALUES ('x')")
        .await
        .unwrap_err();
    let message = error.as_db_error().unwrap().message();
    assert!(
        message.contains("public.keyless") && message.contains("no primary key"),
        "{message}"
    );
}

#[lcfs_db::test]
async fn ensure_audit_triggers_does_nothing_without_the_trigger_function(db: TestDatabase) {
    db.batch_execute(
        "BEGIN;
         DROP FUNCTION audit_trigger_func() CASCADE;
         CREATE TABLE unaudited (id integer PRIMARY KEY);
         SELECT ensure_audit_triggers();",
    )
    .await
    .unwrap();
    let triggers = count(
        &db,
        "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'unaudited'::regclass",
    )
    .await;
    db.batch_execute("ROLLBACK").await.unwrap();
    assert_eq!(triggers, 0);
}

#[lcfs_db::test]
async fn a_user_is_safe_to_remove_only_when_no_row_names_them(db: TestDatabase) {
    async fn safe(db: &Client, user: Option<&str>) -> bool {
        db.query_one("SELECT is_user_safe_to_remove($1)", &[&user])
            .await
            .unwrap()
            .get(0)
    }
    // The seeded user_profile row has create_user 'migration'; comparison ignores case only.
    assert!(!safe(&db, Some("migration")).await);
    assert!(!safe(&db, Some("MIGRATION")).await);
    assert!(safe(&db, Some("migration ")).await, "no trimming");
    assert!(safe(&db, Some("nobody")).await);
    assert!(safe(&db, None).await, "NULL matches nothing");

    // audit_log.create_user counts too: an audited write by 'tester' makes them unsafe.
    assert!(safe(&db, Some("tester")).await);
    db.batch_execute("SET app.username = 'tester'")
        .await
        .unwrap();
    insert(&db, &[organization(5, "TE05", "Tested")]).await;
    assert!(!safe(&db, Some("TESTER")).await);
}
