-- Dev seed 06: compliance reports across statuses and periods, with organization
-- snapshots, summaries, history and every schedule (fuel supply, exports, notional
-- transfers, other uses, allocation agreements, final supply equipment). Reports
-- 1001-1010; the assessed ones carry their ledger entry (transactions 1301 on).

-- Ledger entries of the assessed reports (the net units each earned or owed)
INSERT INTO transaction (transaction_id, compliance_units, organization_id, transaction_action, effective_date, effective_status) VALUES
    (1301, -80784, 1001, 'Adjustment', '2025-05-31', true),
    (1302, -14582, 1002, 'Adjustment', '2024-05-31', true)
ON CONFLICT DO NOTHING;

-- Reports: 2024 across the statuses (one with a draft supplemental), an assessed 2023
-- report and a 2025 draft
INSERT INTO compliance_report (compliance_report_id, compliance_period_id, organization_id, current_status_id, transaction_id, compliance_report_group_uuid, version, reporting_frequency, nickname, supplemental_initiator, assessment_statement, assigned_analyst_id, is_non_assessment) VALUES
    (1001, 15, 1001, 5,  1301, 'c0ffee00-0000-4000-8000-000000001001', 0, 'ANNUAL', 'Original Report',       NULL,                    'Assessed as compliant.', 1002, false),
    (1002, 15, 1001, 1,  NULL, 'c0ffee00-0000-4000-8000-000000001001', 1, 'ANNUAL', 'Supplemental report 1', 'SUPPLIER_SUPPLEMENTAL', NULL,                     NULL, false),
    (1003, 15, 1002, 4,  NULL, 'c0ffee00-0000-4000-8000-000000001003', 0, 'ANNUAL', 'Original Report',       NULL,                    NULL,                     1002, false),
    (1004, 15, 1003, 3,  NULL, 'c0ffee00-0000-4000-8000-000000001004', 0, 'ANNUAL', 'Original Report',       NULL,                    NULL,                     1002, false),
    (1005, 15, 1004, 2,  NULL, 'c0ffee00-0000-4000-8000-000000001005', 0, 'ANNUAL', 'Original Report',       NULL,                    NULL,                     1002, false),
    (1006, 15, 1005, 1,  NULL, 'c0ffee00-0000-4000-8000-000000001006', 0, 'ANNUAL', 'Original Report',       NULL,                    NULL,                     NULL, false),
    (1007, 15, 1008, 12, NULL, 'c0ffee00-0000-4000-8000-000000001007', 0, 'ANNUAL', 'Original Report',       NULL,                    NULL,                     NULL, true),
    (1008, 14, 1002, 5,  1302, 'c0ffee00-0000-4000-8000-000000001008', 0, 'ANNUAL', 'Original Report',       NULL,                    'Assessed as compliant.', 1002, false),
    (1009, 16, 1001, 1,  NULL, 'c0ffee00-0000-4000-8000-000000001009', 0, 'ANNUAL', 'Original Report',       NULL,                    NULL,                     NULL, false),
    (1010, 15, 1011, 8,  NULL, 'c0ffee00-0000-4000-8000-000000001010', 0, 'ANNUAL', 'Original Report',       NULL,                    NULL,                     1002, false)
