//! `#[derive(Row)]` against a real server: every Rust type the generated tables use, decoded from
//! a temporary table and compared value for value, and the errors a bad query gets.

mod common;

use std::error::Error as _;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use lcfs_db::testing::TestDatabase;
use lcfs_db::{ErrorKind, FromRow, PgEnum, Row, RowError, RowErrorKind};
use rust_decimal::Decimal;
use serde_json::json;
use tokio_postgres::Client;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, PgEnum)]
#[pg_enum(type = "mood")]
enum Mood {
    #[pg_enum(label = "Happy Days")]
    HappyDays,
    #[pg_enum(label = "sad")]
    Sad,
}

/// Table name by default: `every_type`.
#[derive(Debug, PartialEq, Row)]
struct EveryType {
    small: i16,
    whole: i32,
    big: i64,
    single: f32,
    double: f64,
    amount: Decimal,
    flag: bool,
    name: String,
    code: String,
    day: NaiveDate,
    at: DateTime<Utc>,
    local_at: NaiveDateTime,
    clock: NaiveTime,
    doc: serde_json::Value,
    raw_json: serde_json::Value,
    id: Uuid,
    bytes: Vec<u8>,
    tags: Vec<String>,
    mood: Mood,
    r#type: String,
    #[row(rename = "Display Name")]
    display_name: String,
}

#[derive(Debug, PartialEq, Row)]
#[row(table = "every_type")]
struct EveryOption {
    small: Option<i16>,
    whole: Option<i32>,
    big: Option<i64>,
    single: Option<f32>,
    double: Option<f64>,
    amount: Option<Decimal>,
    flag: Option<bool>,
    name: Option<String>,
    code: Option<String>,
    day: Option<NaiveDate>,
    at: Option<DateTime<Utc>>,
    local_at: Option<NaiveDateTime>,
    clock: Option<NaiveTime>,
    doc: Option<serde_json::Value>,
    raw_json: Option<serde_json::Value>,
    id: Option<Uuid>,
    bytes: Option<Vec<u8>>,
    tags: Option<Vec<String>>,
    mood: Option<Mood>,
    r#type: Option<String>,
    #[row(rename = "Display Name")]
    display_name: Option<String>,
}

/// Two rows: `expected_values()`, then all NULLs.
async fn every_type_table() -> TestDatabase {
    let client = common::connect().await;
    client
        .batch_execute(
            r#"
            CREATE TYPE pg_temp.mood AS ENUM ('Happy Days', 'sad');
            CREATE TEMP TABLE every_type (
                small int2, whole int4, big int8, single float4, double float8, amount numeric,
                flag bool, name text, code varchar(10), day date, at timestamptz,
                local_at timestamp, clock time, doc jsonb, raw_json json, id uuid, bytes bytea,
                tags text[], mood mood, "type" text, "Display Name" text
            );
            INSERT INTO every_type VALUES (
                -32768, 2147483647, -9223372036854775808, 1.5, -0.1, 12345678901234.5678,
                true, 'héllo "world"', 'AB-1', '2024-02-29', '2024-03-10 12:34:56.789012+00',
                '1999-12-31 23:59:59.5', '23:59:59.999999', '{"a": [1, 2.5, null], "b": "x"}',
                '{"b": 1,  "a": 2}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x00ff10',
                ARRAY['a', 'b c', ''], 'Happy Days', 'kind', 'Shown'
            );
            INSERT INTO every_type DEFAULT VALUES;
            "#,
        )
        .await
        .expect("create every_type");
    client
}

fn expected_values() -> EveryType {
    EveryType {
        small: i16::MIN,
        whole: i32::MAX,
        big: i64::MIN,
        single: 1.5,
        double: -0.1,
        amount: Decimal::from_str("12345678901234.5678").unwrap(),
        flag: true,
        name: "héllo \"world\"".to_owned(),
        code: "AB-1".to_owned(),
        day: NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
        at: Utc.with_ymd_and_hms(2024, 3, 10, 12, 34, 56).unwrap()
            + chrono::Duration::microseconds(789_012),
        local_at: NaiveDate::from_ymd_opt(1999, 12, 31)
            .unwrap()
            .and_hms_milli_opt(23, 59, 59, 500)
            .unwrap(),
        clock: NaiveTime::from_hms_micro_opt(23, 59, 59, 999_999).unwrap(),
        doc: json!({"a": [1, 2.5, null], "b": "x"}),
        raw_json: json!({"b": 1, "a": 2}),
        id: Uuid::parse_str("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11").unwrap(),
        bytes: vec![0x00, 0xff, 0x10],
        tags: vec!["a".to_owned(), "b c".to_owned(), String::new()],
        mood: Mood::HappyDays,
        r#type: "kind".to_owned(),
        display_name: "Shown".to_owned(),
    }
}

