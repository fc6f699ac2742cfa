-- Test seed: a small fixed data set that application tests can rely on by id.
--
-- Every id sits in the 9000 range, away from the dev set (1000 range), so both sets can be
-- loaded into one database.
--
--   organization (+ address, attorney address)
--     9001  Test Fuel Supplier One Ltd.   fuel_supplier  code TFS1
--     9002  Test Fuel Supplier Two Inc.   fuel_supplier  code TFS2
--     9003  Test Aggregator Co.           aggregator     code TAG3
--   user_profile
--     9001  test_idir_analyst    government: GOVERNMENT, ANALYST
--     9002  test_idir_director   government: GOVERNMENT, DIRECTOR
--     9003  test_bceid_one       org 9001: SUPPLIER, TRANSFER, COMPLIANCE_REPORTING, SIGNING_AUTHORITY
--     9004  test_bceid_two       org 9002: SUPPLIER, TRANSFER, SIGNING_AUTHORITY, READ_ONLY
--   transaction
--     9001  org 9001  Adjustment  +50000   opening balance
--     9002  org 9002  Adjustment  +20000   opening balance
--     9003  org 9001  Adjustment   -1000   transfer 9001, from side
--     9004  org 9002  Adjustment   +1000   transfer 9001, to side
--     9005  org 9001  Adjustment  -17285   assessment of compliance report 9001
--     9006  org 9002  Reserved     -500   units held back
--   transfer 9001: 9001 -> 9002, 1000 units at $250.00, Recorded; history 9001-9005
--   fuel_code 9001: BCLCF901.0, biodiesel from canola, Approved
--   compliance_report 9001: org 9001, 2024, Assessed; summary 9001; history 9001-9004;
--     fuel_supply 9001-9005
--
-- Resulting balances, computed by the ledger triggers: org 9001 total 31715, org 9002 total
-- 21000 and reserved -500, org 9003 total 0; no transfer in progress.

-- Organizations
INSERT INTO organization_address (organization_address_id, name, street_address, address_other, city, province_state, country, "postalCode_zipCode", effective_status) VALUES
    (9001, 'Test Fuel Supplier One Ltd.', '100 Test Street',   NULL, 'Vancouver', 'BC', 'Canada', 'V6B 1A1', true),
    (9002, 'Test Fuel Supplier Two Inc.', '200 Sample Avenue', NULL, 'Victoria',  'BC', 'Canada', 'V8W 2B2', true),
    (9003, 'Test Aggregator Co.',         '300 Example Road',  NULL, 'Kamloops',  'BC', 'Canada', 'V2C 3C3', true)
ON CONFLICT DO NOTHING;
INSERT INTO organization_attorney_address (organization_attorney_address_id, name, street_address, address_other, city, province_state, country, "postalCode_zipCode", effective_status) VALUES
    (9001, 'Test Fuel Supplier One Ltd.', '100 Test Street',   'Suite 10', 'Vancouver', 'BC', 'Canada', 'V6B 1A1', true),
    (9002, 'Test Fuel Supplier Two Inc.', '200 Sample Avenue', 'Suite 10', 'Victoria',  'BC', 'Canada', 'V8W 2B2', true),
    (9003, 'Test Aggregator Co.',         '300 Example Road',  'Suite 10', 'Kamloops',  'BC', 'Canada', 'V2C 3C3', true)
ON CONFLICT DO NOTHING;
INSERT INTO organization (organization_id, organization_code, name, operating_name, email, phone, organization_status_id, organization_type_id, organization_address_id, organization_attorney_address_id, effective_status, credit_trading_enabled) VALUES
    (9001, 'TFS1', 'Test Fuel Supplier One Ltd.', 'Test Fuel Supplier One', 'contact@tfs1.example', '250-555-9001', 2, 1, 9001, 9001, true, true),
    (9002, 'TFS2', 'Test Fuel Supplier Two Inc.', 'Test Fuel Supplier Two', 'contact@tfs2.example', '250-555-9002', 2, 1, 9002, 9002, true, true),
    (9003, 'TAG3', 'Test Aggregator Co.',         'Test Aggregator',        'contact@tag3.example', '250-555-9003', 2, 2, 9003, 9003, true, true)