ON CONFLICT DO NOTHING;
INSERT INTO compliance_report_history (compliance_report_history_id, compliance_report_id, status_id, user_profile_id, display_name, create_date) VALUES
    (1001, 1001, 2,  1011, 'Karen Wong',      '2025-03-15 10:00:00-07'),
    (1002, 1001, 3,  1002, 'Jordan Robinson', '2025-04-15 10:00:00-07'),
    (1003, 1001, 4,  1004, 'Leah Morrison',   '2025-05-15 10:00:00-07'),
    (1004, 1001, 5,  1005, 'David Thompson',  '2025-06-15 10:00:00-07'),
    (1005, 1003, 2,  1013, 'Pierre Tremblay', '2025-03-15 10:00:00-07'),
    (1006, 1003, 3,  1002, 'Jordan Robinson', '2025-04-15 10:00:00-07'),
    (1007, 1003, 4,  1004, 'Leah Morrison',   '2025-05-15 10:00:00-07'),
    (1008, 1004, 2,  1015, 'Hana Nakamura',   '2025-03-15 10:00:00-07'),
    (1009, 1004, 3,  1002, 'Jordan Robinson', '2025-04-15 10:00:00-07'),
    (1010, 1005, 2,  1016, 'Ryan Wilson',     '2025-03-15 10:00:00-07'),
    (1011, 1007, 2,  1020, 'Terry Edenshaw',  '2025-03-15 10:00:00-07'),
    (1012, 1007, 12, 1005, 'David Thompson',  '2025-04-15 10:00:00-07'),
    (1013, 1008, 2,  1013, 'Pierre Tremblay', '2024-03-15 10:00:00-07'),
    (1014, 1008, 3,  1002, 'Jordan Robinson', '2024-04-15 10:00:00-07'),
    (1015, 1008, 4,  1004, 'Leah Morrison',   '2024-05-15 10:00:00-07'),
    (1016, 1008, 5,  1005, 'David Thompson',  '2024-06-15 10:00:00-07'),
    (1017, 1010, 2,  1002, 'Jordan Robinson', '2025-03-15 10:00:00-07'),
    (1018, 1010, 8,  1003, 'Aman Singh',      '2025-04-15 10:00:00-07')
ON CONFLICT DO NOTHING;
INSERT INTO compliance_report_organization_snapshot (organization_snapshot_id, compliance_report_id, name, operating_name, email, phone, service_address, head_office_address, is_edited, records_address) VALUES
    (1001, 1001, 'Coastal Mountain Fuels Ltd.',            'Coastal Mountain Fuels',             'info@cmfl.example', '604-555-0101', '1450 West Georgia Street, Vancouver, BC V6G 2T8', '1450 West Georgia Street, Vancouver, BC V6G 2T8', false, '1450 West Georgia Street, Vancouver, BC V6G 2T8'),
    (1002, 1002, 'Coastal Mountain Fuels Ltd.',            'Coastal Mountain Fuels',             'info@cmfl.example', '604-555-0101', '1450 West Georgia Street, Vancouver, BC V6G 2T8', '1450 West Georgia Street, Vancouver, BC V6G 2T8', false, '1450 West Georgia Street, Vancouver, BC V6G 2T8'),
    (1003, 1003, 'Fraser Valley Energy Inc.',              'Fraser Valley Energy Inc.',          'info@frve.example', '604-555-0102', '33160 South Fraser Way, Abbotsford, BC V2S 2B2',  '33160 South Fraser Way, Abbotsford, BC V2S 2B2',  false, '33160 South Fraser Way, Abbotsford, BC V2S 2B2'),
    (1004, 1004, 'Okanagan Renewable Petroleum Corp.',     'Okanagan Renewable Petroleum Corp.', 'info@okrp.example', '250-555-0103', '1630 Pandosy Street, Kelowna, BC V1Y 1P7',        '1630 Pandosy Street, Kelowna, BC V1Y 1P7',        false, '1630 Pandosy Street, Kelowna, BC V1Y 1P7'),
    (1005, 1005, 'Skeena North Distributors Ltd.',         'Skeena North Distributors',          'info@sknd.example', '250-555-0104', '4621 Lakelse Avenue, Terrace, BC V8G 1R1',        '4621 Lakelse Avenue, Terrace, BC V8G 1R1',        false, '4621 Lakelse Avenue, Terrace, BC V8G 1R1'),
    (1006, 1006, 'Cariboo Carbon Credit Aggregators Ltd.', 'Cariboo Carbon Credit Aggregators',  'info@ccca.example', '250-555-0105', '350 Oliver Street, Williams Lake, BC V2G 1M2',    '350 Oliver Street, Williams Lake, BC V2G 1M2',    false, '350 Oliver Street, Williams Lake, BC V2G 1M2'),
    (1007, 1007, 'Haida Gwaii Island Supply Co-op',        'Haida Gwaii Island Supply Co-op',    'info@hgis.example', '250-555-0108', '1 Collison Avenue, Masset, BC V0T 1M0',           '1 Collison Avenue, Masset, BC V0T 1M0',           false, '1 Collison Avenue, Masset, BC V0T 1M0'),
    (1008, 1008, 'Fraser Valley Energy Inc.',              'Fraser Valley Energy Inc.',          'info@frve.example', '604-555-0102', '33160 South Fraser Way, Abbotsford, BC V2S 2B2',  '33160 South Fraser Way, Abbotsford, BC V2S 2B2',  false, '33160 South Fraser Way, Abbotsford, BC V2S 2B2'),
    (1009, 1009, 'Coastal Mountain Fuels Ltd.',            'Coastal Mountain Fuels',             'info@cmfl.example', '604-555-0101', '1450 West Georgia Street, Vancouver, BC V6G 2T8', '1450 West Georgia Street, Vancouver, BC V6G 2T8', false, '1450 West Georgia Street, Vancouver, BC V6G 2T8'),
    (1010, 1010, 'Similkameen Petroleum Ltd.',             'Similkameen Petroleum',              'info@simp.example', '250-555-0111', '210 Bridge Street, Princeton, BC V0X 1W0',        '210 Bridge Street, Princeton, BC V0X 1W0',        false, '210 Bridge Street, Princeton, BC V0X 1W0')
