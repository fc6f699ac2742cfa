//! `v_compliance_report` (behaviour.md §6.1) and the counters read from it or from
//! compliance_report: `mv_compliance_report_count` (§7.5), `mv_org_compliance_report_count`
//! (§7.6) and the compliance-report row of `mv_director_review_transaction_count` (§7.4), kept
//! fresh by the statement triggers on compliance_report.
//!
//! Status ids: 1 Draft, 2 Submitted, 4 Recommended_by_manager, 5 Assessed, 10 Analyst_adjustment.
//! Compliance period 15 is 2024, 16 is 2025.

mod common;

use common::fixtures::{compliance_report, organization, user_profile};
use common::insert::insert;
use lcfs_db::enums::ComplianceReportStatus::{
    self, AnalystAdjustment, Assessed, Draft, RecommendedByManager, Submitted,
    SupplementalRequested,
};
use lcfs_db::enums::SupplementalInitiatorType::{
    self, GovernmentInitiated, GovernmentReassessment, SupplierSupplemental,
};
use lcfs_db::tables::NewComplianceReport;
use lcfs_db::testing::TestDatabase;
use lcfs_db::{FromRow, Row};
use tokio_postgres::Client;

#[derive(Debug, PartialEq, Row)]
#[row(table = "v_compliance_report")]
struct Listed {
    compliance_report_id: i32,
    compliance_report_group_uuid: String,
    version: i32,
    compliance_period: String,
    organization_name: String,
    report_status_id: i32,
    report_status: ComplianceReportStatus,
    is_latest: bool,
    latest_status: ComplianceReportStatus,
    latest_report_supplemental_initiator: Option<SupplementalInitiatorType>,
    assigned_analyst_first_name: Option<String>,
    assigned_analyst_last_name: Option<String>,
}

#[derive(Debug, PartialEq, Row)]
#[row(table = "mv_compliance_report_count")]
struct InReview {
    status: String,
    count: i64,
}

#[derive(Debug, PartialEq, Row)]
#[row(table = "mv_org_compliance_report_count")]
struct PerOrganization {
    organization_id: i32,
    count_in_progress: i64,
    count_awaiting_gov_review: i64,
}

async fn read<T: FromRow>(db: &Client, rest: &str) -> Vec<T> {
    let sql = format!("{} {rest}", T::select_sql());
    db.query(&sql, &[])
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e:?}"))
        .iter()
        .map(|row| T::from_row(row).unwrap())
        .collect()
}

/// In the view's own order: group ascending, version descending.
async fn listed(db: &Client) -> Vec<Listed> {
    read(db, "").await
}

async fn in_review(db: &Client) -> Vec<(String, i64)> {
    read::<InReview>(db, "ORDER BY status COLLATE \"C\"")
        .await
        .into_iter()
        .map(|r| (r.status, r.count))
        .collect()
}

async fn per_organization(db: &Client) -> Vec<(i32, i64, i64)> {
    read::<PerOrganization>(db, "ORDER BY organization_id")
        .await
        .into_iter()
        .map(|r| {
            (
                r.organization_id,
                r.count_in_progress,
                r.count_awaiting_gov_review,
            )
        })
        .collect()
}

async fn reports_for_director(db: &Client) -> i64 {
    db.query_one(
        "SELECT count_for_review FROM mv_director_review_transaction_count \
         WHERE transaction_type = 'compliance_reports'",
        &[],
    )
    .await
    .unwrap()
    .get(0)
}

fn report(
    id: i32,
    (period, organization): (i32, i32),
    status: Option<i32>,
    (group, version): (&str, i32),
    initiator: Option<SupplementalInitiatorType>,
) -> NewComplianceReport {
    NewComplianceReport {
        supplemental_initiator: initiator,
        nickname: Some(format!("Report {id}")),
        ..compliance_report(id, period, organization, status, group, version)
    }
}

/// A row of the list: `(report, group, version)`, with its statuses, initiator of the group's
/// latest version and the period and organization of the data set.
fn row(
    (id, group, version): (i32, &str, i32),
    (period, organization): (&str, &str),
    raw: i32,
    status: ComplianceReportStatus,
    is_latest: bool,
    latest_status: ComplianceReportStatus,
    latest_initiator: Option<SupplementalInitiatorType>,
) -> Listed {
    Listed {
        compliance_report_id: id,
        compliance_report_group_uuid: group.to_owned(),
        version,
        compliance_period: period.to_owned(),
        organization_name: organization.to_owned(),
        report_status_id: raw,
        report_status: status,
        is_latest,
        latest_status,
        latest_report_supplemental_initiator: latest_initiator,
        assigned_analyst_first_name: None,
        assigned_analyst_last_name: None,
    }
}

