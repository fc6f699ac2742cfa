//! The row triggers that keep organization figures in step (behaviour.md §4.6, §4.7):
//! `update_organization_balance` on transaction and `update_count_transfers_in_progress` on
//! transfer, including lcfs-db's recomputation of the organization a row moves away from
//! (docs/differences.md #7, #8).

mod common;

use common::audit::{audit_mark, audit_since, audit_summary};
use common::fixtures::{organization, transaction, transfer};
use common::insert::{insert, select_all};
use lcfs_db::enums::TransactionAction::{Adjustment, Released, Reserved};
use lcfs_db::tables::{NewTransaction, Organization};
use lcfs_db::testing::TestDatabase;
use serde_json::{Value, json};
use tokio_postgres::Client;

/// `(organization_id, total_balance, reserved_balance, count_transfers_in_progress)` of each
/// organization, read back through the generated struct.
async fn figures(db: &Client) -> Vec<(i32, i64, i64, i32)> {
    select_all::<Organization>(db)
        .await
        .into_iter()
        .map(|o| {
            (
                o.organization_id,
                o.total_balance,
                o.reserved_balance,
                o.count_transfers_in_progress,
            )
        })
        .collect()
}

/// `(organization_id, count_transfers_in_progress)` of each organization.
async fn counts(db: &Client) -> Vec<(i32, i32)> {
    figures(db)
        .await
        .into_iter()
        .map(|(id, _, _, count)| (id, count))
        .collect()
}

type AuditLine = (String, String, Value, Option<Value>);

fn line(table: &str, operation: &str, id: i32, delta: Option<Value>) -> AuditLine {
    (table.into(), operation.into(), json!(id), delta)
}

#[lcfs_db::test]
async fn balances_follow_adjustments_and_negative_reservations(db: TestDatabase) {
    db.batch_execute("SET app.username = 'tester'")
        .await
        .unwrap();
    insert(
        &db,
        &[
            organization(101, "A001", "Org A"),
            organization(102, "B002", "Org B"),
        ],
    )
    .await;
    let mark = audit_mark(&db).await;
    insert(
        &db,
        &[
            transaction(1, 101, 1000, Adjustment),
            NewTransaction {
                effective_status: false,
                ..transaction(2, 101, -200, Adjustment)
            },
            transaction(3, 101, -50, Reserved),
            transaction(4, 101, 30, Reserved),
            transaction(5, 101, 70, Released),
        ],
    )
    .await;
    // total = Adjustments 1000 - 200 = 800 (effective_status ignored); reserved = negative
    // Reserved rows only = -50 (the +30 Reserved and the Released 70 do not count).
    assert_eq!(figures(&db).await, [(101, 800, -50, 0), (102, 0, 0, 0)]);
    // AFTER ROW triggers fire at the end of the statement, so the first recomputation already
    // sees all five rows; each of the five firings still writes its organization audit row,
    // the later four with a NULL delta.
    let both = Some(json!({"total_balance": 800, "reserved_balance": -50}));
    assert_eq!(
        audit_summary(&db, mark).await,
        [
            line("transaction", "INSERT", 1, None),
            line("organization", "UPDATE", 101, both),
            line("transaction", "INSERT", 2, None),
            line("organization", "UPDATE", 101, None),
            line("transaction", "INSERT", 3, None),
            line("organization", "UPDATE", 101, None),
            line("transaction", "INSERT", 4, None),
            line("organization", "UPDATE", 101, None),
            line("transaction", "INSERT", 5, None),
            line("organization", "UPDATE", 101, None),
        ]
    );
    assert!(
        audit_since(&db, mark)
            .await
            .iter()
            .all(|row| row.create_user.as_deref() == Some("tester"))
    );

    // Deleting the -50 reservation: reserved back to 0, from OLD's organization.
    let mark = audit_mark(&db).await;
    db.batch_execute("DELETE FROM transaction WHERE transaction_id = 3")
        .await
        .unwrap();
    assert_eq!(figures(&db).await, [(101, 800, 0, 0), (102, 0, 0, 0)]);
    assert_eq!(
        audit_summary(&db, mark).await,
        [
            line("transaction", "DELETE", 3, None),
            line(
                "organization",
                "UPDATE",
                101,
                Some(json!({"reserved_balance": 0}))
            ),
        ]
    );

    // Moving the 1000 to Org B: B = 1000; A = -200. LCFS would leave A at 800
    // (docs/differences.md #7): lcfs-db recomputes both, one audit row each.
    let mark = audit_mark(&db).await;
    db.batch_execute("UPDATE transaction SET organization_id = 102 WHERE transaction_id = 1")
        .await
        .unwrap();
    assert_eq!(figures(&db).await, [(101, -200, 0, 0), (102, 1000, 0, 0)]);
    let mut rows = audit_summary(&db, mark).await;
    rows[1..].sort_by_key(|row| row.2.as_i64());
    assert_eq!(
        rows,
        [
            line(
                "transaction",
                "UPDATE",
                1,
                Some(json!({"organization_id": 102}))
            ),
            line(
                "organization",
                "UPDATE",
                101,
                Some(json!({"total_balance": -200}))
            ),
            line(
                "organization",
                "UPDATE",
                102,
                Some(json!({"total_balance": 1000}))
            ),
        ]
    );

    // A change that moves no balance still recomputes, and is audited with a NULL delta.
    let mark = audit_mark(&db).await;
    db.batch_execute("UPDATE transaction SET effective_status = true WHERE transaction_id = 2")
        .await
        .unwrap();
    assert_eq!(
        audit_summary(&db, mark).await,
        [
            line(
                "transaction",
                "UPDATE",
                2,
                Some(json!({"effective_status": true}))
            ),
            line("organization", "UPDATE", 101, None),
        ]
    );

    // A transaction without an organization updates none.
    let mark = audit_mark(&db).await;
    insert(
        &db,
        &[NewTransaction {
            organization_id: None,
            ..transaction(6, 0, 5, Adjustment)
        }],
    )
    .await;
    assert_eq!(
        audit_summary(&db, mark).await,
        [line("transaction", "INSERT", 6, None)]
    );
    assert_eq!(figures(&db).await, [(101, -200, 0, 0), (102, 1000, 0, 0)]);
}