ON CONFLICT DO NOTHING;

-- Summaries (none for the exempted report)
INSERT INTO compliance_report_summary (summary_id, compliance_report_id, is_locked, line_1_fossil_derived_base_fuel_gasoline, line_2_eligible_renewable_fuel_supplied_gasoline, line_3_total_tracked_fuel_supplied_gasoline, line_4_eligible_renewable_fuel_required_gasoline, line_1_fossil_derived_base_fuel_diesel, line_2_eligible_renewable_fuel_supplied_diesel, line_3_total_tracked_fuel_supplied_diesel, line_4_eligible_renewable_fuel_required_diesel, line_1_fossil_derived_base_fuel_jet_fuel, line_2_eligible_renewable_fuel_supplied_jet_fuel, line_3_total_tracked_fuel_supplied_jet_fuel, line_4_eligible_renewable_fuel_required_jet_fuel, line_5_net_notionally_transferred_gasoline, line_5_net_notionally_transferred_diesel, line_5_net_notionally_transferred_jet_fuel, line_6_renewable_fuel_retained_gasoline, line_6_renewable_fuel_retained_diesel, line_6_renewable_fuel_retained_jet_fuel, line_7_previously_retained_gasoline, line_7_previously_retained_diesel, line_7_previously_retained_jet_fuel, line_8_obligation_deferred_gasoline, line_8_obligation_deferred_diesel, line_8_obligation_deferred_jet_fuel, line_9_obligation_added_gasoline, line_9_obligation_added_diesel, line_9_obligation_added_jet_fuel, line_10_net_renewable_fuel_supplied_gasoline, line_11_non_compliance_penalty_gasoline, line_10_net_renewable_fuel_supplied_diesel, line_11_non_compliance_penalty_diesel, line_10_net_renewable_fuel_supplied_jet_fuel, line_11_non_compliance_penalty_jet_fuel, line_12_low_carbon_fuel_required, line_13_low_carbon_fuel_supplied, line_14_low_carbon_fuel_surplus, line_15_banked_units_used, line_16_banked_units_remaining, line_17_non_banked_units_used, line_18_units_to_be_banked, line_19_units_to_be_exported, line_20_surplus_deficit_units, line_21_surplus_deficit_ratio, line_22_compliance_units_issued, line_11_fossil_derived_base_fuel_gasoline, line_11_fossil_derived_base_fuel_diesel, line_11_fossil_derived_base_fuel_jet_fuel, line_11_fossil_derived_base_fuel_total, line_21_non_compliance_penalty_payable, total_non_compliance_penalty_payable) VALUES
    (1001, 1001, true,  120000000, 6500000, 126500000, 6325000, 85000000, 9500000, 94500000, 3780000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6500000, 0.0,     9500000, 0.0,     0, 0.0, 114296, 33512, -80784, 80784, 0, 0, 0,    0, 0, 0, -80784, 120000000, 85000000, 0, 205000000, 0, 0.0),
    (1002, 1002, false, 120000000, 6500000, 126500000, 6325000, 85000000, 9900000, 94900000, 3796000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6500000, 0.0,     9900000, 0.0,     0, 0.0, 114296, 34374, -79922, 79922, 0, 0, 0,    0, 0, 0, -79922, 120000000, 85000000, 0, 205000000, 0, 0.0),
    (1003, 1003, true,  55000000,  3000000, 58000000,  2900000, 40000000, 2000000, 42000000, 1680000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3000000, 0.0,     2000000, 0.0,     0, 0.0, 51941,  7148,  -44793, 44793, 0, 0, 0,    0, 0, 0, -44793, 55000000,  40000000, 0, 95000000,  0, 0.0),
    (1004, 1004, true,  30000000,  1800000, 31800000,  1590000, 20000000, 1500000, 21500000, 860000,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1800000, 0.0,     1500000, 0.0,     0, 0.0, 28206,  3136,  -25070, 25070, 0, 0, 0,    0, 0, 0, -25070, 30000000,  20000000, 0, 50000000,  0, 0.0),
    (1005, 1005, true,  9000000,   500000,  9500000,   475000,  18000000, 800000,  18800000, 752000,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 500000,  0.0,     800000,  0.0,     0, 0.0, 17370,  1724,  -15646, 15646, 0, 0, 0,    0, 0, 0, -15646, 9000000,   18000000, 0, 27000000,  0, 0.0),
    (1006, 1006, false, 0,         0,       0,         0,       0,        0,       0,        0,       0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,       0.0,     0,       0.0,     0, 0.0, 0,      3725,  3725,   0,     0, 0, 3725, 0, 0, 0, 3725,   0,         0,        0, 0,         0, 0.0),
    (1007, 1008, true,  0,         0,       0,         0,       30000000, 1400000, 31400000, 1256000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,       0.0,     1400000, 0.0,     0, 0.0, 17509,  2927,  -14582, 14582, 0, 0, 0,    0, 0, 0, -14582, 0,         30000000, 0, 30000000,  0, 0.0),
    (1008, 1009, false, 0,         0,       0,         0,       80000000, 4000000, 84000000, 3360000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,       0.0,     4000000, 0.0,     0, 0.0, 53404,  8310,  -45094, 45094, 0, 0, 0,    0, 0, 0, -45094, 0,         80000000, 0, 80000000,  0, 0.0),
    (1009, 1010, true,  4000000,   0,       4000000,   200000,  5000000,  0,       5000000,  200000,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,       60000.0, 0,       90000.0, 0, 0.0, 4998,   0,     -4998,  4998,  0, 0, 0,    0, 0, 0, -4998,  4000000,   5000000,  0, 9000000,   0, 150000.0)