const ONE: &str = "Reporter One";
const TWO: &str = "Reporter Two";

async fn report_data_set(db: &Client) {
    insert(
        db,
        &[
            organization(301, "RP01", ONE),
            organization(302, "RP02", TWO),
        ],
    )
    .await;
    insert(db, &[user_profile(900, "analyst1", "Ana", "Lyst")]).await;
    let (p2024_one, p2024_two, p2025_one, p2025_two) = ((15, 301), (15, 302), (16, 301), (16, 302));
    insert(
        db,
        &[
            // G1: an assessed report and the supplier's draft supplemental.
            NewComplianceReport {
                assigned_analyst_id: Some(900),
                ..report(101, p2024_one, Some(5), ("G1", 0), None)
            },
            report(
                102,
                p2024_one,
                Some(1),
                ("G1", 1),
                Some(SupplierSupplemental),
            ),
            // G2: the government asked for a supplemental, still a draft.
            report(103, p2024_one, Some(5), ("G2", 0), None),
            report(
                104,
                p2024_one,
                Some(1),
                ("G2", 1),
                Some(GovernmentInitiated),
            ),
            // G3: a submitted supplemental.
            report(105, p2024_one, Some(5), ("G3", 0), None),
            report(
                106,
                p2024_one,
                Some(2),
                ("G3", 1),
                Some(SupplierSupplemental),
            ),
            // G4: a government reassessment.
            report(107, p2024_two, Some(5), ("G4", 0), None),
            report(
                108,
                p2024_two,
                Some(5),
                ("G4", 1),
                Some(GovernmentReassessment),
            ),
            // G5: an analyst adjustment of a submitted report.
            report(109, p2024_two, Some(2), ("G5", 0), None),
            report(110, p2024_two, Some(10), ("G5", 1), None),
            // G6: three versions, the newest a draft.
            report(111, p2025_two, Some(5), ("G6", 0), None),
            report(
                112,
                p2025_two,
                Some(2),
                ("G6", 1),
                Some(SupplierSupplemental),
            ),
            report(
                113,
                p2025_two,
                Some(1),
                ("G6", 2),
                Some(SupplierSupplemental),
            ),
            // G7: no status at all.
            report(114, p2025_two, None, ("G7", 0), None),
            // G8: recommended by the manager.
            report(115, p2025_one, Some(4), ("G8", 0), None),
        ],
    )
    .await;
}

#[lcfs_db::test]
async fn the_list_shows_the_latest_version_and_its_predecessor_when_due(db: TestDatabase) {
    report_data_set(&db).await;
    let y2024 = ("2024", ONE);
    let y2024_two = ("2024", TWO);
    let y2025_one = ("2025", ONE);
    let y2025_two = ("2025", TWO);
    let expected = [
        // G1: latest is Draft, so version 0 shows too, with its own status (the initiator is
        // the supplier's, not GOVERNMENT_INITIATED). Its analyst is named.
        row(
            (102, "G1", 1),
            y2024,
            1,
            Draft,
            true,
            Draft,
            Some(SupplierSupplemental),
        ),
        Listed {
            assigned_analyst_first_name: Some("Ana".into()),
            assigned_analyst_last_name: Some("Lyst".into()),
            ..row(
                (101, "G1", 0),
                y2024,
                5,
                Assessed,
                false,
                Draft,
                Some(SupplierSupplemental),
            )
        },
        // G2: latest Draft, rank 2, initiated by the government: Supplemental_requested.
        row(
            (104, "G2", 1),
            y2024,
            1,
            Draft,
            true,
            Draft,
            Some(GovernmentInitiated),
        ),
        row(
            (103, "G2", 0),
            y2024,
            5,
            SupplementalRequested,
            false,
            Draft,
            Some(GovernmentInitiated),
        ),
        // G3: latest Submitted: version 0 (105) is hidden.
        row(
            (106, "G3", 1),
            y2024,
            2,
            Submitted,
            true,
            Submitted,
            Some(SupplierSupplemental),
        ),
        // G4: a government reassessment keeps the reassessed version in view.
        row(
            (108, "G4", 1),
            y2024_two,
            5,
            Assessed,
            true,
            Assessed,
            Some(GovernmentReassessment),
        ),
        row(
            (107, "G4", 0),
            y2024_two,
            5,
            Assessed,
            false,
            Assessed,
            Some(GovernmentReassessment),
        ),
        // G5: latest Analyst_adjustment: version 0 shows too.
        row(
            (110, "G5", 1),
            y2024_two,
            10,
            AnalystAdjustment,
            true,
            AnalystAdjustment,
            None,
        ),
        row(
            (109, "G5", 0),
            y2024_two,
            2,
            Submitted,
            false,
            AnalystAdjustment,
            None,
        ),
        // G6: rank 1 and 2 only; version 0 (111) is rank 3.
        row(
            (113, "G6", 2),
            y2025_two,
            1,
            Draft,
            true,
            Draft,
            Some(SupplierSupplemental),
        ),
        row(
            (112, "G6", 1),
            y2025_two,
            2,
            Submitted,
            false,
            Draft,
            Some(SupplierSupplemental),
        ),
        // G7 (114) has no status: left out. G8: a single version.
        row(
            (115, "G8", 0),
            y2025_one,
            4,
            RecommendedByManager,
            true,
            RecommendedByManager,
            None,
        ),
    ];
    assert_eq!(listed(&db).await, expected);
}

