-- Reverses V008__ci_applications.sql: drops its tables in reverse order of
-- creation. Their sequences, indexes and reference rows go with them.

DROP TABLE pathway;
DROP TABLE pathway_fuel_code_type;
DROP TABLE pathway_application_type;
DROP TABLE ci_application_history;
DROP TABLE ci_application;
DROP TABLE ci_application_status;