ON CONFLICT DO NOTHING;

-- Schedule A: fuel supplied
INSERT INTO fuel_supply (fuel_supply_id, compliance_report_id, quantity, units, compliance_units, target_ci, ci_of_fuel, energy_density, eer, uci, energy, fuel_category_id, fuel_code_id, fuel_type_id, provision_of_the_act_id, end_use_id, group_uuid, version, action_type) VALUES
    (1001, 1001, 85000000,  'Litres',        -49609.9,  79.2792,  94.38, 38.65, 1.0, 0, 3285250000, 2, NULL, 16, 1, 24, 'fa0e0000-0000-4000-8000-000000001001', 0, 'CREATE'),
    (1002, 1001, 120000000, 'Litres',        -62388.72, 78.6828,  93.67, 34.69, 1.0, 0, 4162800000, 1, NULL, 17, 1, 24, 'fa0e0000-0000-4000-8000-000000001002', 0, 'CREATE'),
    (1003, 1001, 6000000,   'Litres',        12926.49,  79.2792,  18.42, 35.4,  1.0, 0, 212400000,  2, 1001, 1,  2, 24, 'fa0e0000-0000-4000-8000-000000001003', 0, 'CREATE'),
    (1004, 1001, 3500000,   'Litres',        7317.59,   79.2792,  24.1,  37.89, 1.0, 0, 132615000,  2, 1002, 5,  2, 24, 'fa0e0000-0000-4000-8000-000000001004', 0, 'CREATE'),
    (1005, 1001, 6500000,   'Litres',        -2297.09,  78.6828,  93.67, 23.58, 1.0, 0, 153270000,  1, NULL, 4,  3, 24, 'fa0e0000-0000-4000-8000-000000001005', 0, 'CREATE'),
    (1006, 1001, 14000000,  'Kilowatt_hour', 13267.79,  78.6828,  12.14, 3.6,   3.5, 0, 50400000,   1, NULL, 3,  3, 1,  'fa0e0000-0000-4000-8000-000000001006', 0, 'CREATE'),
    (1007, 1002, 85000000,  'Litres',        -49609.9,  79.2792,  94.38, 38.65, 1.0, 0, 3285250000, 2, NULL, 16, 1, 24, 'fa0e0000-0000-4000-8000-000000001007', 0, 'CREATE'),
    (1008, 1002, 120000000, 'Litres',        -62388.72, 78.6828,  93.67, 34.69, 1.0, 0, 4162800000, 1, NULL, 17, 1, 24, 'fa0e0000-0000-4000-8000-000000001008', 0, 'CREATE'),
    (1009, 1002, 6400000,   'Litres',        13788.26,  79.2792,  18.42, 35.4,  1.0, 0, 226560000,  2, 1001, 1,  2, 24, 'fa0e0000-0000-4000-8000-000000001009', 0, 'CREATE'),
    (1010, 1002, 3500000,   'Litres',        7317.59,   79.2792,  24.1,  37.89, 1.0, 0, 132615000,  2, 1002, 5,  2, 24, 'fa0e0000-0000-4000-8000-000000001010', 0, 'CREATE'),
    (1011, 1002, 6500000,   'Litres',        -2297.09,  78.6828,  93.67, 23.58, 1.0, 0, 153270000,  1, NULL, 4,  3, 24, 'fa0e0000-0000-4000-8000-000000001011', 0, 'CREATE'),
    (1012, 1002, 14000000,  'Kilowatt_hour', 13267.79,  78.6828,  12.14, 3.6,   3.5, 0, 50400000,   1, NULL, 3,  3, 1,  'fa0e0000-0000-4000-8000-000000001012', 0, 'CREATE'),
    (1013, 1003, 40000000,  'Litres',        -23345.84, 79.2792,  94.38, 38.65, 1.0, 0, 1546000000, 2, NULL, 16, 1, 24, 'fa0e0000-0000-4000-8000-000000001013', 0, 'CREATE'),
    (1014, 1003, 55000000,  'Litres',        -28594.83, 78.6828,  93.67, 34.69, 1.0, 0, 1907950000, 1, NULL, 17, 1, 24, 'fa0e0000-0000-4000-8000-000000001014', 0, 'CREATE'),
    (1015, 1003, 2000000,   'Litres',        4181.48,   79.2792,  24.1,  37.89, 1.0, 0, 75780000,   2, 1002, 5,  2, 24, 'fa0e0000-0000-4000-8000-000000001015', 0, 'CREATE'),
    (1016, 1003, 3000000,   'Litres',        2966.33,   78.6828,  36.75, 23.58, 1.0, 0, 70740000,   1, 1003, 4,  2, 24, 'fa0e0000-0000-4000-8000-000000001016', 0, 'CREATE'),
    (1017, 1004, 30000000,  'Litres',        -15597.18, 78.6828,  93.67, 34.69, 1.0, 0, 1040700000, 1, NULL, 17, 1, 24, 'fa0e0000-0000-4000-8000-000000001017', 0, 'CREATE'),
    (1018, 1004, 1800000,   'Litres',        -935.83,   78.6828,  93.67, 34.69, 1.0, 0, 62442000,   1, NULL, 14, 3, 24, 'fa0e0000-0000-4000-8000-000000001018', 0, 'CREATE'),
    (1019, 1004, 1500000,   'Litres',        3136.11,   79.2792,  24.1,  37.89, 1.0, 0, 56835000,   2, 1002, 5,  2, 24, 'fa0e0000-0000-4000-8000-000000001019', 0, 'CREATE'),
    (1020, 1004, 20000000,  'Litres',        -11672.92, 79.2792,  94.38, 38.65, 1.0, 0, 773000000,  2, NULL, 16, 1, 24, 'fa0e0000-0000-4000-8000-000000001020', 0, 'CREATE'),
    (1021, 1005, 18000000,  'Litres',        -10505.63, 79.2792,  94.38, 38.65, 1.0, 0, 695700000,  2, NULL, 16, 1, 24, 'fa0e0000-0000-4000-8000-000000001021', 0, 'CREATE'),
    (1022, 1005, 9000000,   'Litres',        -4679.15,  78.6828,  93.67, 34.69, 1.0, 0, 312210000,  1, NULL, 17, 1, 24, 'fa0e0000-0000-4000-8000-000000001022', 0, 'CREATE'),
    (1023, 1005, 800000,    'Litres',        1723.53,   79.2792,  18.42, 35.4,  1.0, 0, 28320000,   2, 1001, 1,  2, 24, 'fa0e0000-0000-4000-8000-000000001023', 0, 'CREATE'),
    (1024, 1005, 500000,    'Litres',        -176.7,    78.6828,  93.67, 23.58, 1.0, 0, 11790000,   1, NULL, 4,  3, 24, 'fa0e0000-0000-4000-8000-000000001024', 0, 'CREATE'),
    (1025, 1005, 2000000,   'Kilograms',     -2008.68,  79.2792,  90.11, 53.54, 0.9, 0, 107080000,  2, NULL, 7,  3, 22, 'fa0e0000-0000-4000-8000-000000001025', 0, 'CREATE'),
    (1026, 1006, 3000000,   'Kilowatt_hour', 2843.1,    78.6828,  12.14, 3.6,   3.5, 0, 10800000,   1, NULL, 3,  3, 1,  'fa0e0000-0000-4000-8000-000000001026', 0, 'CREATE'),
    (1027, 1006, 1500000,   'Cubic_metres',  882.27,    79.2792,  63.91, 38.27, 1.0, 0, 57405000,   2, NULL, 2,  3, 24, 'fa0e0000-0000-4000-8000-000000001027', 0, 'CREATE'),
    (1028, 1008, 30000000,  'Litres',        -17509.38, 79.2792,  94.38, 38.65, 1.0, 0, 1159500000, 2, NULL, 16, 1, 24, 'fa0e0000-0000-4000-8000-000000001028', 0, 'CREATE'),
    (1029, 1008, 1400000,   'Litres',        2927.04,   79.2792,  24.1,  37.89, 1.0, 0, 53046000,   2, 1002, 5,  2, 24, 'fa0e0000-0000-4000-8000-000000001029', 0, 'CREATE'),
    (1030, 1009, 80000000,  'Litres',        -53403.6,  77.10846, 94.38, 38.65, 1.0, 0, 3092000000, 2, NULL, 16, 1, 24, 'fa0e0000-0000-4000-8000-000000001030', 0, 'CREATE'),
    (1031, 1009, 4000000,   'Litres',        8310.29,   77.10846, 18.42, 35.4,  1.0, 0, 141600000,  2, 1001, 1,  2, 24, 'fa0e0000-0000-4000-8000-000000001031', 0, 'CREATE'),
    (1032, 1010, 5000000,   'Litres',        -2918.23,  79.2792,  94.38, 38.65, 1.0, 0, 193250000,  2, NULL, 16, 1, 24, 'fa0e0000-0000-4000-8000-000000001032', 0, 'CREATE'),
    (1033, 1010, 4000000,   'Litres',        -2079.62,  78.6828,  93.67, 34.69, 1.0, 0, 138760000,  1, NULL, 17, 1, 24, 'fa0e0000-0000-4000-8000-000000001033', 0, 'CREATE')
