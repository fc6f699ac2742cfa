use std::path::Path;

use super::super::error::ErrorKind;
use super::super::model::{EnumType, Model};
use super::super::names::enums::{enum_name, variant_name};
use super::super::names::{Names, field_name};
use super::super::overrides;
use super::super::source::Location;
use super::model_of;

/// Every enum type of the LCFS reference schema with its labels, and the Rust enum it must give.
const REFERENCE_ENUMS: &[(&str, &str, &[&str])] = &[
    (
        "actiontypeenum",
        "ActionType",
        &["CREATE", "UPDATE", "DELETE"],
    ),
    (
        "admin_adjustment_type_enum",
        "AdminAdjustmentType",
        &["Draft", "Recommended", "Approved", "Deleted"],
    ),
    (
        "audience_scope",
        "AudienceScope",
        &["Director", "Analyst", "Compliance Manager"],
    ),
    ("channel_enum", "Channel", &["EMAIL", "IN_APP"]),
    (
        "comment_visibility",
        "CommentVisibility",
        &["Internal", "Public"],
    ),
    (
        "compliancereportstatusenum",
        "ComplianceReportStatus",
        &[
            "Draft",
            "Submitted",
            "Recommended_by_analyst",
            "Recommended_by_manager",
            "Assessed",
            "Reassessed",
            "Rejected",
            "Not_recommended_by_analyst",
            "Not_recommended_by_manager",
            "Analyst_adjustment",
            "Supplemental_requested",
            "Exempted",
        ],
    ),
    (
        "contravention_enum",
        "Contravention",
        &["Single contravention", "Continuous contravention"],
    ),
    (
        "fuel_category_enum",
        "FuelCategory",
        &["Gasoline", "Diesel", "Jet fuel"],
    ),
    (
        "fuel_code_status_enum",
        "FuelCodeStatus",
        &["Draft", "Approved", "Deleted", "Recommended"],
    ),
    (
        "initiative_agreement_type_enum",
        "InitiativeAgreementType",
        &["Draft", "Recommended", "Approved", "Deleted"],
    ),
    (
        "notification_type_enum",
        "NotificationType",
        &["Alert", "Outage", "Deadline", "General"],
    ),
    (
        "org_status_enum",
        "OrgStatus",
        &["Unregistered", "Registered", "Suspended", "Canceled"],
    ),
    ("ports_enum", "Ports", &["Single port", "Dual port"]),
    (
        "quantityunitsenum",
        "QuantityUnits",
        &[
            "Litres",
            "Kilograms",
            "Kilowatt_hour",
            "Cubic_metres",
            "Gigajoules",
        ],
    ),
    ("quarter", "Quarter", &["Q1", "Q2", "Q3", "Q4"]),
    (
        "receivedortransferredenum",
        "ReceivedOrTransferred",
        &["Received", "Transferred"],
    ),
    (
        "reportingfrequency",
        "ReportingFrequency",
        &["ANNUAL", "QUARTERLY"],
    ),
    (
        "role_enum",
        "Role",
        &[
            "GOVERNMENT",
            "ADMINISTRATOR",
            "ANALYST",
            "COMPLIANCE_MANAGER",
            "DIRECTOR",
            "SUPPLIER",
            "MANAGE_USERS",
            "TRANSFER",
            "COMPLIANCE_REPORTING",
            "SIGNING_AUTHORITY",
            "READ_ONLY",
            "CI_APPLICANT",
            "IA_PROPONENT",
            "SYSTEM_ADMIN",
            "IA_ANALYST",
            "IA_MANAGER",
            "IA_SIGNER",
        ],
    ),
    (
        "supplemental_report_access_role_enum",
        "SupplementalReportAccessRole",
        &["BCeID", "IDIR"],
    ),
    (
        "supplementalinitiatortype",
        "SupplementalInitiatorType",
        &[
            "SUPPLIER_SUPPLEMENTAL",
            "GOVERNMENT_REASSESSMENT",
            "GOVERNMENT_INITIATED",
        ],
    ),
    (
        "transaction_action_enum",
        "TransactionAction",
        &["Adjustment", "Reserved", "Released"],
    ),
    (
        "transfer_comment_source_enum",
        "TransferCommentSource",
        &["FROM_ORG", "TO_ORG", "GOVERNMENT"],
    ),
    (
        "transfer_recommendation_enum",
        "TransferRecommendation",
        &["Record", "Refuse"],
    ),
    (
        "transfer_type_enum",
        "TransferType",
        &[
            "Draft",
            "Deleted",
            "Sent",
            "Submitted",
            "Recommended",
            "Recorded",
            "Refused",
            "Declined",
            "Rescinded",
        ],
    ),
    (
        "transfercategoryenum",
        "TransferCategory",
        &["A", "B", "C", "D"],
    ),
    ("usertypeenum", "UserType", &["SUPPLIER", "GOVERNMENT"]),
];

