//! `mv_transaction_aggregate` and `mv_credit_ledger` (behaviour.md §7.1, §7.2) on a small data
//! set built from the generated row types, kept fresh by `refresh_transaction_aggregate` through
//! its nine statement triggers (§4.8, §5).
//!
//! The session time zone S is UTC, as in behaviour.md's worked examples. SHIFT(x) of a
//! timestamptz reads x's UTC wall clock as Vancouver time: +7 h in summer (PDT, 2024-03-10 to
//! 2024-11-03), +8 h in winter (PST). VANLOCAL(t) of a timestamp is Vancouver's wall clock at the
//! UTC instant t: -7 h or -8 h.

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use common::fixtures::*;
use common::insert::{insert, select_all, try_insert};
use lcfs_db::enums::TransactionAction::{Adjustment, Reserved};
use lcfs_db::enums::TransferCategory;
use lcfs_db::enums::TransferCommentSource::{FromOrg, Government, ToOrg};
use lcfs_db::tables::*;
use lcfs_db::testing::TestDatabase;
use lcfs_db::{FromRow, Row};
use rust_decimal::Decimal;
use tokio_postgres::Client;

#[derive(Debug, Clone, PartialEq, Row)]
#[row(table = "mv_transaction_aggregate")]
struct Aggregate {
    transaction_type: String,
    transaction_id: i32,
    description: Option<String>,
    from_organization_id: Option<i32>,
    from_organization: Option<String>,
    to_organization_id: Option<i32>,
    to_organization: Option<String>,
    quantity: Option<i64>,
    price_per_unit: Option<Decimal>,
    status: Option<String>,
    compliance_period: Option<String>,
    from_org_comment: Option<String>,
    to_org_comment: Option<String>,
    government_comment: Option<String>,
    category: Option<TransferCategory>,
    recorded_date: Option<NaiveDate>,
    approved_date: Option<NaiveDate>,
    transaction_effective_date: Option<NaiveDate>,
    update_date: Option<DateTime<Utc>>,
    create_date: Option<DateTime<Utc>>,
    rn: i64,
}

#[derive(Debug, PartialEq, Row)]
#[row(table = "mv_credit_ledger")]
struct Ledger {
    organization_id: i32,
    transaction_type: String,
    transaction_id: i32,
    compliance_period: Option<String>,
    compliance_units: Option<i64>,
    available_balance: Option<Decimal>,
    update_date: Option<DateTime<Utc>>,
}

async fn rows<T: FromRow>(db: &Client, order: &str) -> Vec<T> {
    let sql = format!("{} ORDER BY {order}", T::select_sql());
    db.query(&sql, &[])
        .await
        .unwrap()
        .iter()
        .map(|row| T::from_row(row).unwrap())
        .collect()
}

async fn aggregate_rows(db: &Client) -> Vec<Aggregate> {
    rows(db, "transaction_type COLLATE \"C\", transaction_id").await
}

async fn ledger_rows(db: &Client) -> Vec<Ledger> {
    rows(db, "organization_id, update_date").await
}

/// An aggregate row with only its identity, receiver, quantity and status; rn is always 1.
fn aggregate(kind: &str, id: i32, to: (i32, &str), quantity: i64, status: &str) -> Aggregate {
    Aggregate {
        transaction_type: kind.to_owned(),
        transaction_id: id,
        description: None,
        from_organization_id: None,
        from_organization: None,
        to_organization_id: Some(to.0),
        to_organization: Some(to.1.to_owned()),
        quantity: Some(quantity),
        price_per_unit: None,
        status: Some(status.to_owned()),
        compliance_period: None,
        from_org_comment: None,
        to_org_comment: None,
        government_comment: None,
        category: None,
        recorded_date: None,
        approved_date: None,
        transaction_effective_date: None,
        update_date: None,
        create_date: None,
        rn: 1,
    }
}

