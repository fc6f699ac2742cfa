//! Rows to insert, as the generated `New…` structs, with the few values a behaviour test cares
//! about; every other column is left to the database (its default, else NULL). Tests change
//! fields with struct update syntax and insert with `common::insert::insert`.
//!
//! Status ids are LCFS's seeded ones: transfer 1 Draft … 3 Sent, 4 Submitted, 5 Recommended,
//! 6 Recorded; agreements and adjustments 1 Draft, 2 Recommended, 3 Approved; compliance reports
//! 1 Draft, 2 Submitted, 4 Recommended_by_manager, 5 Assessed, 10 Analyst_adjustment; fuel codes
//! 1 Draft, 2 Approved, 3 Deleted, 4 Recommended. Compliance period 15 is 2024, 16 is 2025.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use lcfs_db::enums::{ReportingFrequency, TransactionAction, TransferCommentSource};
use lcfs_db::tables::*;
use rust_decimal::Decimal;
use tokio_postgres::Client;

/// `2024-06-01 20:00` read as UTC.
pub fn utc(text: &str) -> DateTime<Utc> {
    local(text).and_utc()
}

/// `2024-06-01 20:00` as a `timestamp without time zone`.
pub fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap_or_else(|e| panic!("{text}: {e}"))
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Session time zone UTC, the zone behaviour.md's worked examples assume.
pub async fn in_utc(db: &Client) {
    db.batch_execute("SET TimeZone = 'UTC'").await.unwrap();
}

pub fn organization(id: i32, code: &str, name: &str) -> NewOrganization {
    NewOrganization {
        organization_id: Some(id),
        name: Some(name.to_owned()),
        ..NewOrganization::new(code.to_owned(), true)
    }
}

pub fn transaction(
    id: i32,
    organization: i32,
    units: i64,
    action: TransactionAction,
) -> NewTransaction {
    NewTransaction {
        transaction_id: Some(id),
        compliance_units: Some(units),
        organization_id: Some(organization),
        transaction_action: Some(action),
        ..NewTransaction::new(true)
    }
}

pub fn transfer(id: i32, from: i32, to: i32, quantity: i64, status: i32) -> NewTransfer {
    NewTransfer {
        transfer_id: Some(id),
        from_organization_id: Some(from),
        to_organization_id: Some(to),
        price_per_unit: Some(Decimal::ONE),
        quantity: Some(quantity),
        current_status_id: Some(status),
        ..NewTransfer::new()
    }
}

pub fn transfer_history(id: i32, transfer: i32, status: i32, at: &str) -> NewTransferHistory {
    NewTransferHistory {
        transfer_history_id: Some(id),
        transfer_id: Some(transfer),
        transfer_status_id: Some(status),
        create_date: Some(utc(at)),
        update_date: Some(utc(at)),
        ..NewTransferHistory::new()
    }
}

pub fn transfer_comment(
    id: i32,
    transfer: i32,
    source: TransferCommentSource,
    text: &str,
) -> NewTransferComment {
    NewTransferComment {
        transfer_comment_id: Some(id),
        comment: Some(text.to_owned()),
        ..NewTransferComment::new(transfer, source)
    }
}

pub fn initiative_agreement(id: i32, to: i32, units: i64, status: i32) -> NewInitiativeAgreement {
    NewInitiativeAgreement {
        initiative_agreement_id: Some(id),
        compliance_units: Some(units),
        to_organization_id: Some(to),
        current_status_id: Some(status),
        ..NewInitiativeAgreement::new(true)
    }
}

pub fn initiative_agreement_history(
    id: i32,
    agreement: i32,
    status: i32,
    at: &str,
) -> NewInitiativeAgreementHistory {
    NewInitiativeAgreementHistory {
        initiative_agreement_history_id: Some(id),
        initiative_agreement_id: Some(agreement),
        initiative_agreement_status_id: Some(status),
        create_date: Some(utc(at)),
        update_date: Some(utc(at)),
        ..NewInitiativeAgreementHistory::new(true)
    }
}

pub fn admin_adjustment(id: i32, to: i32, units: i64, status: i32) -> NewAdminAdjustment {
    NewAdminAdjustment {
        admin_adjustment_id: Some(id),
        compliance_units: Some(units),
        to_organization_id: Some(to),
        current_status_id: Some(status),
        ..NewAdminAdjustment::new(true)
    }
}

pub fn admin_adjustment_history(
    id: i32,
    adjustment: i32,
    status: i32,
    at: &str,
) -> NewAdminAdjustmentHistory {
    NewAdminAdjustmentHistory {
        admin_adjustment_history_id: Some(id),
        admin_adjustment_id: Some(adjustment),
        admin_adjustment_status_id: Some(status),
        create_date: Some(utc(at)),
        update_date: Some(utc(at)),
        ..NewAdminAdjustmentHistory::new(true)
    }
}

/// An annual report; `status` None is a report whose status is missing.
pub fn compliance_report(
    id: i32,
    period: i32,
    organization: i32,
    status: Option<i32>,
    group: &str,
    version: i32,
) -> NewComplianceReport {
    NewComplianceReport {
        compliance_report_id: Some(id),
        current_status_id: status,
        ..NewComplianceReport::new(
            period,
            organization,
            group.to_owned(),
            version,
            ReportingFrequency::Annual,
        )
    }
}

pub fn user_profile(id: i32, username: &str, first: &str, last: &str) -> NewUserProfile {
    NewUserProfile {
        user_profile_id: Some(id),
        first_name: Some(first.to_owned()),
        last_name: Some(last.to_owned()),
        ..NewUserProfile::new(username.to_owned(), true)
    }
}

/// A BCLCF (prefix 1) code for Biodiesel (fuel type 1).
pub fn fuel_code(id: i32, status: i32) -> NewFuelCode {
    NewFuelCode {
        fuel_code_id: Some(id),
        fuel_status_id: Some(status),
        last_updated: Some(utc("2024-01-01 00:00")),
        ..NewFuelCode::new(
            1,
            format!("{}.0", 100 + id),
            "Fuel Co".to_owned(),
            Decimal::TEN,
            "edrms".to_owned(),
            date("2024-01-01"),
            1,
            "canola".to_owned(),
            "BC".to_owned(),
            true,
        )
    }
}