fn reference_names() -> Names {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let overrides =
        overrides::load(root, "migrations/rust_names.toml").expect("the override list parses");
    let enums = REFERENCE_ENUMS
        .iter()
        .map(|(name, _, labels)| EnumType {
            name: (*name).to_owned(),
            labels: labels.iter().map(|l| (*l).to_owned()).collect(),
            origin: Location::file("schema.json"),
        })
        .collect();
    let model = Model {
        enums,
        ..Model::default()
    };
    Names::resolve(&model, &overrides, "migrations/rust_names.toml")
        .expect("every reference enum is named")
}

#[test]
fn all_26_reference_enums_get_readable_names() {
    assert_eq!(REFERENCE_ENUMS.len(), 26);
    let names = reference_names();
    for (pg_name, rust_name, labels) in REFERENCE_ENUMS {
        let (rust, variants) = &names.enums[*pg_name];
        assert_eq!(rust, rust_name, "{pg_name}");
        assert_eq!(variants.len(), labels.len(), "{pg_name}");
    }
}

#[test]
fn reference_labels_become_upper_camel_case_variants() {
    let names = reference_names();
    let variants = |pg_name: &str| names.enums[pg_name].1.join(" ");
    assert_eq!(
        variants("role_enum").split(' ').take(4).collect::<Vec<_>>(),
        [
            "Government",
            "Administrator",
            "Analyst",
            "ComplianceManager"
        ]
    );
    assert!(
        variants("compliancereportstatusenum")
            .contains("RecommendedByAnalyst NotRecommendedByManager"),
        "{}",
        variants("compliancereportstatusenum")
    );
    assert_eq!(
        variants("audience_scope"),
        "Director Analyst ComplianceManager"
    );
    assert_eq!(variants("fuel_category_enum"), "Gasoline Diesel JetFuel");
    assert_eq!(variants("quarter"), "Q1 Q2 Q3 Q4");
    assert_eq!(
        variants("supplemental_report_access_role_enum"),
        "BceId Idir"
    );
    assert_eq!(
        variants("quantityunitsenum"),
        "Litres Kilograms KilowattHour CubicMetres Gigajoules"
    );
}

#[test]
fn derived_enum_names_drop_the_enum_suffix() {
    assert_eq!(enum_name("transfer_type_enum"), "TransferType");
    assert_eq!(enum_name("actiontypeenum"), "Actiontype");
    assert_eq!(enum_name("quarter"), "Quarter");
    assert_eq!(enum_name("enum"), "Enum");
}

#[test]
fn variant_names_are_identifiers_whatever_the_label() {
    assert_eq!(variant_name("Single contravention"), "SingleContravention");
    assert_eq!(variant_name("a-b.c"), "ABC");
    assert_eq!(variant_name("2024"), "_2024");
    assert_eq!(variant_name("Q1"), "Q1");
}

#[test]
fn keyword_columns_become_raw_fields_and_unusable_names_are_refused() {
    assert_eq!(field_name("type").as_deref(), Some("r#type"));
    assert_eq!(field_name("match").as_deref(), Some("r#match"));
    assert_eq!(field_name("gen").as_deref(), Some("r#gen"));
    assert_eq!(field_name("order").as_deref(), Some("order"));
    assert_eq!(
        field_name("postalCode_zipCode").as_deref(),
        Some("postalCode_zipCode")
    );
    for unusable in ["self", "super", "crate", "_", "two words", "1st", "é"] {
        assert_eq!(field_name(unusable), None, "{unusable}");
    }
}

#[test]
fn table_structs_are_upper_camel_case_and_unique() {
    let model =
        model_of("CREATE TABLE organization_address (id int); CREATE TABLE role (id int)").unwrap();
    let names = Names::resolve(&model, &Default::default(), "rust_names.toml").unwrap();
    assert_eq!(names.tables["organization_address"], "OrganizationAddress");
    assert_eq!(names.tables["role"], "Role");

    let clash =
        model_of("CREATE TABLE user_role (id int);\nCREATE TABLE \"userRole\" (id int)").unwrap();
    let err = Names::resolve(&clash, &Default::default(), "rust_names.toml").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Naming);
    assert!(
        err.to_string()
            .contains("tables `user_role` and `userRole` are both named `UserRole`"),
        "{err}"
    );
    assert!(err.to_string().contains("V001__test.sql:2:14"), "{err}");
}

#[test]
fn a_column_that_is_no_field_name_is_an_error_at_the_column() {
    let model = model_of("CREATE TABLE t (\n  \"self\" int)").unwrap();
    let err = Names::resolve(&model, &Default::default(), "rust_names.toml").unwrap_err();
    assert!(
        err.to_string().starts_with(
            "error: column `t.self` is not a Rust field name\n --> migrations/V001__test.sql:2:3"
        ),
        "{err}"
    );
}

#[test]
fn a_label_override_for_a_missing_label_is_an_error() {
    let model = model_of("CREATE TYPE quarter AS ENUM ('Q1')").unwrap();
    let mut overrides = overrides::Overrides::default();
    overrides.labels.insert(
        "quarter".into(),
        [("Q5".to_owned(), "Fifth".to_owned())].into(),
    );
    let err = Names::resolve(&model, &overrides, "migrations/rust_names.toml").unwrap_err();
    assert!(
        err.to_string()
            .contains("enum type `quarter` has no label 'Q5' to name"),
        "{err}"
    );
}