ON CONFLICT DO NOTHING;

-- Fuel exported out of BC
INSERT INTO fuel_export (fuel_export_id, compliance_report_id, export_date, quarter, quantity, units, compliance_units, target_ci, ci_of_fuel, uci, energy_density, eer, energy, fuel_category_id, fuel_code_id, fuel_type_id, provision_of_the_act_id, end_use_id, group_uuid, version, action_type) VALUES
    (1001, 1001, '2024-08-14', 'Q3', 2500000, 'Litres', 1459.11, 79.2792, 94.38, 0, 38.65, 1.0, 96625000, 2, NULL, 16, 1, 24, 'e0e0e000-0000-4000-8000-000000001001', 0, 'CREATE'),
    (1002, 1003, '2024-10-02', 'Q4', 1200000, 'Litres', 623.89,  78.6828, 93.67, 0, 34.69, 1.0, 41628000, 1, NULL, 17, 1, 24, 'e0e0e000-0000-4000-8000-000000001002', 0, 'CREATE'),
    (1003, 1005, '2024-06-20', 'Q2', 400000,  'Litres', 233.46,  79.2792, 94.38, 0, 38.65, 1.0, 15460000, 2, NULL, 16, 1, 24, 'e0e0e000-0000-4000-8000-000000001003', 0, 'CREATE')