#[lcfs_db::test]
async fn the_review_counters_follow_every_report_change(db: TestDatabase) {
    assert!(in_review(&db).await.is_empty());
    assert!(per_organization(&db).await.is_empty());
    assert_eq!(reports_for_director(&db).await, 0);
    report_data_set(&db).await;

    // mv_compliance_report_count: listed rows with raw status not Draft, derived status
    // Submitted, Recommended_by_analyst, Recommended_by_manager or Analyst_adjustment, and the
    // version equal to the group's newest non-draft version (G3 1, G5 1, G6 1, G8 0):
    // 106 Submitted (G3 v1), 110 Analyst_adjustment (G5 v1), 112 Submitted (G6 v1),
    // 115 Recommended_by_manager (G8 v0). 109 is Submitted but G5's newest non-draft is v1;
    // 103's derived status is Supplemental_requested; 101, 107, 108 are Assessed.
    assert_eq!(
        in_review(&db).await,
        [
            ("Analyst_adjustment".into(), 1),
            ("Recommended_by_manager".into(), 1),
            ("Submitted".into(), 2),
        ]
    );
    // mv_org_compliance_report_count, on each group's newest version, drafts and NULL included:
    // One: 102 Draft, 104 Draft, 106 Submitted, 115 Recommended_by_manager: 2 in progress, 2 in
    // review. Two: 108 Assessed (neither), 110 Analyst_adjustment (review), 113 Draft
    // (progress), 114 no status (neither).
    assert_eq!(per_organization(&db).await, [(301, 2, 2), (302, 1, 1)]);
    // Director: newest non-Draft, non-Analyst_adjustment listed version per group (101, 103, 106,
    // 108, 109, 112, 115); raw status 4: 115 only.
    assert_eq!(reports_for_director(&db).await, 1);

    // 115 assessed: it leaves review everywhere.
    db.batch_execute(
        "UPDATE compliance_report SET current_status_id = 5 WHERE compliance_report_id = 115",
    )
    .await
    .unwrap();
    assert_eq!(
        in_review(&db).await,
        [("Analyst_adjustment".into(), 1), ("Submitted".into(), 2)]
    );
    assert_eq!(per_organization(&db).await, [(301, 2, 1), (302, 1, 1)]);
    assert_eq!(reports_for_director(&db).await, 0);

    // G6's draft withdrawn: 112 (Submitted) is the newest, so Reporter Two has nothing in
    // progress and two in review (110, 112); the list shows 112 alone for G6.
    db.batch_execute("DELETE FROM compliance_report WHERE compliance_report_id = 113")
        .await
        .unwrap();
    assert_eq!(per_organization(&db).await, [(301, 2, 1), (302, 0, 2)]);
    assert_eq!(
        in_review(&db).await,
        [("Analyst_adjustment".into(), 1), ("Submitted".into(), 2)]
    );
    let g6: Vec<(i32, bool)> = listed(&db)
        .await
        .into_iter()
        .filter(|r| r.compliance_report_group_uuid == "G6")
        .map(|r| (r.compliance_report_id, r.is_latest))
        .collect();
    assert_eq!(g6, [(112, true)]);
}