fn ledger(org: i32, kind: &str, id: i32, year: &str, units: i64, balance: i64, at: &str) -> Ledger {
    Ledger {
        organization_id: org,
        transaction_type: kind.to_owned(),
        transaction_id: id,
        compliance_period: Some(year.to_owned()),
        compliance_units: Some(units),
        available_balance: Some(Decimal::from(balance)),
        update_date: Some(utc(at)),
    }
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

const ALPHA: (i32, &str) = (201, "Alpha");
const BETA: (i32, &str) = (202, "Beta");
const GAMMA: (i32, &str) = (203, "Gamma");

/// Three organizations and one of each kind of credit transaction, several statuses.
async fn ledger_data_set(db: &Client) {
    in_utc(db).await;
    insert(
        db,
        &[
            organization(201, "AL01", "Alpha"),
            organization(202, "BE02", "Beta"),
            organization(203, "GA03", "Gamma"),
        ],
    )
    .await;
    insert(
        db,
        &[
            // Carried by compliance report 1: not standalone.
            NewTransaction {
                create_date: Some(utc("2024-09-01 00:00")),
                update_date: Some(utc("2024-09-01 00:00")),
                ..transaction(10, 201, 300, Adjustment)
            },
            // Standalone, dated by its effective date.
            NewTransaction {
                effective_date: Some(date("2024-12-31")),
                create_date: Some(utc("2024-05-05 00:00")),
                ..transaction(11, 203, 40, Adjustment)
            },
            // Not effective: not in the aggregate (but in the balance, which ignores the flag).
            NewTransaction {
                effective_status: false,
                create_date: Some(utc("2024-05-05 00:00")),
                ..transaction(12, 203, 99, Adjustment)
            },
            // Standalone, dated by its creation.
            NewTransaction {
                create_date: Some(utc("2024-02-01 00:00")),
                ..transaction(13, 201, -20, Reserved)
            },
            // The reservation behind transfer 1: not standalone.
            NewTransaction {
                create_date: Some(utc("2024-06-01 20:00")),
                ..transaction(14, 201, -100, Reserved)
            },
        ],
    )
    .await;
    // Never updated, as rows written before update_date had a default: the views fall back to
    // create_date.
    db.batch_execute("UPDATE transaction SET update_date = NULL WHERE transaction_id IN (11, 13)")
        .await
        .unwrap();
    insert(
        db,
        &[
            NewTransfer {
                from_transaction_id: Some(14),
                price_per_unit: Some(Decimal::new(250, 2)),
                transfer_category_id: Some(1),
                transaction_effective_date: Some(local("2024-12-31 20:00")),
                create_date: Some(utc("2024-06-01 20:00")),
                update_date: Some(utc("2024-06-02 10:00")),
                ..transfer(1, 201, 202, 100, 6)
            },
            NewTransfer {
                price_per_unit: Some(Decimal::new(300, 2)),
                create_date: Some(utc("2024-07-01 00:00")),
                update_date: Some(utc("2024-07-01 00:00")),
                ..transfer(2, 201, 203, 50, 5)
            },
            NewTransfer {
                transfer_category_id: Some(2),
                create_date: Some(utc("2024-12-01 00:00")),
                update_date: Some(utc("2025-01-02 00:00")),
                ..transfer(3, 202, 201, 30, 6)
            },
        ],
    )
    .await;
    insert(
        db,
        &[
            transfer_history(1, 1, 3, "2024-06-01 20:00"),
            transfer_history(2, 1, 6, "2024-06-02 10:00"),
            transfer_history(3, 3, 6, "2024-12-31 20:00"),
        ],
    )
    .await;
    insert(
        db,
        &[
            transfer_comment(1, 1, FromOrg, "from c"),
            transfer_comment(2, 1, ToOrg, "to c"),
            transfer_comment(3, 1, Government, "gov c"),
            transfer_comment(4, 1, Government, "gov c2"),
        ],
    )
    .await;
    insert(
        db,
        &[
            NewInitiativeAgreement {
                transaction_effective_date: Some(local("2025-01-01 00:00")),
                gov_comment: some("ia gov"),
                create_date: Some(utc("2024-01-15 12:00")),
                update_date: Some(utc("2024-01-16 12:00")),
                ..initiative_agreement(1, 201, 500, 3)
            },
            NewInitiativeAgreement {
                create_date: Some(utc("2024-01-15 12:00")),
                update_date: Some(utc("2024-01-15 12:00")),
                ..initiative_agreement(2, 202, 200, 1)
            },
        ],
    )
    .await;
    insert(
        db,
        &[
            initiative_agreement_history(1, 1, 1, "2024-01-15 12:00"),
            initiative_agreement_history(2, 1, 3, "2024-03-12 12:00"),
        ],
    )
    .await;
    insert(
        db,
        &[
            NewAdminAdjustment {
                transaction_effective_date: Some(local("2024-07-01 12:00")),
                create_date: Some(utc("2024-07-01 12:00")),
                update_date: Some(utc("2024-07-01 12:00")),
                ..admin_adjustment(1, 202, -75, 3)
            },
            NewAdminAdjustment {
                create_date: Some(utc("2024-07-01 12:00")),
                update_date: Some(utc("2024-07-01 12:00")),
                ..admin_adjustment(2, 203, 10, 2)
            },
        ],
    )
    .await;
    insert(db, &[admin_adjustment_history(1, 1, 3, "2024-07-02 23:30")]).await;
    insert(
        db,
        &[NewComplianceReport {
            transaction_id: Some(10),
            nickname: some("Original Report"),
            create_date: Some(utc("2024-03-01 00:00")),
            update_date: Some(utc("2024-09-01 00:00")),
            ..compliance_report(1, 15, 201, Some(5), "g-ledger", 0)
        }],
    )
    .await;
}

#[lcfs_db::test]
async fn the_aggregate_lists_every_credit_transaction(db: TestDatabase) {
    assert!(
        aggregate_rows(&db).await.is_empty(),
        "empty on a fresh database"
    );
    assert!(
        ledger_rows(&db).await.is_empty(),
        "empty on a fresh database"
    );
    ledger_data_set(&db).await;

    let expected = [
        // Approved (3). Year of VANLOCAL(2024-07-01 12:00) = 2024-07-01 05:00: '2024'.
        // approved_date: SHIFT(2024-07-02 23:30Z) = 2024-07-03 06:30Z, a date in UTC: 07-03.
        // Dates: SHIFT(2024-07-01 12:00Z) = 19:00Z.
        Aggregate {
            compliance_period: some("2024"),
            approved_date: Some(date("2024-07-03")),
            transaction_effective_date: Some(date("2024-07-01")),
            update_date: Some(utc("2024-07-01 19:00")),
            create_date: Some(utc("2024-07-01 19:00")),
            ..aggregate("AdminAdjustment", 1, BETA, -75, "Approved")
        },
        // Any status is listed; no effective date, no year.
        Aggregate {
            update_date: Some(utc("2024-07-01 19:00")),
            create_date: Some(utc("2024-07-01 19:00")),
            ..aggregate("AdminAdjustment", 2, GAMMA, 10, "Recommended")
        },
        // Assessed with a transaction: its units (300), the period's description, the nickname.
        // SHIFT(2024-09-01 00:00Z, PDT) = 07:00Z; SHIFT(2024-03-01 00:00Z, PST) = 08:00Z.
        Aggregate {
            description: some("Original Report"),
            compliance_period: some("2024"),
            update_date: Some(utc("2024-09-01 07:00")),
            create_date: Some(utc("2024-03-01 08:00")),
            ..aggregate("ComplianceReport", 1, ALPHA, 300, "Assessed")
        },
        // VANLOCAL(2025-01-01 00:00) = 2024-12-31 16:00: year '2024', date 2024-12-31.
        // approved_date: SHIFT(2024-03-12 12:00Z, PDT) = 19:00Z: 2024-03-12.
        Aggregate {
            compliance_period: some("2024"),
            government_comment: some("ia gov"),
            approved_date: Some(date("2024-03-12")),
            transaction_effective_date: Some(date("2024-12-31")),
            update_date: Some(utc("2024-01-16 20:00")),
            create_date: Some(utc("2024-01-15 20:00")),
            ..aggregate("InitiativeAgreement", 1, ALPHA, 500, "Approved")
        },
        Aggregate {
            update_date: Some(utc("2024-01-15 20:00")),
            create_date: Some(utc("2024-01-15 20:00")),
            ..aggregate("InitiativeAgreement", 2, BETA, 200, "Draft")
        },
        // Effective date 2024-12-31 at midnight in S, SHIFTed (PST): 2024-12-31 08:00Z. No
        // update date: the creation's SHIFT(2024-05-05 00:00Z, PDT) = 07:00Z.
        Aggregate {
            compliance_period: some("2024"),
            transaction_effective_date: Some(date("2024-12-31")),
            update_date: Some(utc("2024-05-05 07:00")),
            create_date: Some(utc("2024-05-05 07:00")),
            ..aggregate("StandaloneTransaction", 11, GAMMA, 40, "Recorded")
        },
        // No effective date: SHIFT(create 2024-02-01 00:00Z, PST) = 08:00Z for all three.
        Aggregate {
            compliance_period: some("2024"),
            transaction_effective_date: Some(date("2024-02-01")),
            update_date: Some(utc("2024-02-01 08:00")),
            create_date: Some(utc("2024-02-01 08:00")),
            ..aggregate("StandaloneTransaction", 13, ALPHA, -20, "Recorded")
        },
        // Recorded. Year: effective 2024-12-31 20:00 as timestamptz in S, SHIFTed (PST) =
        // 2025-01-01 04:00Z: '2025' (behaviour.md's own example). recorded_date: SHIFT(history
        // 2024-06-02 10:00Z, PDT) = 17:00Z: 06-02. Effective date: VANLOCAL = 2024-12-31 12:00.
        // Two GOVERNMENT comments: the first by id (docs/differences.md #9).
        Aggregate {
            from_organization_id: Some(201),
            from_organization: some("Alpha"),
            price_per_unit: Some(Decimal::new(250, 2)),
            compliance_period: some("2025"),
            from_org_comment: some("from c"),
            to_org_comment: some("to c"),
            government_comment: some("gov c"),
            category: Some(TransferCategory::A),
            recorded_date: Some(date("2024-06-02")),
            transaction_effective_date: Some(date("2024-12-31")),
            update_date: Some(utc("2024-06-02 17:00")),
            create_date: Some(utc("2024-06-02 03:00")),
            ..aggregate("Transfer", 1, BETA, 100, "Recorded")
        },
        // Not Recorded: year 'N/A', no recorded date.
        Aggregate {
            from_organization_id: Some(201),
            from_organization: some("Alpha"),
            price_per_unit: Some(Decimal::new(300, 2)),
            compliance_period: some("N/A"),
            update_date: Some(utc("2024-07-01 07:00")),
            create_date: Some(utc("2024-07-01 07:00")),
            ..aggregate("Transfer", 2, GAMMA, 50, "Recommended")
        },
        // Recorded without an effective date: the year of SHIFT(recorded 2024-12-31 20:00Z) =
        // 2025-01-01 04:00Z, '2025', which is also the recorded date. SHIFT(2025-01-02 00:00Z)
        // = 08:00Z; SHIFT(2024-12-01 00:00Z) = 08:00Z.
        Aggregate {
            from_organization_id: Some(202),
            from_organization: some("Beta"),
            price_per_unit: Some(Decimal::ONE),
            compliance_period: some("2025"),
            category: Some(TransferCategory::B),
            recorded_date: Some(date("2025-01-01")),
            update_date: Some(utc("2025-01-02 08:00")),
            create_date: Some(utc("2024-12-01 08:00")),
            ..aggregate("Transfer", 3, ALPHA, 30, "Recorded")
        },
    ];
    // Transactions 10 (the report's), 12 (not effective) and 14 (a transfer's) are not
    // standalone.
    assert_eq!(aggregate_rows(&db).await, expected);
}

#[lcfs_db::test]
async fn the_ledger_keeps_a_running_balance_per_organization(db: TestDatabase) {
    ledger_data_set(&db).await;
    // Recorded transfers count on both sides, Approved adjustments and agreements, the Assessed
    // report and standalone transactions; transfer 2 (Recommended), agreement 2 (Draft) and
    // adjustment 2 (Recommended) do not. The balance runs in update order (SHIFTed dates from
    // the aggregate above).
    let expected = [
        // Alpha: 500, 500 - 20 = 480, 480 - 100 = 380, 380 + 300 = 680, 680 + 30 = 710.
        ledger(
            201,
            "InitiativeAgreement",
            1,
            "2024",
            500,
            500,
            "2024-01-16 20:00",
        ),
        ledger(
            201,
            "StandaloneTransaction",
            13,
            "2024",
            -20,
            480,
            "2024-02-01 08:00",
        ),
        ledger(201, "Transfer", 1, "2025", -100, 380, "2024-06-02 17:00"),
        ledger(
            201,
            "ComplianceReport",
            1,
            "2024",
            300,
            680,
            "2024-09-01 07:00",
        ),
        ledger(201, "Transfer", 3, "2025", 30, 710, "2025-01-02 08:00"),
        // Beta: 100, 100 - 75 = 25, 25 - 30 = -5.
        ledger(202, "Transfer", 1, "2025", 100, 100, "2024-06-02 17:00"),
        ledger(
            202,
            "AdminAdjustment",
            1,
            "2024",
            -75,
            25,
            "2024-07-01 19:00",
        ),
        ledger(202, "Transfer", 3, "2025", -30, -5, "2025-01-02 08:00"),
        // Gamma: 40.
        ledger(
            203,
            "StandaloneTransaction",
            11,
            "2024",
            40,
            40,
            "2024-05-05 07:00",
        ),
    ];
    assert_eq!(ledger_rows(&db).await, expected);

    // The balance trigger saw the same transactions: Alpha's Adjustments are 300, its negative
    // reservations -20 and -100; Gamma's Adjustments 40 + 99 (not effective, still counted).
    // Transfer 2 (Recommended) is in progress for Alpha and Gamma.
    let figures: Vec<(i32, i64, i64, i32)> = select_all::<Organization>(&db)
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
        .collect();
    assert_eq!(
        figures,
        [(201, 300, -120, 1), (202, 0, 0, 0), (203, 139, 0, 1)]
    );
}

#[lcfs_db::test]
async fn every_watched_table_refreshes_the_aggregate_and_the_ledger(db: TestDatabase) {
    ledger_data_set(&db).await;
    let name_of_alpha = "SELECT DISTINCT to_organization::text FROM mv_transaction_aggregate \
                         WHERE to_organization_id = 201";
    let watched = [
        ("transfer", "transfer_id"),
        ("transfer_history", "transfer_history_id"),
        ("transfer_comment", "transfer_comment_id"),
        ("initiative_agreement", "initiative_agreement_id"),
        (
            "initiative_agreement_history",
            "initiative_agreement_history_id",
        ),
        ("admin_adjustment", "admin_adjustment_id"),
        ("admin_adjustment_history", "admin_adjustment_history_id"),
        ("compliance_report", "compliance_report_id"),
        ("transaction", "transaction_id"),
    ];
    for (round, (table, key)) in watched.into_iter().enumerate() {
        let name = format!("Alpha {round}");
        // organization is not watched: the views keep the old name...
        db.execute(
            "UPDATE organization SET name = $1 WHERE organization_id = 201",
            &[&name],
        )
        .await
        .unwrap();
        let shown: Vec<String> = common::probe::column(&db, name_of_alpha).await;
        assert_ne!(shown, [name.as_str()], "{table}: refreshed too early");
        // ...until a statement on a watched table, even one that changes no row.
        db.batch_execute(&format!("UPDATE {table} SET {key} = {key} WHERE false"))
            .await
            .unwrap();
        let shown: Vec<String> = common::probe::column(&db, name_of_alpha).await;
        assert_eq!(
            shown,
            [name.as_str()],
            "{table} does not refresh the aggregate"
        );
        let ledger_balance: Vec<Decimal> = common::probe::column(
            &db,
            "SELECT available_balance FROM mv_credit_ledger WHERE organization_id = 201 \
             ORDER BY update_date DESC LIMIT 1",
        )
        .await;
        assert_eq!(ledger_balance, [Decimal::from(710)]);
    }

    // The ledger is refreshed after the aggregate: a new standalone transaction reaches both.
    insert(
        &db,
        &[NewTransaction {
            create_date: Some(utc("2025-02-01 00:00")),
            update_date: Some(utc("2025-02-01 00:00")),
            ..transaction(15, 202, 5, Adjustment)
        }],
    )
    .await;
    let beta: Vec<Ledger> = ledger_rows(&db)
        .await
        .into_iter()
        .filter(|row| row.organization_id == 202)
        .collect();
    assert_eq!(
        beta.last().unwrap(),
        // Beta's -5 + 5; SHIFT(2025-02-01 00:00Z, PST) = 08:00Z.
        &ledger(
            202,
            "StandaloneTransaction",
            15,
            "2025",
            5,
            0,
            "2025-02-01 08:00"
        )
    );

    // Without mv_credit_ledger, the aggregate alone is refreshed and the write succeeds.
    db.batch_execute(
        "BEGIN;
         DROP MATERIALIZED VIEW mv_credit_ledger;
         UPDATE organization SET name = 'Alpha Again' WHERE organization_id = 201;
         UPDATE transaction SET transaction_id = transaction_id WHERE false;",
    )
    .await
    .unwrap();
    let shown: Vec<String> = common::probe::column(&db, name_of_alpha).await;
    db.batch_execute("ROLLBACK").await.unwrap();
    assert_eq!(shown, ["Alpha Again"]);
}

#[lcfs_db::test]
async fn a_recorded_transfer_to_oneself_fails_the_write(db: TestDatabase) {
    ledger_data_set(&db).await;
    // Two ledger rows with key (50, Transfer, 203): the concurrent refresh fails, and with it
    // the insert that fired it (behaviour.md §7.2's edge case).
    let error = try_insert(&db, &[transfer(50, 203, 203, 5, 6)])
        .await
        .unwrap_err();
    let error = error.db_error().expect("a database error");
    assert_eq!(
        (error.code(), error.constraint()),
        (
            &tokio_postgres::error::SqlState::UNIQUE_VIOLATION,
            Some("mv_credit_ledger_tx_org_idx")
        ),
        "{error:?}"
    );
    let left: Vec<i64> =
        common::probe::column(&db, "SELECT count(*) FROM transfer WHERE transfer_id = 50").await;
    assert_eq!(left, [0]);
}
