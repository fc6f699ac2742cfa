use super::super::error::ErrorKind;
use super::model_of;

/// The canonical type, Rust type and nullability of column `c` declared as `declared`.
fn column(declared: &str) -> (String, String, bool) {
    let sql = format!("CREATE TYPE role_enum AS ENUM ('A'); CREATE TABLE t (c {declared})");
    let model = model_of(&sql).unwrap_or_else(|err| panic!("{declared}: {err}"));
    let column = &model.tables[0].columns[0];
    let rust = column
        .sql_type
        .rust(&|name| format!("lcfs_db::enums::{name}"));
    (column.sql_type.canonical(), rust, column.nullable)
}

#[test]
fn spellings_resolve_to_format_type_names_and_lossless_rust_types() {
    let cases = [
        ("integer", "integer", "i32"),
        ("int", "integer", "i32"),
        ("INT4", "integer", "i32"),
        ("smallint", "smallint", "i16"),
        ("int2", "smallint", "i16"),
        ("bigint", "bigint", "i64"),
        ("int8", "bigint", "i64"),
        ("real", "real", "f32"),
        ("float4", "real", "f32"),
        ("float(24)", "real", "f32"),
        ("double precision", "double precision", "f64"),
        ("float8", "double precision", "f64"),
        ("float", "double precision", "f64"),
        ("float(25)", "double precision", "f64"),
        ("numeric", "numeric", "rust_decimal::Decimal"),
        ("numeric(10, 2)", "numeric(10,2)", "rust_decimal::Decimal"),
        ("NUMERIC(12)", "numeric(12,0)", "rust_decimal::Decimal"),
        ("decimal(13,5)", "numeric(13,5)", "rust_decimal::Decimal"),
        ("boolean", "boolean", "bool"),
        ("bool", "boolean", "bool"),
        ("varchar", "character varying", "String"),
        ("VARCHAR(500)", "character varying(500)", "String"),
        ("character varying(36)", "character varying(36)", "String"),
        ("char", "character(1)", "String"),
        ("character(3)", "character(3)", "String"),
        ("text", "text", "String"),
        ("date", "date", "chrono::NaiveDate"),
        ("time", "time without time zone", "chrono::NaiveTime"),
        (
            "time(3) without time zone",
            "time(3) without time zone",
            "chrono::NaiveTime",
        ),
        (
            "timestamp",
            "timestamp without time zone",
            "chrono::NaiveDateTime",
        ),
        (
            "timestamp(6) without time zone",
            "timestamp(6) without time zone",
            "chrono::NaiveDateTime",
        ),
        (
            "timestamp with time zone",
            "timestamp with time zone",
            "chrono::DateTime<chrono::Utc>",
        ),
        (
            "timestamptz",
            "timestamp with time zone",
            "chrono::DateTime<chrono::Utc>",
        ),
        (
            "TIMESTAMP(3) WITH TIME ZONE",
            "timestamp(3) with time zone",
            "chrono::DateTime<chrono::Utc>",
        ),
        ("json", "json", "serde_json::Value"),
        ("jsonb", "jsonb", "serde_json::Value"),
        ("uuid", "uuid", "uuid::Uuid"),
        ("bytea", "bytea", "Vec<u8>"),
        ("text[]", "text[]", "Vec<String>"),
        ("varchar(50)[]", "character varying(50)[]", "Vec<String>"),
        ("integer ARRAY", "integer[]", "Vec<i32>"),
        ("role_enum", "role_enum", "lcfs_db::enums::role_enum"),
        (
            "public.role_enum[]",
            "role_enum[]",
            "Vec<lcfs_db::enums::role_enum>",
        ),
    ];
    for (declared, canonical, rust) in cases {
        let (actual_canonical, actual_rust, nullable) = column(declared);
        assert_eq!(
            (actual_canonical.as_str(), actual_rust.as_str()),
            (canonical, rust),
            "{declared}"
        );
        assert!(nullable, "{declared}");
    }
}

#[test]
fn serial_types_are_not_null_integers_with_a_sequence_default() {
    for (declared, canonical) in [
        ("serial", "integer"),
        ("SERIAL4", "integer"),
        ("bigserial", "bigint"),
        ("smallserial", "smallint"),
    ] {
        let model = model_of(&format!(
            "CREATE TABLE organization (organization_id {declared})"
        ))
        .unwrap();
        let column = &model.tables[0].columns[0];
        assert_eq!(column.sql_type.canonical(), canonical);
        assert!(!column.nullable);
        assert_eq!(
            column.default.as_deref(),
            Some("nextval('organization_organization_id_seq'::regclass)")
        );
    }
}

#[test]
fn serial_sequence_names_are_cut_to_63_bytes_as_postgresql_cuts_them() {
    let model = model_of("CREATE TABLE compliance_report_charging_equipment (charging_equipment_compliance_id serial)").unwrap();
    assert_eq!(
        model.tables[0].columns[0].default.as_deref(),
        Some(
            "nextval('compliance_report_charging_eq_charging_equipment_compliance_seq'::regclass)"
        )
    );
}

#[test]
fn types_without_a_lossless_rust_type_are_errors_at_the_column() {
    for declared in [
        "interval",
        "money",
        "inet",
        "time with time zone",
        "timetz",
        "bit(3)",
        "xml",
        "serial[]",
    ] {
        let err =
            model_of(&format!("CREATE TABLE t (id integer,\n  c {declared})")).expect_err(declared);
        assert_eq!(err.kind(), ErrorKind::UnsupportedType, "{declared}: {err}");
        assert!(
            err.to_string().contains("V001__test.sql:2:3"),
            "{declared}: {err}"
        );
    }
}

#[test]
fn an_unknown_type_name_is_a_schema_error() {
    let err = model_of("CREATE TABLE t (c role_enum)").expect_err("no such type yet");
    assert_eq!(err.kind(), ErrorKind::Schema);
    assert!(
        err.to_string()
            .starts_with("error: column `t.c`: unknown type `role_enum`"),
        "{err}"
    );
}
