-- Reverses V007__charging_infrastructure.sql: drops its tables in reverse order of
-- creation. Their sequences, indexes and reference rows go with them.

DROP TABLE compliance_report_charging_equipment;
DROP TABLE charging_power_output;
DROP TABLE charging_equipment_intended_user_association;
DROP TABLE charging_equipment_intended_use_association;
DROP TABLE charging_equipment;
DROP TABLE charging_equipment_status;
DROP TABLE charging_site;
DROP TABLE charging_site_status;
DROP TABLE location;