ON CONFLICT DO NOTHING;

-- Notional transfers of renewable fuel obligation between suppliers
INSERT INTO notional_transfer (notional_transfer_id, compliance_report_id, quantity, legal_name, address_for_service, fuel_category_id, received_or_transferred, group_uuid, version, action_type) VALUES
    (1001, 1001, 1500000, 'Fraser Valley Energy Inc.',      '33160 South Fraser Way, Abbotsford, BC V2S 2B2',  2, 'Transferred', 'a0a0a000-0000-4000-8000-000000001001', 0, 'CREATE'),
    (1002, 1003, 1500000, 'Coastal Mountain Fuels Ltd.',    '1450 West Georgia Street, Vancouver, BC V6G 2T8', 2, 'Received',    'a0a0a000-0000-4000-8000-000000001002', 0, 'CREATE'),
    (1003, 1004, 600000,  'Skeena North Distributors Ltd.', '4621 Lakelse Avenue, Terrace, BC V8G 1R1',        1, 'Transferred', 'a0a0a000-0000-4000-8000-000000001003', 0, 'CREATE')
ON CONFLICT DO NOTHING;

-- Fuels put to other uses (heating oil and the like)
INSERT INTO other_uses (other_uses_id, compliance_report_id, fuel_type_id, fuel_category_id, provision_of_the_act_id, fuel_code_id, ci_of_fuel, quantity_supplied, units, expected_use_id, rationale, group_uuid, version, action_type) VALUES
    (1001, 1001, 16, 2, 1, NULL, 94.38, 750000, 'Litres', 1, 'Furnace oil for residential heating',  'b0b0b000-0000-4000-8000-000000001001', 0, 'CREATE'),
    (1002, 1004, 13, 1, 3, NULL, 79.87, 300000, 'Litres', 2, 'Propane for agricultural crop drying', 'b0b0b000-0000-4000-8000-000000001002', 0, 'CREATE'),
    (1003, 1005, 16, 2, 1, NULL, 94.38, 120000, 'Litres', 1, 'Heating oil for remote camps',         'b0b0b000-0000-4000-8000-000000001003', 0, 'CREATE')
