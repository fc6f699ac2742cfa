//! The generated `get`, `insert`, `update` and `delete` against real tables: a serial key
//! (`organization`), a composite text key (`final_supply_equipment_reg_number`), and enum and
//! numeric columns (`fuel_code`).

use chrono::NaiveDate;
use lcfs_db::enums::{ActionType, QuantityUnits};
use lcfs_db::tables::{
    FinalSupplyEquipmentRegNumber, FuelCode, NewFinalSupplyEquipmentRegNumber, NewFuelCode,
    NewOrganization, Organization,
};
use lcfs_db::testing::TestDatabase;
use lcfs_db::tokio_postgres::error::SqlState;
use lcfs_db::{ErrorKind, insert_all};
use rust_decimal::Decimal;

#[lcfs_db::test]
async fn a_serial_key_row_goes_through_insert_get_update_and_delete(db: TestDatabase) {
    let client = db.client();
    // Quotes and a semicolon travel as a parameter value, never as SQL text.
    let name = "O'Brien \"Fuels\"; DROP TABLE organization; --";
    let inserted = NewOrganization {
        name: Some(name.to_owned()),
        ..NewOrganization::new("OB01".to_owned(), true)
    }
    .insert(client)
    .await
    .unwrap();
    assert!(inserted.organization_id > 0, "the serial gave an id");
    assert_eq!(inserted.name.as_deref(), Some(name));
    // Left to the database: defaults filled in, nullable columns NULL.
    assert_eq!((inserted.total_balance, inserted.credits_to_sell), (0, 0));
    assert!(inserted.create_date.is_some());
    assert_eq!(inserted.email, None);

    let id = inserted.organization_id;
    assert_eq!(
        Organization::get(client, id).await.unwrap(),
        Some(inserted.clone())
    );

    let changed = Organization {
        email: Some("a@b.ca".to_owned()),
        credits_to_sell: 7,
        ..inserted.clone()
    };
    let stored = changed
        .update(client)
        .await
        .unwrap()
        .expect("the row exists");
    assert_eq!(
        (stored.email.as_deref(), stored.credits_to_sell),
        (Some("a@b.ca"), 7)
    );
    assert_eq!(Organization::get(client, id).await.unwrap(), Some(stored));

    assert!(Organization::delete(client, id).await.unwrap());
    assert_eq!(Organization::get(client, id).await.unwrap(), None);
    assert!(!Organization::delete(client, id).await.unwrap(), "gone");
    assert_eq!(changed.update(client).await.unwrap(), None, "no such row");
}

#[lcfs_db::test]
async fn a_composite_key_reads_updates_and_deletes_only_its_row(db: TestDatabase) {
    let client = db.client();
    let rows = [
        ("AB12", "V8V 1X4", 1),
        ("AB12", "V9A 2B3", 5),
        ("CD34", "V8V 1X4", 9),
    ];
    let news: Vec<NewFinalSupplyEquipmentRegNumber> = rows
        .iter()
        .map(|(code, postal, n)| {
            NewFinalSupplyEquipmentRegNumber::new(code.to_string(), postal.to_string(), *n)
        })
        .collect();
    let inserted = insert_all(client, &news).await.unwrap();
    assert_eq!(inserted.len(), 3);

    let row = FinalSupplyEquipmentRegNumber::get(client, "AB12", "V9A 2B3")
        .await
        .unwrap()
        .expect("inserted");
    assert_eq!(row.current_sequence_number, 5);
    let bumped = FinalSupplyEquipmentRegNumber {
        current_sequence_number: 6,
        ..row
    };
    bumped
        .update(client)
        .await
        .unwrap()
        .expect("the row exists");
    assert!(
        FinalSupplyEquipmentRegNumber::delete(client, "AB12", "V8V 1X4")
            .await
            .unwrap()
    );

    let sequence = |code: &'static str, postal: &'static str| async move {
        FinalSupplyEquipmentRegNumber::get(client, code, postal)
            .await
            .unwrap()
            .map(|r| r.current_sequence_number)
    };
    assert_eq!(sequence("AB12", "V8V 1X4").await, None);
    assert_eq!(sequence("AB12", "V9A 2B3").await, Some(6));
    assert_eq!(sequence("CD34", "V8V 1X4").await, Some(9));
}