ON CONFLICT DO NOTHING;

-- Users and roles
INSERT INTO user_profile (user_profile_id, keycloak_username, keycloak_email, email, title, first_name, last_name, is_active, organization_id) VALUES
    (9001, 'test_idir_analyst',  'test_idir_analyst@test.example',  'test_idir_analyst@test.example',  'Compliance Analyst', 'Alex',   'Analyst',  true, NULL),
    (9002, 'test_idir_director', 'test_idir_director@test.example', 'test_idir_director@test.example', 'Director',           'Dana',   'Director', true, NULL),
    (9003, 'test_bceid_one',     'test_bceid_one@test.example',     'test_bceid_one@test.example',     'Fuel Manager',       'Sam',    'Supplier', true, 9001),
    (9004, 'test_bceid_two',     'test_bceid_two@test.example',     'test_bceid_two@test.example',     'Trading Lead',       'Taylor', 'Trader',   true, 9002)
ON CONFLICT DO NOTHING;
INSERT INTO user_role (user_role_id, user_profile_id, role_id) VALUES
    (9001, 9001, 1),
    (9002, 9001, 4),
    (9003, 9002, 1),
    (9004, 9002, 6),
    (9005, 9003, 2),
    (9006, 9003, 8),
    (9007, 9003, 9),
    (9008, 9003, 10),
    (9009, 9004, 2),
    (9010, 9004, 8),
    (9011, 9004, 10),
    (9012, 9004, 11)
ON CONFLICT DO NOTHING;

-- Fuel code used by the compliance report
INSERT INTO fuel_code (fuel_code_id, fuel_status_id, prefix_id, fuel_suffix, company, contact_name, contact_email, carbon_intensity, edrms, application_date, approval_date, fuel_type_id, feedstock, feedstock_location, fuel_production_facility_city, fuel_production_facility_province_state, fuel_production_facility_country, effective_date, effective_status, expiration_date, group_uuid, version, action_type) VALUES
    (9001, 2, 1, '901.0', 'Test Biofuels Ltd.', 'Pat Producer', 'pat@testbiofuels.example', 21.5, 'TEST-901', '2023-03-01', '2023-06-01', 1, 'Canola oil', 'Saskatchewan', 'Regina', 'SK', 'Canada', '2023-06-01', true, '2026-05-31', 'b0a1c2d3-0000-4000-8000-000000009001', 0, 'CREATE')
ON CONFLICT DO NOTHING;

-- Ledger
INSERT INTO transaction (transaction_id, compliance_units, organization_id, transaction_action, effective_date, effective_status) VALUES
    (9001, 50000,  9001, 'Adjustment', '2024-01-15', true),
    (9002, 20000,  9002, 'Adjustment', '2024-01-15', true),
    (9003, -1000,  9001, 'Adjustment', '2024-04-10', true),
    (9004, 1000,   9002, 'Adjustment', '2024-04-10', true),
    (9005, -17285, 9001, 'Adjustment', '2025-05-30', true),
    (9006, -500,   9002, 'Reserved',   '2024-09-01', true)
ON CONFLICT DO NOTHING;

-- A recorded transfer and the steps it went through
INSERT INTO transfer (transfer_id, from_organization_id, to_organization_id, from_transaction_id, to_transaction_id, agreement_date, transaction_effective_date, price_per_unit, quantity, transfer_category_id, current_status_id, recommendation) VALUES
    (9001, 9001, 9002, 9003, 9004, '2024-03-20 00:00:00', '2024-04-10 00:00:00', 250.0, 1000, 1, 6, 'Record')
ON CONFLICT DO NOTHING;
INSERT INTO transfer_history (transfer_history_id, transfer_id, transfer_status_id, user_profile_id, display_name, create_date) VALUES
    (9001, 9001, 1, 9003, 'Sam Supplier',  '2024-03-20 09:00:00-07'),
    (9002, 9001, 3, 9003, 'Sam Supplier',  '2024-03-20 09:30:00-07'),
    (9003, 9001, 4, 9004, 'Taylor Trader', '2024-03-22 11:00:00-07'),
    (9004, 9001, 5, 9001, 'Alex Analyst',  '2024-04-02 14:00:00-07'),
    (9005, 9001, 6, 9002, 'Dana Director', '2024-04-10 10:00:00-07')