#[lcfs_db::test]
async fn transfers_in_progress_count_sent_submitted_and_recommended(db: TestDatabase) {
    insert(
        &db,
        &[
            organization(101, "A001", "Org A"),
            organization(102, "B002", "Org B"),
            organization(103, "C003", "Org C"),
        ],
    )
    .await;
    // Status 3 Sent, 1 Draft, 4 Submitted, 5 Recommended, 6 Recorded.
    insert(
        &db,
        &[
            transfer(1, 101, 102, 10, 3),
            transfer(2, 101, 102, 10, 1),
            transfer(3, 102, 101, 10, 4),
            transfer(4, 101, 103, 5, 5),
            transfer(5, 103, 102, 5, 6),
        ],
    )
    .await;
    // In progress (3, 4, 5), either party: A has 1, 3, 4; B has 1, 3; C has 4.
    assert_eq!(counts(&db).await, [(101, 3), (102, 2), (103, 1)]);

    // Transfer 1 recorded: A keeps 3, 4; B keeps 3.
    db.batch_execute("UPDATE transfer SET current_status_id = 6 WHERE transfer_id = 1")
        .await
        .unwrap();
    assert_eq!(counts(&db).await, [(101, 2), (102, 1), (103, 1)]);

    // Transfer 4 now goes to B instead of C: A has 3, 4; B has 3, 4; C none. LCFS would leave C
    // at 1 (docs/differences.md #8): lcfs-db recomputes the organization it left.
    db.batch_execute("UPDATE transfer SET to_organization_id = 102 WHERE transfer_id = 4")
        .await
        .unwrap();
    assert_eq!(counts(&db).await, [(101, 2), (102, 2), (103, 0)]);

    // Deleting transfer 3 recomputes both its parties from OLD: A and B keep 4.
    let mark = audit_mark(&db).await;
    db.batch_execute("DELETE FROM transfer WHERE transfer_id = 3")
        .await
        .unwrap();
    assert_eq!(counts(&db).await, [(101, 1), (102, 1), (103, 0)]);
    let mut rows = audit_summary(&db, mark).await;
    rows[1..].sort_by_key(|row| row.2.as_i64());
    let one = Some(json!({"count_transfers_in_progress": 1}));
    assert_eq!(
        rows,
        [
            line("transfer", "DELETE", 3, None),
            line("organization", "UPDATE", 101, one.clone()),
            line("organization", "UPDATE", 102, one),
        ]
    );
}
