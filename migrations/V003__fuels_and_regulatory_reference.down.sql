-- Reverses V003__fuels_and_regulatory_reference.sql: drops its tables in reverse order of
-- creation. Their sequences, indexes and reference rows go with them.

DROP TABLE finished_fuel_transport_mode;
DROP TABLE feedstock_fuel_transport_mode;
DROP TABLE transport_mode;
DROP TABLE fuel_code_history;
DROP TABLE fuel_code;
DROP TABLE fuel_code_status;
DROP TABLE fuel_code_prefix;
DROP TABLE energy_effectiveness_ratio;
DROP TABLE energy_density;
DROP TABLE additional_carbon_intensity;
DROP TABLE category_carbon_intensity;
DROP TABLE default_carbon_intensity;
DROP TABLE target_carbon_intensity;
DROP TABLE level_of_equipment;
DROP TABLE expected_use_type;
DROP TABLE end_user_type;
DROP TABLE end_use_type;
DROP TABLE fuel_instance;
DROP TABLE fuel_type;
DROP TABLE fuel_category;
DROP TABLE provision_of_the_act;
DROP TABLE unit_of_measure;
DROP TABLE compliance_period;
