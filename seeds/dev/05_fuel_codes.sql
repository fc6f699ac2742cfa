-- Dev seed 05: fuel codes of the two fuel producers in every status, with their feedstock
-- and finished fuel transport modes. Fuel codes 1001-1006.

-- Fuel codes of the two producers: three approved (one since expired), one recommended,
-- one draft and one deleted
INSERT INTO fuel_code (fuel_code_id, fuel_status_id, prefix_id, fuel_suffix, company, contact_name, contact_email, carbon_intensity, edrms, application_date, approval_date, fuel_type_id, feedstock, feedstock_location, fuel_production_facility_city, fuel_production_facility_province_state, fuel_production_facility_country, facility_nameplate_capacity, facility_nameplate_capacity_unit, effective_date, effective_status, expiration_date, group_uuid, version, action_type, co_processed) VALUES
    (1001, 2, 1, '1001.0', 'Northern Prairie Biofuels Inc.', 'Olaf Larsen',  'fuelcodes@npbf.example', 18.42, 'EDRMS-FC-1001', '2023-02-01', '2023-05-15', 1,  'Canola oil',                      'Peace River region, BC and AB', 'Prince George', 'BC', 'Canada', 60000000,  'Litres',    '2023-05-15', true, '2026-05-14', 'f0c0de00-0000-4000-8000-000000001001', 0, 'CREATE', 'No'),
    (1002, 2, 1, '1002.0', 'Kootenay Bio Refining Ltd.',     'Grace Dubois', 'fuelcodes@ktbr.example', 24.1,  'EDRMS-FC-1002', '2023-06-10', '2023-09-01', 5,  'Tallow and used cooking oil',     'Western Canada',                'Castlegar',     'BC', 'Canada', 120000000, 'Litres',    '2023-09-01', true, '2026-08-31', 'f0c0de00-0000-4000-8000-000000001002', 0, 'CREATE', 'Yes'),
    (1003, 2, 1, '1003.1', 'Northern Prairie Biofuels Inc.', 'Olaf Larsen',  'fuelcodes@npbf.example', 36.75, 'EDRMS-FC-1003', '2022-01-10', '2022-04-01', 4,  'Wheat and barley',                'Saskatchewan',                  'Prince George', 'BC', 'Canada', 40000000,  'Litres',    '2022-04-01', true, '2025-03-31', 'f0c0de00-0000-4000-8000-000000001003', 0, 'CREATE', 'No'),
    (1004, 4, 1, '1004.0', 'Kootenay Bio Refining Ltd.',     'Grace Dubois', 'fuelcodes@ktbr.example', 19.8,  'EDRMS-FC-1004', '2025-01-20', NULL,         5,  'Canola oil',                      'Alberta',                       'Castlegar',     'BC', 'Canada', 120000000, 'Litres',    NULL,         true, NULL,         'f0c0de00-0000-4000-8000-000000001004', 0, 'CREATE', 'Yes'),
    (1005, 1, 1, '1005.0', 'Northern Prairie Biofuels Inc.', 'Olaf Larsen',  'fuelcodes@npbf.example', 11.3,  'EDRMS-FC-1005', '2025-03-05', NULL,         6,  'Natural gas with carbon capture', 'Northeast BC',                  'Prince George', 'BC', 'Canada', 2000000,   'Kilograms', NULL,         true, NULL,         'f0c0de00-0000-4000-8000-000000001005', 0, 'CREATE', 'No'),
    (1006, 3, 2, '1006.0', 'Kootenay Bio Refining Ltd.',     'Grace Dubois', 'fuelcodes@ktbr.example', 55.0,  'EDRMS-FC-1006', '2024-04-01', NULL,         14, 'Forestry residue',                'Kootenay region, BC',           'Castlegar',     'BC', 'Canada', 10000000,  'Litres',    NULL,         true, NULL,         'f0c0de00-0000-4000-8000-000000001006', 0, 'CREATE', 'No')
ON CONFLICT DO NOTHING;

-- How feedstock reaches each plant and how the finished fuel leaves it
INSERT INTO feedstock_fuel_transport_mode (feedstock_fuel_transport_mode_id, fuel_code_id, transport_mode_id) VALUES
    (1010, 1001, 2),
    (1020, 1002, 1),
    (1030, 1003, 2),
    (1040, 1004, 1),
    (1050, 1005, 1),
    (1060, 1006, 1)
ON CONFLICT DO NOTHING;
INSERT INTO finished_fuel_transport_mode (finished_fuel_transport_mode_id, fuel_code_id, transport_mode_id) VALUES
    (1010, 1001, 1),
    (1011, 1001, 2),
    (1020, 1002, 1),
    (1021, 1002, 2),
    (1030, 1003, 1),
    (1040, 1004, 1),
    (1041, 1004, 2),
    (1050, 1005, 1),
    (1060, 1006, 1)
ON CONFLICT DO NOTHING;

-- Keep the sequences past the ids used here
SELECT setval(pg_get_serial_sequence('fuel_code', 'fuel_code_id'), (SELECT max(fuel_code_id) FROM fuel_code));
SELECT setval(pg_get_serial_sequence('feedstock_fuel_transport_mode', 'feedstock_fuel_transport_mode_id'), (SELECT max(feedstock_fuel_transport_mode_id) FROM feedstock_fuel_transport_mode));
SELECT setval(pg_get_serial_sequence('finished_fuel_transport_mode', 'finished_fuel_transport_mode_id'), (SELECT max(finished_fuel_transport_mode_id) FROM finished_fuel_transport_mode));
