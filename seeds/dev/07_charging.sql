-- Dev seed 07: charging sites and equipment of three suppliers, in every site and
-- equipment status, with intended uses and users and the electricity they reported.
-- Sites 1001-1004, equipment 1001-1007.

-- Charging sites of three suppliers
INSERT INTO charging_site (charging_site_id, organization_id, status_id, site_code, site_name, street_address, city, postal_code, latitude, longitude, group_uuid, version, action_type) VALUES
    (1001, 1001, 3, 'CM001', 'Georgia Street Fast Charge Hub', '1450 West Georgia Street', 'Vancouver',  'V6G 2T8', 49.2892, -123.1296, 'c5c5c500-0000-4000-8000-000000001001', 0, 'CREATE'),
    (1002, 1001, 2, 'CM002', 'Broadway Workplace Chargers',    '800 West Broadway',        'Vancouver',  'V5Z 1J7', 49.2633, -123.1213, 'c5c5c500-0000-4000-8000-000000001002', 0, 'CREATE'),
    (1003, 1002, 3, 'FV001', 'Abbotsford Fleet Depot',         '33160 South Fraser Way',   'Abbotsford', 'V2S 2B2', 49.0504, -122.3045, 'c5c5c500-0000-4000-8000-000000001003', 0, 'CREATE'),
    (1004, 1003, 1, 'OK001', 'Kelowna Waterfront Chargers',    '1630 Pandosy Street',      'Kelowna',    'V1Y 1P7', 49.8801, -119.496,  'c5c5c500-0000-4000-8000-000000001004', 0, 'CREATE')
ON CONFLICT DO NOTHING;

-- Their equipment in every equipment status
INSERT INTO charging_equipment (charging_equipment_id, charging_site_id, status_id, equipment_number, serial_number, manufacturer, model, level_of_equipment_id, ports, group_uuid, version, action_type, latitude, longitude) VALUES
    (1001, 1001, 3, '001', 'ABB-T54-22871',   'ABB',         'Terra 54', 1, 'Dual port',   'e5e5e500-0000-4000-8000-000000001001', 0, 'CREATE', 49.2892, -123.1296),
    (1002, 1001, 3, '002', 'ABB-T54-22872',   'ABB',         'Terra 54', 1, 'Dual port',   'e5e5e500-0000-4000-8000-000000001002', 0, 'CREATE', 49.2892, -123.1296),
    (1003, 1001, 5, '003', 'ABB-T54-19004',   'ABB',         'Terra 53', 1, 'Single port', 'e5e5e500-0000-4000-8000-000000001003', 0, 'CREATE', 49.2892, -123.1296),
    (1004, 1002, 2, '001', 'FLO-SC-88120',    'FLO',         'SmartTWO', 2, 'Single port', 'e5e5e500-0000-4000-8000-000000001004', 0, 'CREATE', 49.2633, -123.1213),
    (1005, 1003, 3, '001', 'CHP-CPE250-1044', 'ChargePoint', 'CPE250',   1, 'Dual port',   'e5e5e500-0000-4000-8000-000000001005', 0, 'CREATE', 49.0504, -122.3045),
    (1006, 1003, 4, '002', 'CHP-CT4000-7731', 'ChargePoint', 'CT4000',   2, 'Dual port',   'e5e5e500-0000-4000-8000-000000001006', 0, 'CREATE', 49.0504, -122.3045),
    (1007, 1004, 1, '001', 'GRZ-ELT40-5520',  'Grizzl-E',    'Elite 40', 2, 'Single port', 'e5e5e500-0000-4000-8000-000000001007', 0, 'CREATE', 49.8801, -119.496)
ON CONFLICT DO NOTHING;
INSERT INTO charging_equipment_intended_use_association (charging_equipment_id, end_use_type_id) VALUES
    (1001, 1),
    (1002, 1),
    (1003, 1),
    (1004, 1),
    (1005, 5),
    (1005, 4),
    (1006, 5),
    (1007, 1)
ON CONFLICT DO NOTHING;
INSERT INTO charging_equipment_intended_user_association (charging_equipment_id, end_user_type_id) VALUES
    (1001, 3),
    (1002, 3),
    (1003, 3),
    (1004, 4),
    (1005, 2),
    (1006, 2),
    (1007, 1)
ON CONFLICT DO NOTHING;

-- Electricity the validated equipment supplied, as reported for 2024
INSERT INTO compliance_report_charging_equipment (charging_equipment_compliance_id, charging_equipment_id, compliance_report_id, organization_id, kwh_usage, compliance_notes, supply_from_date, supply_to_date, compliance_report_group_uuid, charging_equipment_version) VALUES
    (1001, 1001, 1001, 1001, 412000, NULL,             '2024-01-01 00:00:00', '2024-12-31 00:00:00', 'c0ffee00-0000-4000-8000-000000001001', 0),
    (1002, 1002, 1001, 1001, 388500, NULL,             '2024-01-01 00:00:00', '2024-12-31 00:00:00', 'c0ffee00-0000-4000-8000-000000001001', 0),
    (1003, 1005, 1003, 1002, 155000, 'Fleet use only', '2024-01-01 00:00:00', '2024-12-31 00:00:00', 'c0ffee00-0000-4000-8000-000000001003', 0)
ON CONFLICT DO NOTHING;

-- Keep the sequences past the ids used here
SELECT setval(pg_get_serial_sequence('charging_site', 'charging_site_id'), (SELECT max(charging_site_id) FROM charging_site));
SELECT setval(pg_get_serial_sequence('charging_equipment', 'charging_equipment_id'), (SELECT max(charging_equipment_id) FROM charging_equipment));
SELECT setval(pg_get_serial_sequence('compliance_report_charging_equipment', 'charging_equipment_compliance_id'), (SELECT max(charging_equipment_compliance_id) FROM compliance_report_charging_equipment));
