//! Writing generated row structs into their tables, so that test data is built from the same
//! types the library gives applications and a column added to the schema breaks the build here.

use lcfs_db::FromRow;
use lcfs_db::tables::*;
use tokio_postgres::Client;
use tokio_postgres::types::ToSql;

/// A generated row struct whose every field can be sent as a query parameter.
pub trait Insert: FromRow {
    /// The field names as written in the struct, in the order of [`Insert::values`].
    const FIELDS: &'static [&'static str];

    /// Every field's value, in [`Insert::FIELDS`] order.
    fn values(&self) -> Vec<&(dyn ToSql + Sync)>;
}

/// Implements [`Insert`] by destructuring the struct without `..`: a field missing from the list
/// is a compile error, and [`insert`] checks the order against the struct's `COLUMNS`.
macro_rules! insertable {
    ($($table:ident { $($field:ident),* $(,)? })*) => {$(
        impl Insert for $table {
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn values(&self) -> Vec<&(dyn ToSql + Sync)> {
                let $table { $($field),* } = self;
                vec![$($field as &(dyn ToSql + Sync)),*]
            }
        }
    )*};
}

/// `INSERT INTO table (every column) VALUES (…), (…)` as one statement, so that row triggers fire
/// once per row and statement triggers (the materialized-view refreshes) once.
pub async fn insert<T: Insert>(db: &Client, rows: &[T]) {
    try_insert(db, rows)
        .await
        .unwrap_or_else(|e| panic!("inserting into {}: {e:?}", T::TABLE));
}

/// [`insert`] for writes that may fail; the number of rows inserted.
pub async fn try_insert<T: Insert>(db: &Client, rows: &[T]) -> Result<u64, tokio_postgres::Error> {
    let fields: Vec<&str> = T::FIELDS
        .iter()
        .map(|f| f.trim_start_matches("r#"))
        .collect();
    assert_eq!(
        fields,
        T::COLUMNS,
        "{}: fields out of column order",
        T::TABLE
    );
    let columns: Vec<String> = T::COLUMNS.iter().map(|c| format!("\"{c}\"")).collect();
    let width = columns.len();
    let tuples: Vec<String> = (0..rows.len())
        .map(|row| {
            let params: Vec<String> = (1..=width)
                .map(|i| format!("${}", row * width + i))
                .collect();
            format!("({})", params.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO \"{}\" ({}) VALUES {}",
        T::TABLE,
        columns.join(", "),
        tuples.join(", ")
    );
    let values: Vec<&(dyn ToSql + Sync)> = rows.iter().flat_map(Insert::values).collect();
    db.execute(&sql, &values).await
}

/// Every row of `T`'s table in primary-key order (the first column), decoded into `T`.
pub async fn select_all<T: FromRow>(db: &Client) -> Vec<T> {
    let sql = format!("{} ORDER BY 1", T::select_sql());
    db.query(&sql, &[])
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .iter()
        .map(|row| T::from_row(row).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

insertable! {
    Organization {
        organization_id, organization_code, name, operating_name, email, phone, edrms_record,
        total_balance, reserved_balance, count_transfers_in_progress, organization_status_id,
        organization_type_id, organization_address_id, organization_attorney_address_id,
        create_date, update_date, create_user, update_user, effective_date, effective_status,
        expiration_date, records_address, credit_trading_enabled, credit_market_contact_name,
        credit_market_contact_email, credit_market_contact_phone, credit_market_is_seller,
        credit_market_is_buyer, credits_to_sell, display_in_credit_market, company_details,
        company_representation_agreements, company_acting_as_aggregator, company_additional_notes,
    }
    Transaction {
        transaction_id, compliance_units, organization_id, transaction_action, create_date,
        update_date, create_user, update_user, effective_date, effective_status, expiration_date,
    }
    Transfer {
        transfer_id, from_organization_id, to_organization_id, from_transaction_id,
        to_transaction_id, agreement_date, transaction_effective_date, price_per_unit, quantity,
        transfer_category_id, current_status_id, recommendation, create_date, update_date,
        create_user, update_user,
    }
    TransferHistory {
        transfer_history_id, transfer_id, transfer_status_id, user_profile_id, display_name,
        create_date, update_date, create_user, update_user,
    }
    TransferComment {
        transfer_comment_id, transfer_id, comment, comment_source, create_date, update_date,
        create_user, update_user,
    }
    InitiativeAgreement {
        initiative_agreement_id, compliance_units, transaction_effective_date, gov_comment,
        to_organization_id, transaction_id, current_status_id, create_date, update_date,
        create_user, update_user, effective_date, effective_status, expiration_date,
    }
    InitiativeAgreementHistory {
        initiative_agreement_history_id, initiative_agreement_id, initiative_agreement_status_id,
        user_profile_id, display_name, create_date, update_date, create_user, update_user,
        effective_date, effective_status, expiration_date,
    }
    AdminAdjustment {
        admin_adjustment_id, compliance_units, transaction_effective_date, gov_comment,
        to_organization_id, transaction_id, current_status_id, create_date, update_date,
        create_user, update_user, effective_date, effective_status, expiration_date,
    }
    AdminAdjustmentHistory {
        admin_adjustment_history_id, admin_adjustment_id, admin_adjustment_status_id,
        user_profile_id, display_name, create_date, update_date, create_user, update_user,
        effective_date, effective_status, expiration_date,
    }
    ComplianceReport {
        compliance_report_id, compliance_period_id, organization_id, current_status_id,
        transaction_id, compliance_report_group_uuid, legacy_id, version, supplemental_initiator,
        reporting_frequency, nickname, supplemental_note, create_date, update_date, create_user,
        update_user, assessment_statement, assigned_analyst_id, is_non_assessment,
        is_renewable_fuel_exempted, is_low_carbon_fuel_exempted,
    }
    UserProfile {
        user_profile_id, keycloak_user_id, keycloak_email, keycloak_username, email, title, phone,
        mobile_phone, first_name, last_name, is_active, organization_id, create_date,
        update_date, create_user, update_user,
    }
    FuelCode {
        fuel_code_id, fuel_status_id, prefix_id, fuel_suffix, company, contact_name,
        contact_email, carbon_intensity, edrms, last_updated, application_date, approval_date,
        fuel_type_id, feedstock, feedstock_location, feedstock_misc,
        fuel_production_facility_city, fuel_production_facility_province_state,
        fuel_production_facility_country, facility_nameplate_capacity,
        facility_nameplate_capacity_unit, former_company, notes, create_date, update_date,
        create_user, update_user, effective_date, effective_status, expiration_date, group_uuid,
        version, action_type, expiry_notification_sent_at, co_processed,
    }
    FinalSupplyEquipmentRegNumber {
        organization_code, postal_code, current_sequence_number, create_date, update_date,
    }
}
