//! Every reference row decodes into its generated struct; every enum label round-trips.

mod common;

use lcfs_db::testing::TestDatabase;
use lcfs_db::{FromRow, PgEnum};

use common::reference::{csv_records as csv_rows, reference_data};

async fn decode_all<T: FromRow>(db: &TestDatabase) -> usize {
    let rows = db.query(&T::select_sql(), &[]).await.unwrap();
    for row in &rows {
        T::from_row(row).unwrap_or_else(|e| panic!("{e}"));
    }
    rows.len()
}

macro_rules! reference_tables {
    ($($table:ident => $row:ident,)*) => {
        #[lcfs_db::test]
        async fn every_reference_row_decodes_into_its_struct(db: TestDatabase) {
            let mut checked = Vec::new();
            $(
                let decoded = decode_all::<lcfs_db::tables::$row>(&db).await;
                assert_eq!(decoded, csv_rows(stringify!($table)), "rows of {}", stringify!($table));
                checked.push(format!("{}.csv", stringify!($table)));
            )*
            let mut files: Vec<String> = std::fs::read_dir(reference_data())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            files.sort();
            assert_eq!(checked, files, "every reference CSV has its table here");
        }
    };
}

reference_tables! {
        additional_carbon_intensity => AdditionalCarbonIntensity,
        admin_adjustment_status => AdminAdjustmentStatus,
        allocation_transaction_type => AllocationTransactionType,
        category_carbon_intensity => CategoryCarbonIntensity,
        charging_equipment_status => ChargingEquipmentStatus,
        charging_site_status => ChargingSiteStatus,
        ci_application_status => CiApplicationStatus,
        compliance_period => CompliancePeriod,
        compliance_report_status => ComplianceReportStatus,
        default_carbon_intensity => DefaultCarbonIntensity,
        end_use_type => EndUseType,
        end_user_type => EndUserType,
        energy_density => EnergyDensity,
        energy_effectiveness_ratio => EnergyEffectivenessRatio,
        expected_use_type => ExpectedUseType,
        forms => Forms,
        fuel_category => FuelCategory,
        fuel_code_prefix => FuelCodePrefix,
        fuel_code_status => FuelCodeStatus,
        fuel_instance => FuelInstance,
        fuel_type => FuelType,
        initiative_agreement_status => InitiativeAgreementStatus,
        level_of_equipment => LevelOfEquipment,
        notification_channel => NotificationChannel,
        notification_type => NotificationType,
        organization_status => OrganizationStatus,
        organization_type => OrganizationType,
        pathway_application_type => PathwayApplicationType,
        pathway_fuel_code_type => PathwayFuelCodeType,
        provision_of_the_act => ProvisionOfTheAct,
        report_opening => ReportOpening,
        role => Role,
        scheduled_tasks => ScheduledTasks,
        target_carbon_intensity => TargetCarbonIntensity,
        transfer_category => TransferCategory,
        transfer_status => TransferStatus,
        transport_mode => TransportMode,
        unit_of_measure => UnitOfMeasure,
        user_profile => UserProfile,
        user_role => UserRole,
}

async fn round_trip<
    E: PgEnum
        + tokio_postgres::types::ToSql
        + tokio_postgres::types::FromSqlOwned
        + PartialEq
        + std::fmt::Debug
        + Sync,
>(
    db: &TestDatabase,
) -> usize {
    let by_label = format!("SELECT $1::text::{}", E::TYPE_NAME);
    let by_value = format!("SELECT $1::{}::text", E::TYPE_NAME);
    for &variant in E::VARIANTS {
        let decoded: E = db
            .query_one(&by_label, &[&variant.label()])
            .await
            .unwrap()
            .get(0);
        assert_eq!(decoded, variant);
        let label: String = db.query_one(&by_value, &[&variant]).await.unwrap().get(0);
        assert_eq!(label, variant.label());
    }
    let labels: Vec<String> = common::probe::column(
        db,
        &format!("SELECT unnest(enum_range(NULL::{}))::text", E::TYPE_NAME),
    )
    .await;
    let ours: Vec<&str> = E::VARIANTS.iter().map(|v| v.label()).collect();
    assert_eq!(labels, ours, "labels of {} in order", E::TYPE_NAME);
    1
}

macro_rules! every_enum {
    ($($name:ident,)*) => {
        #[lcfs_db::test]
        async fn every_enum_label_round_trips(db: TestDatabase) {
            let mut checked = 0;
            $( checked += round_trip::<lcfs_db::enums::$name>(&db).await; )*
            assert_eq!(checked, lcfs_db::schema::schema().enums.len(), "every enum of the schema");
        }
    };
}

every_enum! {
        ActionType,
        AdminAdjustmentType,
        AudienceScope,
        Channel,
        CommentVisibility,
        ComplianceReportStatus,
        Contravention,
        FuelCategory,
        FuelCodeStatus,
        InitiativeAgreementType,
        NotificationType,
        OrgStatus,
        Ports,
        QuantityUnits,
        Quarter,
        ReceivedOrTransferred,
        ReportingFrequency,
        Role,
        SupplementalReportAccessRole,
        SupplementalInitiatorType,
        TransactionAction,
        TransferCommentSource,
        TransferRecommendation,
        TransferType,
        TransferCategory,
        UserType,
}
