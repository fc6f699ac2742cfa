//! Rows of the generated types with the few values a behaviour test cares about; every other
//! field is NULL, false or zero. Tests change fields with struct update syntax.
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

pub fn organization(id: i32, code: &str, name: &str) -> Organization {
    Organization {
        organization_id: id,
        organization_code: code.to_owned(),
        name: Some(name.to_owned()),
        operating_name: None,
        email: None,
        phone: None,
        edrms_record: None,
        total_balance: 0,
        reserved_balance: 0,
        count_transfers_in_progress: 0,
        organization_status_id: None,
        organization_type_id: None,
        organization_address_id: None,
        organization_attorney_address_id: None,
        create_date: None,
        update_date: None,
        create_user: None,
        update_user: None,
        effective_date: None,
        effective_status: true,
        expiration_date: None,
        records_address: None,
        credit_trading_enabled: false,
        credit_market_contact_name: None,
        credit_market_contact_email: None,
        credit_market_contact_phone: None,
        credit_market_is_seller: false,
        credit_market_is_buyer: false,
        credits_to_sell: 0,
        display_in_credit_market: false,
        company_details: None,
        company_representation_agreements: None,
        company_acting_as_aggregator: None,
        company_additional_notes: None,
    }
}

pub fn transaction(
    id: i32,
    organization: i32,
    units: i64,
    action: TransactionAction,
) -> Transaction {
    Transaction {
        transaction_id: id,
        compliance_units: Some(units),
        organization_id: Some(organization),
        transaction_action: Some(action),
        create_date: None,
        update_date: None,
        create_user: None,
        update_user: None,
        effective_date: None,
        effective_status: true,
        expiration_date: None,
    }
}

pub fn transfer(id: i32, from: i32, to: i32, quantity: i64, status: i32) -> Transfer {
    Transfer {
        transfer_id: id,
        from_organization_id: Some(from),
        to_organization_id: Some(to),
        from_transaction_id: None,
        to_transaction_id: None,
        agreement_date: None,
        transaction_effective_date: None,
        price_per_unit: Some(Decimal::ONE),
        quantity: Some(quantity),
        transfer_category_id: None,
        current_status_id: Some(status),
        recommendation: None,
        create_date: None,
        update_date: None,
        create_user: None,
        update_user: None,
    }
}

pub fn transfer_history(id: i32, transfer: i32, status: i32, at: &str) -> TransferHistory {
    TransferHistory {
        transfer_history_id: id,
        transfer_id: Some(transfer),
        transfer_status_id: Some(status),
        user_profile_id: None,
        display_name: None,
        create_date: Some(utc(at)),
        update_date: Some(utc(at)),
        create_user: None,
        update_user: None,
    }
}

pub fn transfer_comment(
    id: i32,
    transfer: i32,
    source: TransferCommentSource,
    text: &str,
) -> TransferComment {
    TransferComment {
        transfer_comment_id: id,
        transfer_id: transfer,
        comment: Some(text.to_owned()),
        comment_source: source,
        create_date: None,
        update_date: None,
        create_user: None,
        update_user: None,
    }
}

pub fn initiative_agreement(id: i32, to: i32, units: i64, status: i32) -> InitiativeAgreement {
    InitiativeAgreement {
        initiative_agreement_id: id,
        compliance_units: Some(units),
        transaction_effective_date: None,
        gov_comment: None,
        to_organization_id: Some(to),
        transaction_id: None,
        current_status_id: Some(status),
        create_date: None,
        update_date: None,
        create_user: None,
        update_user: None,
        effective_date: None,
        effective_status: true,
        expiration_date: None,
    }
}

pub fn initiative_agreement_history(
    id: i32,
    agreement: i32,
    status: i32,
    at: &str,
) -> InitiativeAgreementHistory {
    InitiativeAgreementHistory {
        initiative_agreement_history_id: id,
        initiative_agreement_id: Some(agreement),
        initiative_agreement_status_id: Some(status),
        user_profile_id: None,
        display_name: None,
        create_date: Some(utc(at)),
        update_date: Some(utc(at)),
        create_user: None,
        update_user: None,
        effective_date: None,
        effective_status: true,
        expiration_date: None,
    }
}

