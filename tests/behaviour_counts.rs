//! The dashboard counters `mv_transaction_count` (behaviour.md §7.3),
//! `mv_director_review_transaction_count` (§7.4, its compliance-report row is in
//! behaviour_compliance_reports) and `mv_fuel_code_count` (§7.7), kept fresh by
//! `refresh_mv_transaction_count`, `refresh_mv_director_review_transaction_count` and
//! `refresh_mv_fuel_code_count` through their statement triggers.
//!
//! Status ids are hard-coded in LCFS: transfers 4 Submitted, 5 Recommended; agreements and
//! adjustments 1 Draft, 2 Recommended; fuel codes 1 Draft, 4 Recommended.

mod common;

use common::fixtures::{admin_adjustment, fuel_code, initiative_agreement, organization, transfer};
use common::insert::insert;
use lcfs_db::testing::TestDatabase;
use lcfs_db::{FromRow, Row};
use tokio_postgres::Client;

#[derive(Debug, Row)]
#[row(table = "mv_transaction_count")]
struct InProgress {
    transaction_type: String,
    count_in_progress: i64,
}

#[derive(Debug, Row)]
#[row(table = "mv_director_review_transaction_count")]
struct ForReview {
    transaction_type: String,
    count_for_review: i64,
}

#[derive(Debug, Row)]
#[row(table = "mv_fuel_code_count")]
struct DraftFuelCodes {
    status: String,
    count: i64,
}

async fn read<T: FromRow>(db: &Client) -> Vec<T> {
    let sql = T::select_sql();
    db.query(&sql, &[])
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e:?}"))
        .iter()
        .map(|row| T::from_row(row).unwrap())
        .collect()
}

type Counts = Vec<(String, i64)>;

/// `(kind, count)` per row of each counter, sorted by kind.
async fn counters(db: &Client) -> (Counts, Counts, Counts) {
    let sorted = |mut counts: Counts| {
        counts.sort();
        counts
    };
    let in_progress = read::<InProgress>(db).await;
    let for_review = read::<ForReview>(db).await;
    let drafts = read::<DraftFuelCodes>(db).await;
    (
        sorted(
            in_progress
                .into_iter()
                .map(|r| (r.transaction_type, r.count_in_progress))
                .collect(),
        ),
        sorted(
            for_review
                .into_iter()
                .map(|r| (r.transaction_type, r.count_for_review))
                .collect(),
        ),
        sorted(drafts.into_iter().map(|r| (r.status, r.count)).collect()),
    )
}

#[lcfs_db::test]
async fn counters_follow_writes_to_the_tables_they_count(db: TestDatabase) {
    // A fresh database: always 3 and 5 rows of zeros, and no Draft fuel-code row.
    assert_eq!(counters(&db).await, expected([0; 3], [0; 5], None));

    insert(
        &db,
        &[
            organization(1, "OR01", "One"),
            organization(2, "OR02", "Two"),
        ],
    )
    .await;
    // Transfer n has status n, 1 to 9.
    let transfers: Vec<_> = (1..=9).map(|n| transfer(n, 1, 2, 10, n)).collect();
    insert(&db, &transfers).await;
    // Agreement statuses 1, 2, 2, 3, 4; adjustment statuses 1, 1, 2, 3.
    let agreements: Vec<_> = [1, 2, 2, 3, 4]
        .into_iter()
        .zip(1..)
        .map(|(status, id)| initiative_agreement(id, 1, 100, status))
        .collect();
    insert(&db, &agreements).await;
    let adjustments: Vec<_> = [1, 1, 2, 3]
        .into_iter()
        .zip(1..)
        .map(|(status, id)| admin_adjustment(id, 1, 100, status))
        .collect();
    insert(&db, &adjustments).await;
    // Fuel-code statuses 1, 1, 2, 3, 4, 4, 4.
    let codes: Vec<_> = [1, 1, 2, 3, 4, 4, 4]
        .into_iter()
        .zip(1..)
        .map(|(status, id)| fuel_code(id, status))
        .collect();
    insert(&db, &codes).await;

    // In progress: adjustments 1, 1, 2; agreements 1, 2, 2; transfers 4 and 5. For the
    // director: adjustment 2; no report; fuel codes 4, 4, 4; agreements 2, 2; transfer 5.
    // Draft fuel codes 1 and 2.
    assert_eq!(
        counters(&db).await,
        expected([3, 3, 2], [1, 0, 3, 2, 1], Some(2))
    );

    // Each watched table refreshes its counters by itself: checked after every statement, so
    // that a later refresh cannot hide a missing trigger.
    let steps = [
        // Transfer 5 recorded: transfer 4 alone in progress, none for the director.
        (
            "UPDATE transfer SET current_status_id = 6 WHERE transfer_id = 5",
            [3, 3, 1],
            [1, 0, 3, 2, 0],
            Some(2),
        ),
        // Recommended agreements approved: agreement 1 (Draft) alone in progress.
        (
            "UPDATE initiative_agreement SET current_status_id = 3 WHERE current_status_id = 2",
            [3, 1, 1],
            [1, 0, 3, 0, 0],
            Some(2),
        ),
        // The recommended adjustment deleted: adjustments 1 and 2 (both Draft) in progress.
        (
            "DELETE FROM admin_adjustment WHERE current_status_id = 2",
            [2, 1, 1],
            [0, 0, 3, 0, 0],
            Some(2),
        ),
        // Draft and recommended fuel codes approved: grouped, so no Draft row, not a zero.
        (
            "UPDATE fuel_code SET fuel_status_id = 2 WHERE fuel_status_id IN (1, 4)",
            [2, 1, 1],
            [0, 0, 0, 0, 0],
            None,
        ),
    ];
    for (statement, in_progress, for_review, drafts) in steps {
        db.batch_execute(statement).await.unwrap();
        assert_eq!(
            counters(&db).await,
            expected(in_progress, for_review, drafts),
            "after {statement}"
        );
    }
}

/// The three counters from `[admin_adjustments, initiative_agreements, transfers]` in
/// progress, `[admin_adjustments, compliance_reports, fuel_codes, initiative_agreements,
/// transfers]` for review, and the Draft fuel-code count if it has a row.
fn expected(
    in_progress: [i64; 3],
    for_review: [i64; 5],
    drafts: Option<i64>,
) -> (Counts, Counts, Counts) {
    let named = |names: &[&str], values: &[i64]| -> Counts {
        names
            .iter()
            .map(|n| n.to_string())
            .zip(values.iter().copied())
            .collect()
    };
    (
        named(
            &["admin_adjustments", "initiative_agreements", "transfers"],
            &in_progress,
        ),
        named(
            &[
                "admin_adjustments",
                "compliance_reports",
                "fuel_codes",
                "initiative_agreements",
                "transfers",
            ],
            &for_review,
        ),
        drafts
            .map(|n| ("Draft".to_owned(), n))
            .into_iter()
            .collect(),
    )
}