fn new_fuel_code(suffix: &str) -> NewFuelCode {
    NewFuelCode::new(
        1,
        suffix.to_owned(),
        "Fuel Co".to_owned(),
        Decimal::new(-1234, 2),
        "edrms".to_owned(),
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        1,
        "canola".to_owned(),
        "BC".to_owned(),
        true,
    )
}

#[lcfs_db::test]
async fn enum_and_numeric_columns_round_trip(db: TestDatabase) {
    let client = db.client();
    let code = NewFuelCode {
        facility_nameplate_capacity: Some(5000),
        facility_nameplate_capacity_unit: Some(QuantityUnits::CubicMetres),
        ..new_fuel_code("101.5")
    }
    .insert(client)
    .await
    .unwrap();
    assert_eq!(code.carbon_intensity, Decimal::new(-1234, 2));
    assert_eq!(
        code.facility_nameplate_capacity_unit,
        Some(QuantityUnits::CubicMetres)
    );
    // An enum column left to its default, and one given.
    assert_eq!(code.action_type, Some(ActionType::Create));
    let given = NewFuelCode {
        action_type: Some(ActionType::Update),
        ..new_fuel_code("101.6")
    }
    .insert(client)
    .await
    .unwrap();
    assert_eq!(given.action_type, Some(ActionType::Update));

    let updated = FuelCode {
        carbon_intensity: Decimal::new(5555, 2),
        facility_nameplate_capacity_unit: None,
        action_type: Some(ActionType::Delete),
        ..code
    }
    .update(client)
    .await
    .unwrap()
    .expect("the row exists");
    let read = FuelCode::get(client, updated.fuel_code_id).await.unwrap();
    let read = read.expect("the row exists");
    assert_eq!(read.carbon_intensity.to_string(), "55.55");
    assert_eq!(read.facility_nameplate_capacity_unit, None);
    assert_eq!(read.action_type, Some(ActionType::Delete));
}

#[lcfs_db::test]
async fn a_refused_insert_carries_the_servers_words(db: TestDatabase) {
    let client = db.client();
    let first = NewOrganization::new("DUP1".to_owned(), true);
    first.insert(client).await.unwrap();
    let error = first.insert(client).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Database);
    assert_eq!(error.code(), Some(&SqlState::UNIQUE_VIOLATION));
    let shown = error.to_string();
    assert!(
        shown.starts_with("inserting into organization: ERROR: duplicate key"),
        "{shown}"
    );
    assert!(
        shown.contains("DETAIL: Key (organization_code)=(DUP1)"),
        "{shown}"
    );

    // An application's own query converts with `?` into the same error.
    let own = async || -> Result<(), lcfs_db::Error> {
        client.query("SELECT * FROM no_such_table", &[]).await?;
        Ok(())
    };
    let error = own().await.unwrap_err();
    assert_eq!(error.code(), Some(&SqlState::UNDEFINED_TABLE));
    assert!(
        error
            .to_string()
            .starts_with("PostgreSQL refused: ERROR: relation \"no_such_table\" does not exist"),
        "{error}"
    );
}

#[lcfs_db::test]
async fn insert_all_writes_every_row_in_one_statement(db: TestDatabase) {
    let client = db.client();
    assert!(
        insert_all::<NewOrganization>(client, &[])
            .await
            .unwrap()
            .is_empty()
    );
    // One row gives its own id, the other takes the serial's: DEFAULT per value, not per column.
    let rows = [
        NewOrganization {
            organization_id: Some(900),
            ..NewOrganization::new("ONE1".to_owned(), true)
        },
        NewOrganization::new("TWO2".to_owned(), false),
    ];
    let stored = insert_all(client, &rows).await.unwrap();
    let mut codes: Vec<(bool, &str)> = stored
        .iter()
        .map(|o| (o.organization_id == 900, o.organization_code.as_str()))
        .collect();
    codes.sort();
    assert_eq!(codes, [(false, "TWO2"), (true, "ONE1")]);
    // A failure anywhere leaves none of the rows.
    let clash = [
        NewOrganization::new("NEW3".to_owned(), true),
        NewOrganization::new("ONE1".to_owned(), true),
    ];
    insert_all(client, &clash).await.unwrap_err();
    assert_eq!(
        Organization::get(client, 900)
            .await
            .unwrap()
            .map(|o| o.organization_code),
        Some("ONE1".to_owned())
    );
    let count: i64 = client
        .query_one(
            "SELECT count(*) FROM organization WHERE organization_code = 'NEW3'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(count, 0);
}