pub fn admin_adjustment(id: i32, to: i32, units: i64, status: i32) -> AdminAdjustment {
    AdminAdjustment {
        admin_adjustment_id: id,
        compliance_units: Some(units),
        transaction_effective_date: None,
        gov_comment: None,
        to_organization_id: Some(to),
        transaction_id: None,
        current_status_id: Some(status),
        create_date: None,
        update_date: None,
        create_user: None,
        update_user: None,
        effective_date: None,
        effective_status: true,
        expiration_date: None,
    }
}

pub fn admin_adjustment_history(
    id: i32,
    adjustment: i32,
    status: i32,
    at: &str,
) -> AdminAdjustmentHistory {
    AdminAdjustmentHistory {
        admin_adjustment_history_id: id,
        admin_adjustment_id: Some(adjustment),
        admin_adjustment_status_id: Some(status),
        user_profile_id: None,
        display_name: None,
        create_date: Some(utc(at)),
        update_date: Some(utc(at)),
        create_user: None,
        update_user: None,
        effective_date: None,
        effective_status: true,
        expiration_date: None,
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
) -> ComplianceReport {
    ComplianceReport {
        compliance_report_id: id,
        compliance_period_id: period,
        organization_id: organization,
        current_status_id: status,
        transaction_id: None,
        compliance_report_group_uuid: group.to_owned(),
        legacy_id: None,
        version,
        supplemental_initiator: None,
        reporting_frequency: ReportingFrequency::Annual,
        nickname: None,
        supplemental_note: None,
        create_date: None,
        update_date: None,
        create_user: None,
        update_user: None,
        assessment_statement: None,
        assigned_analyst_id: None,
        is_non_assessment: false,
        is_renewable_fuel_exempted: false,
        is_low_carbon_fuel_exempted: false,
    }
}

pub fn user_profile(id: i32, username: &str, first: &str, last: &str) -> UserProfile {
    UserProfile {
        user_profile_id: id,
        keycloak_user_id: None,
        keycloak_email: None,
        keycloak_username: username.to_owned(),
        email: None,
        title: None,
        phone: None,
        mobile_phone: None,
        first_name: Some(first.to_owned()),
        last_name: Some(last.to_owned()),
        is_active: true,
        organization_id: None,
        create_date: None,
        update_date: None,
        create_user: None,
        update_user: None,
    }
}

/// A BCLCF (prefix 1) code for Biodiesel (fuel type 1).
pub fn fuel_code(id: i32, status: i32) -> FuelCode {
    FuelCode {
        fuel_code_id: id,
        fuel_status_id: Some(status),
        prefix_id: 1,
        fuel_suffix: format!("{}.0", 100 + id),
        company: "Fuel Co".to_owned(),
        contact_name: None,
        contact_email: None,
        carbon_intensity: Decimal::TEN,
        edrms: "edrms".to_owned(),
        last_updated: utc("2024-01-01 00:00"),
        application_date: date("2024-01-01"),
        approval_date: None,
        fuel_type_id: 1,
        feedstock: "canola".to_owned(),
        feedstock_location: "BC".to_owned(),
        feedstock_misc: None,
        fuel_production_facility_city: None,
        fuel_production_facility_province_state: None,
        fuel_production_facility_country: None,
        facility_nameplate_capacity: None,
        facility_nameplate_capacity_unit: None,
        former_company: None,
        notes: None,
        create_date: None,
        update_date: None,
        create_user: None,
        update_user: None,
        effective_date: None,
        effective_status: true,
        expiration_date: None,
        group_uuid: None,
        version: None,
        action_type: None,
        expiry_notification_sent_at: None,
        co_processed: "No".to_owned(),
    }
}
