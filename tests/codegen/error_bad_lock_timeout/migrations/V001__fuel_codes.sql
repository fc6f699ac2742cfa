-- V001: fuel codes, with a lock timeout that forgot its unit.
-- lcfs-db: lock-timeout 30
-- lcfs-db: lock-retries 5

CREATE TABLE fuel_code (fuel_code_id serial PRIMARY KEY, fuel_suffix text NOT NULL);