ON CONFLICT DO NOTHING;

-- Allocation agreements between suppliers
INSERT INTO allocation_agreement (allocation_agreement_id, transaction_partner, postal_address, transaction_partner_email, transaction_partner_phone, ci_of_fuel, quantity, units, allocation_transaction_type_id, fuel_type_id, fuel_category_id, provision_of_the_act_id, fuel_code_id, compliance_report_id, group_uuid, version, action_type) VALUES
    (1001, 'Okanagan Renewable Petroleum Corp.', '1630 Pandosy Street, Kelowna, BC V1Y 1P7',        'info@okrp.example', '250-555-0103', 24.1,  900000,  'Litres', 2, 5,  2, 2, 1002, 1001, 'd0d0d000-0000-4000-8000-000000001001', 0, 'CREATE'),
    (1002, 'Coastal Mountain Fuels Ltd.',        '1450 West Georgia Street, Vancouver, BC V6G 2T8', 'info@cmfl.example', '604-555-0101', 24.1,  900000,  'Litres', 1, 5,  2, 2, 1002, 1004, 'd0d0d000-0000-4000-8000-000000001002', 0, 'CREATE'),
    (1003, 'Skeena North Distributors Ltd.',     '4621 Lakelse Avenue, Terrace, BC V8G 1R1',        'info@sknd.example', '250-555-0104', 94.38, 2000000, 'Litres', 2, 16, 2, 1, NULL, 1003, 'd0d0d000-0000-4000-8000-000000001003', 0, 'CREATE')
ON CONFLICT DO NOTHING;

