-- Reverses V006__compliance_reports_and_schedules.sql: drops its tables in reverse order of
-- creation. Their sequences, indexes and reference rows go with them.

DROP TABLE final_supply_equipment_reg_number;
DROP TABLE final_supply_intended_user_association;
DROP TABLE final_supply_intended_use_association;
DROP TABLE final_supply_equipment;
DROP TABLE allocation_agreement;
DROP TABLE allocation_transaction_type;
DROP TABLE other_uses;
DROP TABLE notional_transfer;
DROP TABLE fuel_export;
DROP TABLE fuel_supply;
DROP TABLE compliance_report_organization_snapshot;
DROP TABLE compliance_report_summary;
DROP TABLE compliance_report_history;
DROP TABLE compliance_report;
DROP TABLE compliance_report_status;
DROP TABLE organization_early_issuance_by_year;
DROP TABLE report_opening;
