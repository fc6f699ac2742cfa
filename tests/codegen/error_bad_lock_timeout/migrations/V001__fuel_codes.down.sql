DROP TABLE fuel_code;