-- Final supply equipment (EV chargers) reported with their electricity
INSERT INTO final_supply_equipment (final_supply_equipment_id, compliance_report_id, supply_from_date, supply_to_date, kwh_usage, registration_nbr, serial_nbr, manufacturer, model, level_of_equipment_id, ports, street_address, city, postal_code, latitude, longitude, organization_name) VALUES
    (1001, 1001, '2024-01-01', '2024-12-31', 412000, 'CMFL-V6G2T8-001', 'ABB-T54-22871',   'ABB',         'Terra 54', 1, 'Dual port',   '1450 West Georgia Street', 'Vancouver',  'V6G 2T8', 49.2892, -123.1296, 'Coastal Mountain Fuels Ltd.'),
    (1002, 1001, '2024-01-01', '2024-12-31', 388500, 'CMFL-V6G2T8-002', 'ABB-T54-22872',   'ABB',         'Terra 54', 1, 'Dual port',   '1450 West Georgia Street', 'Vancouver',  'V6G 2T8', 49.2892, -123.1296, 'Coastal Mountain Fuels Ltd.'),
    (1003, 1001, '2024-03-01', '2024-12-31', 61200,  'CMFL-V5Y1V4-001', 'FLO-SC-88120',    'FLO',         'SmartTWO', 2, 'Single port', '800 West Broadway',        'Vancouver',  'V5Z 1J7', 49.2633, -123.1213, 'Coastal Mountain Fuels Ltd.'),
    (1004, 1003, '2024-01-01', '2024-12-31', 155000, 'FRVE-V2S2B2-001', 'CHP-CPE250-1044', 'ChargePoint', 'CPE250',   1, 'Dual port',   '33160 South Fraser Way',   'Abbotsford', 'V2S 2B2', 49.0504, -122.3045, 'Fraser Valley Energy Inc.')
ON CONFLICT DO NOTHING;
INSERT INTO final_supply_intended_use_association (final_supply_equipment_id, end_use_type_id) VALUES
    (1001, 1),
    (1002, 1),
    (1003, 1),
    (1004, 5)
ON CONFLICT DO NOTHING;
INSERT INTO final_supply_intended_user_association (final_supply_equipment_id, end_user_type_id) VALUES
    (1001, 3),
    (1002, 3),
    (1003, 4),
    (1004, 2)
ON CONFLICT DO NOTHING;

-- Keep the sequences past the ids used here
SELECT setval(pg_get_serial_sequence('transaction', 'transaction_id'), (SELECT max(transaction_id) FROM transaction));
SELECT setval(pg_get_serial_sequence('compliance_report', 'compliance_report_id'), (SELECT max(compliance_report_id) FROM compliance_report));
SELECT setval(pg_get_serial_sequence('compliance_report_history', 'compliance_report_history_id'), (SELECT max(compliance_report_history_id) FROM compliance_report_history));
SELECT setval(pg_get_serial_sequence('compliance_report_organization_snapshot', 'organization_snapshot_id'), (SELECT max(organization_snapshot_id) FROM compliance_report_organization_snapshot));
SELECT setval(pg_get_serial_sequence('compliance_report_summary', 'summary_id'), (SELECT max(summary_id) FROM compliance_report_summary));
SELECT setval(pg_get_serial_sequence('fuel_supply', 'fuel_supply_id'), (SELECT max(fuel_supply_id) FROM fuel_supply));
SELECT setval(pg_get_serial_sequence('fuel_export', 'fuel_export_id'), (SELECT max(fuel_export_id) FROM fuel_export));
SELECT setval(pg_get_serial_sequence('notional_transfer', 'notional_transfer_id'), (SELECT max(notional_transfer_id) FROM notional_transfer));
SELECT setval(pg_get_serial_sequence('other_uses', 'other_uses_id'), (SELECT max(other_uses_id) FROM other_uses));
SELECT setval(pg_get_serial_sequence('allocation_agreement', 'allocation_agreement_id'), (SELECT max(allocation_agreement_id) FROM allocation_agreement));
SELECT setval(pg_get_serial_sequence('final_supply_equipment', 'final_supply_equipment_id'), (SELECT max(final_supply_equipment_id) FROM final_supply_equipment));