ON CONFLICT DO NOTHING;
INSERT INTO transfer_comment (transfer_comment_id, transfer_id, comment, comment_source) VALUES
    (9001, 9001, 'Units sold under the March 2024 supply agreement.', 'FROM_ORG'),
    (9002, 9001, 'Agreement and price verified.',                     'GOVERNMENT')
ON CONFLICT DO NOTHING;

-- An assessed 2024 compliance report with its summary and fuel supply
INSERT INTO compliance_report (compliance_report_id, compliance_period_id, organization_id, current_status_id, transaction_id, compliance_report_group_uuid, version, reporting_frequency, nickname, assessment_statement, assigned_analyst_id) VALUES
    (9001, 15, 9001, 5, 9005, 'a0a1c2d3-0000-4000-8000-000000009001', 0, 'ANNUAL', 'Original Report', 'Meets its renewable requirements; deficit covered by banked units.', 9001)
ON CONFLICT DO NOTHING;
INSERT INTO compliance_report_history (compliance_report_history_id, compliance_report_id, status_id, user_profile_id, display_name, create_date) VALUES
    (9001, 9001, 2, 9003, 'Sam Supplier',  '2025-03-28 16:00:00-07'),
    (9002, 9001, 3, 9001, 'Alex Analyst',  '2025-04-20 10:00:00-07'),
    (9003, 9001, 4, 9002, 'Dana Director', '2025-05-12 10:00:00-07'),
    (9004, 9001, 5, 9002, 'Dana Director', '2025-05-30 10:00:00-07')
ON CONFLICT DO NOTHING;
INSERT INTO fuel_supply (fuel_supply_id, compliance_report_id, quantity, units, compliance_units, target_ci, ci_of_fuel, energy_density, eer, uci, energy, fuel_category_id, fuel_code_id, fuel_type_id, provision_of_the_act_id, end_use_id, group_uuid, version, action_type) VALUES
    (9001, 9001, 20000000, 'Litres',        -11672.92, 79.2792, 94.38, 38.65, 1.0, 0, 773000000,  2, NULL, 16, 1, 24, 'c0a1c2d3-0000-4000-8000-000000009001', 0, 'CREATE'),
    (9002, 9001, 4000000,  'Litres',        8181.53,   79.2792, 21.5,  35.4,  1.0, 0, 141600000,  2, 9001, 1,  2, 24, 'c0a1c2d3-0000-4000-8000-000000009002', 0, 'CREATE'),
    (9003, 9001, 30000000, 'Litres',        -15597.18, 78.6828, 93.67, 34.69, 1.0, 0, 1040700000, 1, NULL, 17, 1, 24, 'c0a1c2d3-0000-4000-8000-000000009003', 0, 'CREATE'),
    (9004, 9001, 1600000,  'Litres',        -565.44,   78.6828, 93.67, 23.58, 1.0, 0, 37728000,   1, NULL, 4,  3, 24, 'c0a1c2d3-0000-4000-8000-000000009004', 0, 'CREATE'),
    (9005, 9001, 2500000,  'Kilowatt_hour', 2369.25,   78.6828, 12.14, 3.6,   3.5, 0, 9000000,    1, NULL, 3,  3, 1,  'c0a1c2d3-0000-4000-8000-000000009005', 0, 'CREATE')
