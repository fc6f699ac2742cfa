CREATE TABLE compliance_period (
    compliance_period_id serial PRIMARY KEY,
    description varchar(255) NOT NULL,
    reporting_window interval NOT NULL
);
