//! `#[derive(PgEnum)]` against a real server: awkward labels round-trip through parameters and
//! results, a label the Rust enum lacks is an error, and no other Postgres type is accepted.

mod common;

use std::error::Error as _;

use lcfs_db::testing::TestDatabase;
use lcfs_db::{FromRow, PgEnum, Row, RowErrorKind, UnknownLabel};
use postgres_types::WrongType;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PgEnum)]
#[pg_enum(type = "awkward")]
enum Awkward {
    #[pg_enum(label = "Happy Days")]
    HappyDays,
    Plain,
    #[pg_enum(label = "SO-so")]
    SoSo,
    #[pg_enum(label = "with \"quote\", comma")]
    Quoted,
    #[pg_enum(label = "ünï ✓")]
    Unicode,
    #[pg_enum(label = "")]
    Empty,
}

/// The same Postgres type seen by an older build that lacks `SO-so`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PgEnum)]
#[pg_enum(type = "awkward")]
enum AwkwardWithoutSoSo {
    Plain,
}

/// Named like a composite type the test creates: the name alone must not be enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PgEnum)]
#[pg_enum(type = "lookalike")]
enum Lookalike {
    Plain,
}

async fn awkward_types() -> TestDatabase {
    let client = common::connect().await;
    client
        .batch_execute(
            r#"
            CREATE TYPE pg_temp.awkward AS ENUM
                ('Happy Days', 'Plain', 'SO-so', 'with "quote", comma', 'ünï ✓', '');
            CREATE TYPE pg_temp.other_awkward AS ENUM ('Plain');
            CREATE TEMP TABLE lookalike (label text);
            CREATE TEMP TABLE feelings (feeling awkward);
            INSERT INTO feelings VALUES ('SO-so');
            "#,
        )
        .await
        .expect("create the enum types");
    client
}

#[test]
fn labels_map_both_ways() {
    assert_eq!(Awkward::TYPE_NAME, "awkward");
    let labels: Vec<&str> = Awkward::VARIANTS.iter().map(|v| v.label()).collect();
    let expected = [
        "Happy Days",
        "Plain",
        "SO-so",
        "with \"quote\", comma",
        "ünï ✓",
        "",
    ];
    assert_eq!(labels, expected);
    for &variant in Awkward::VARIANTS {
        assert_eq!(Awkward::from_label(variant.label()), Ok(variant));
        assert_eq!(variant.to_string().parse::<Awkward>(), Ok(variant));
    }
    assert_eq!(Awkward::HappyDays.to_string(), "Happy Days");

    let unknown = "happy days".parse::<Awkward>().unwrap_err();
    assert_eq!(
        unknown,
        UnknownLabel {
            type_name: "awkward",
            label: "happy days".to_owned()
        }
    );
    assert_eq!(
        unknown.to_string(),
        r#"unknown label "happy days" for Postgres enum awkward"#
    );
}

#[tokio::test]
async fn every_label_round_trips_through_the_server() {
    let client = awkward_types().await;
    for &variant in Awkward::VARIANTS {
        let row = client
            .query_one("SELECT $1::awkward, $1::awkward::text", &[&variant])
            .await
            .unwrap();
        assert_eq!(row.get::<_, Awkward>(0), variant);
        assert_eq!(row.get::<_, String>(1), variant.label());
    }

    let in_server_order: Vec<Awkward> = client
        .query("SELECT unnest(enum_range(NULL::awkward))", &[])
        .await
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(in_server_order, Awkward::VARIANTS);

    let row = client
        .query_one("SELECT $1::awkward[]", &[&Awkward::VARIANTS])
        .await
        .unwrap();
    assert_eq!(row.get::<_, Vec<Awkward>>(0), Awkward::VARIANTS);
}

#[tokio::test]
async fn a_label_the_enum_lacks_names_type_and_label() {
    let client = awkward_types().await;
    let row = client
        .query_one("SELECT 'SO-so'::awkward", &[])
        .await
        .unwrap();
    let error = row.try_get::<_, AwkwardWithoutSoSo>(0).unwrap_err();
    let cause = error
        .source()
        .unwrap()
        .downcast_ref::<UnknownLabel>()
        .unwrap();
    assert_eq!(
        cause.to_string(),
        r#"unknown label "SO-so" for Postgres enum awkward"#
    );

    let row = client
        .query_one("SELECT feeling FROM feelings", &[])
        .await
        .unwrap();
    let error = Feeling::from_row(&row).unwrap_err();
    assert_eq!(error.kind(), RowErrorKind::InvalidValue);
    let pg_type = error.pg_type().unwrap();
    assert!(
        pg_type.starts_with("pg_temp") && pg_type.ends_with(".awkward"),
        "{pg_type}"
    );
    let expected = format!(
        r#"feelings.feeling: cannot decode {pg_type} into AwkwardWithoutSoSo: unknown label "SO-so" for Postgres enum awkward"#
    );
    assert_eq!(error.to_string(), expected);
}

#[derive(Debug, Row)]
#[row(table = "feelings")]
struct Feeling {
    #[allow(dead_code)]
    feeling: AwkwardWithoutSoSo,
}

fn is_wrong_type(error: &tokio_postgres::Error) -> bool {
    error.source().is_some_and(|cause| cause.is::<WrongType>())
}

#[tokio::test]
async fn another_enum_type_with_the_same_labels_is_refused() {
    let client = awkward_types().await;
    let error = client
        .query_one("SELECT $1::other_awkward", &[&Awkward::Plain])
        .await
        .unwrap_err();
    assert!(is_wrong_type(&error), "{error:?}");

    for sql in ["SELECT 'Plain'::other_awkward", "SELECT 'Plain'::text"] {
        let row = client.query_one(sql, &[]).await.unwrap();
        let error = row.try_get::<_, Awkward>(0).unwrap_err();
        assert!(is_wrong_type(&error), "{sql}: {error:?}");
    }
}

#[tokio::test]
async fn a_type_of_the_right_name_but_not_an_enum_is_refused() {
    let client = awkward_types().await;
    let row = client
        .query_one("SELECT ROW('Plain')::lookalike", &[])
        .await
        .unwrap();
    let error = row.try_get::<_, Lookalike>(0).unwrap_err();
    assert!(is_wrong_type(&error), "{error:?}");

    let error = client
        .query_one("SELECT $1::lookalike", &[&Lookalike::Plain])
        .await
        .unwrap_err();
    assert!(is_wrong_type(&error), "{error:?}");
}