ON CONFLICT DO NOTHING;
INSERT INTO compliance_report_summary (summary_id, compliance_report_id, is_locked, line_1_fossil_derived_base_fuel_gasoline, line_1_fossil_derived_base_fuel_diesel, line_1_fossil_derived_base_fuel_jet_fuel, line_2_eligible_renewable_fuel_supplied_gasoline, line_2_eligible_renewable_fuel_supplied_diesel, line_2_eligible_renewable_fuel_supplied_jet_fuel, line_3_total_tracked_fuel_supplied_gasoline, line_3_total_tracked_fuel_supplied_diesel, line_3_total_tracked_fuel_supplied_jet_fuel, line_4_eligible_renewable_fuel_required_gasoline, line_4_eligible_renewable_fuel_required_diesel, line_4_eligible_renewable_fuel_required_jet_fuel, line_5_net_notionally_transferred_gasoline, line_5_net_notionally_transferred_diesel, line_5_net_notionally_transferred_jet_fuel, line_6_renewable_fuel_retained_gasoline, line_6_renewable_fuel_retained_diesel, line_6_renewable_fuel_retained_jet_fuel, line_7_previously_retained_gasoline, line_7_previously_retained_diesel, line_7_previously_retained_jet_fuel, line_8_obligation_deferred_gasoline, line_8_obligation_deferred_diesel, line_8_obligation_deferred_jet_fuel, line_9_obligation_added_gasoline, line_9_obligation_added_diesel, line_9_obligation_added_jet_fuel, line_10_net_renewable_fuel_supplied_gasoline, line_10_net_renewable_fuel_supplied_diesel, line_10_net_renewable_fuel_supplied_jet_fuel, line_11_non_compliance_penalty_gasoline, line_11_non_compliance_penalty_diesel, line_11_non_compliance_penalty_jet_fuel, line_12_low_carbon_fuel_required, line_13_low_carbon_fuel_supplied, line_14_low_carbon_fuel_surplus, line_15_banked_units_used, line_16_banked_units_remaining, line_17_non_banked_units_used, line_18_units_to_be_banked, line_19_units_to_be_exported, line_20_surplus_deficit_units, line_21_surplus_deficit_ratio, line_22_compliance_units_issued, line_11_fossil_derived_base_fuel_gasoline, line_11_fossil_derived_base_fuel_diesel, line_11_fossil_derived_base_fuel_jet_fuel, line_11_fossil_derived_base_fuel_total, line_21_non_compliance_penalty_payable, total_non_compliance_penalty_payable) VALUES
    (9001, 9001, true, 30000000, 20000000, 0, 1600000, 4000000, 0, 31600000, 24000000, 0, 1580000, 960000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1600000, 4000000, 0, 0, 0, 0, 27836, 10551, -17285, 17285, 31715, 0, 0, 0, 0, 0, -17285, 30000000, 20000000, 0, 50000000, 0, 0)
ON CONFLICT DO NOTHING;

-- Keep the sequences past the ids used here
SELECT setval(pg_get_serial_sequence('organization_address', 'organization_address_id'), (SELECT max(organization_address_id) FROM organization_address));
SELECT setval(pg_get_serial_sequence('organization_attorney_address', 'organization_attorney_address_id'), (SELECT max(organization_attorney_address_id) FROM organization_attorney_address));
SELECT setval(pg_get_serial_sequence('organization', 'organization_id'), (SELECT max(organization_id) FROM organization));
SELECT setval(pg_get_serial_sequence('user_profile', 'user_profile_id'), (SELECT max(user_profile_id) FROM user_profile));
SELECT setval(pg_get_serial_sequence('user_role', 'user_role_id'), (SELECT max(user_role_id) FROM user_role));
SELECT setval(pg_get_serial_sequence('fuel_code', 'fuel_code_id'), (SELECT max(fuel_code_id) FROM fuel_code));
SELECT setval(pg_get_serial_sequence('transaction', 'transaction_id'), (SELECT max(transaction_id) FROM transaction));
SELECT setval(pg_get_serial_sequence('transfer', 'transfer_id'), (SELECT max(transfer_id) FROM transfer));
SELECT setval(pg_get_serial_sequence('transfer_history', 'transfer_history_id'), (SELECT max(transfer_history_id) FROM transfer_history));
SELECT setval(pg_get_serial_sequence('transfer_comment', 'transfer_comment_id'), (SELECT max(transfer_comment_id) FROM transfer_comment));
SELECT setval(pg_get_serial_sequence('compliance_report', 'compliance_report_id'), (SELECT max(compliance_report_id) FROM compliance_report));
SELECT setval(pg_get_serial_sequence('compliance_report_history', 'compliance_report_history_id'), (SELECT max(compliance_report_history_id) FROM compliance_report_history));
SELECT setval(pg_get_serial_sequence('fuel_supply', 'fuel_supply_id'), (SELECT max(fuel_supply_id) FROM fuel_supply));
SELECT setval(pg_get_serial_sequence('compliance_report_summary', 'summary_id'), (SELECT max(summary_id) FROM compliance_report_summary));