#[test]
fn table_and_columns_follow_the_struct() {
    assert_eq!(EveryType::TABLE, "every_type");
    assert_eq!(EveryOption::TABLE, "every_type");
    assert_eq!(EveryType::COLUMNS.len(), 21);
    assert_eq!(EveryType::COLUMNS, EveryOption::COLUMNS);
    assert_eq!(&EveryType::COLUMNS[..3], ["small", "whole", "big"]);
    assert_eq!(&EveryType::COLUMNS[19..], ["type", "Display Name"]);
    assert!(
        EveryType::select_sql()
            .starts_with(r#"SELECT "small", "whole", "big", "single", "double", "amount", "#)
    );
    assert!(EveryType::select_sql().ends_with(r#""type", "Display Name" FROM "every_type""#));
}

#[tokio::test]
async fn every_type_decodes_exactly() {
    let client = every_type_table().await;
    let sql = format!("{} ORDER BY whole NULLS LAST", EveryType::select_sql());
    let rows = client.query(&sql, &[]).await.unwrap();
    assert_eq!(EveryType::from_row(&rows[0]).unwrap(), expected_values());

    let with_values = EveryOption::from_row(&rows[0]).unwrap();
    assert_eq!(with_values, each_some(expected_values()));

    let nulls = EveryOption::from_row(&rows[1]).unwrap();
    assert_eq!(nulls, all_none());
}

fn each_some(values: EveryType) -> EveryOption {
    EveryOption {
        small: Some(values.small),
        whole: Some(values.whole),
        big: Some(values.big),
        single: Some(values.single),
        double: Some(values.double),
        amount: Some(values.amount),
        flag: Some(values.flag),
        name: Some(values.name),
        code: Some(values.code),
        day: Some(values.day),
        at: Some(values.at),
        local_at: Some(values.local_at),
        clock: Some(values.clock),
        doc: Some(values.doc),
        raw_json: Some(values.raw_json),
        id: Some(values.id),
        bytes: Some(values.bytes),
        tags: Some(values.tags),
        mood: Some(values.mood),
        r#type: Some(values.r#type),
        display_name: Some(values.display_name),
    }
}

fn all_none() -> EveryOption {
    EveryOption {
        small: None,
        whole: None,
        big: None,
        single: None,
        double: None,
        amount: None,
        flag: None,
        name: None,
        code: None,
        day: None,
        at: None,
        local_at: None,
        clock: None,
        doc: None,
        raw_json: None,
        id: None,
        bytes: None,
        tags: None,
        mood: None,
        r#type: None,
        display_name: None,
    }
}

/// A hand-written row for a query, not a table: columns decode by name, in any order.
#[derive(Debug, PartialEq, Row)]
#[row(table = "named_moods")]
struct NamedMood {
    name: String,
    mood: Mood,
}

#[tokio::test]
async fn columns_decode_by_name_in_any_order() {
    let client = every_type_table().await;
    let row = client
        .query_one("SELECT 7 AS extra, 'sad'::mood AS mood, 'Ann' AS name", &[])
        .await
        .unwrap();
    let decoded = NamedMood::from_row(&row).unwrap();
    let expected = NamedMood {
        name: "Ann".to_owned(),
        mood: Mood::Sad,
    };
    assert_eq!(decoded, expected);
}

#[derive(Debug, Row)]
#[row(table = "odd \"table\"")]
struct OddNames {
    #[row(rename = "Mixed \"Case\"")]
    value: i32,
}

#[tokio::test]
async fn select_sql_quotes_every_identifier() {
    let client = common::connect().await;
    client
        .batch_execute(
            r#"CREATE TEMP TABLE "odd ""table""" ("Mixed ""Case""" int4);
               INSERT INTO "odd ""table""" VALUES (42);"#,
        )
        .await
        .unwrap();
    let sql = OddNames::select_sql();
    assert_eq!(sql, r#"SELECT "Mixed ""Case""" FROM "odd ""table""""#);
    let row = client.query_one(&sql, &[]).await.unwrap();
    assert_eq!(OddNames::from_row(&row).unwrap().value, 42);
}

#[derive(Debug, Row)]
#[row(table = "every_type")]
struct NameAsInt {
    #[allow(dead_code)]
    name: Option<i32>,
}

async fn decode_error<T: FromRow>(client: &Client, sql: &str) -> RowError {
    let row = client.query_one(sql, &[]).await.unwrap();
    T::from_row(&row).err().expect("the row should not decode")
}

#[tokio::test]
async fn a_type_mismatch_names_table_column_and_both_types() {
    let client = every_type_table().await;
    let error = decode_error::<NameAsInt>(&client, "SELECT name FROM every_type LIMIT 1").await;
    assert_eq!(error.kind(), RowErrorKind::WrongType);
    assert_eq!(
        error.to_string(),
        "every_type.name: cannot decode text into Option<i32>"
    );
    assert_eq!((error.table(), error.column()), ("every_type", "name"));
    assert_eq!(
        (error.rust_type(), error.pg_type()),
        ("Option<i32>", Some("text"))
    );
    let cause = error.source().and_then(|s| s.source()).unwrap();
    assert!(cause.is::<postgres_types::WrongType>(), "{cause:?}");

    let error = lcfs_db::Error::from(error);
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(
        error.to_string(),
        "row did not decode: every_type.name: cannot decode text into Option<i32>"
    );
}

#[tokio::test]
async fn a_missing_column_is_named() {
    let client = every_type_table().await;
    let error = decode_error::<NameAsInt>(&client, "SELECT whole FROM every_type LIMIT 1").await;
    assert_eq!(error.kind(), RowErrorKind::MissingColumn);
    assert_eq!(
        error.to_string(),
        "every_type.name: column missing from the row"
    );
    assert_eq!(error.pg_type(), None);
    assert!(error.source().is_none());
}

#[tokio::test]
async fn a_null_into_a_non_option_field_is_an_error() {
    let client = every_type_table().await;
    let sql = format!("{} WHERE whole IS NULL", EveryType::select_sql());
    let error = decode_error::<EveryType>(&client, &sql).await;
    assert_eq!(error.kind(), RowErrorKind::UnexpectedNull);
    assert_eq!(
        error.to_string(),
        "every_type.small: cannot decode NULL int2 into i16"
    );
}
