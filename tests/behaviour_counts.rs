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

fn counts<const N: usize>(pairs: [(&str, i64); N]) -> Counts {
    pairs.map(|(kind, n)| (kind.to_owned(), n)).into()
}

#[lcfs_db::test]
async fn counters_follow_writes_to_the_tables_they_count(db: TestDatabase) {
    // A fresh database: always 3 and 5 rows of zeros, and no Draft fuel-code row.
    let (in_progress, for_review, drafts) = counters(&db).await;
    assert_eq!(
        in_progress,
        counts([
            ("admin_adjustments", 0),
            ("initiative_agreements", 0),
            ("transfers", 0)
        ])
    );
    assert_eq!(
        for_review,
        counts([
            ("admin_adjustments", 0),
            ("compliance_reports", 0),
            ("fuel_codes", 0),
            ("initiative_agreements", 0),
            ("transfers", 0),
        ])
    );
    assert!(drafts.is_empty());

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

    let (in_progress, for_review, drafts) = counters(&db).await;
    // In progress: transfers 4 and 5; agreements 1, 2, 2; adjustments 1, 1, 2.
    assert_eq!(
        in_progress,
        counts([
            ("admin_adjustments", 3),
            ("initiative_agreements", 3),
            ("transfers", 2)
        ])
    );
    // For the director: transfer 5; agreements 2, 2; adjustment 2; fuel codes 4, 4, 4.
    assert_eq!(
        for_review,
        counts([
            ("admin_adjustments", 1),
            ("compliance_reports", 0),
            ("fuel_codes", 3),
            ("initiative_agreements", 2),
            ("transfers", 1),
        ])
    );
    // Draft fuel codes 1 and 2.
    assert_eq!(drafts, counts([("Draft", 2)]));

    // Each watched table refreshes its counters.
    db.batch_execute(
        "UPDATE transfer SET current_status_id = 6 WHERE transfer_id = 5;
         UPDATE initiative_agreement SET current_status_id = 3 WHERE current_status_id = 2;
         DELETE FROM admin_adjustment WHERE current_status_id = 2;
         UPDATE fuel_code SET fuel_status_id = 2 WHERE fuel_status_id IN (1, 4);",
    )
    .await
    .unwrap();
    let (in_progress, for_review, drafts) = counters(&db).await;
    // Transfer 4; agreement 1; adjustments 1, 1.
    assert_eq!(
        in_progress,
        counts([
            ("admin_adjustments", 2),
            ("initiative_agreements", 1),
            ("transfers", 1)
        ])
    );
    assert_eq!(
        for_review,
        counts([
            ("admin_adjustments", 0),
            ("compliance_reports", 0),
            ("fuel_codes", 0),
            ("initiative_agreements", 0),
            ("transfers", 0),
        ])
    );
    // Grouped: no Draft code left means no row, not a zero.
    assert!(drafts.is_empty());
}
