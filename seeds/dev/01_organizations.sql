-- Dev seed 01: organizations of every type and status, with their service and head office
-- addresses and two credit market listings. Ids 1001-1011 (addresses share the
-- organization id).

-- Addresses for service, one per organization (same id as the organization)
INSERT INTO organization_address (organization_address_id, name, street_address, address_other, city, province_state, country, "postalCode_zipCode", effective_status) VALUES
    (1001, 'Coastal Mountain Fuels Ltd.',            '1450 West Georgia Street', NULL, 'Vancouver',     'BC', 'Canada', 'V6G 2T8', true),
    (1002, 'Fraser Valley Energy Inc.',              '33160 South Fraser Way',   NULL, 'Abbotsford',    'BC', 'Canada', 'V2S 2B2', true),
    (1003, 'Okanagan Renewable Petroleum Corp.',     '1630 Pandosy Street',      NULL, 'Kelowna',       'BC', 'Canada', 'V1Y 1P7', true),
    (1004, 'Skeena North Distributors Ltd.',         '4621 Lakelse Avenue',      NULL, 'Terrace',       'BC', 'Canada', 'V8G 1R1', true),
    (1005, 'Cariboo Carbon Credit Aggregators Ltd.', '350 Oliver Street',        NULL, 'Williams Lake', 'BC', 'Canada', 'V2G 1M2', true),
    (1006, 'Northern Prairie Biofuels Inc.',         '1188 Fourth Avenue',       NULL, 'Prince George', 'BC', 'Canada', 'V2L 3J4', true),
    (1007, 'Kootenay Bio Refining Ltd.',             '1995 Sixth Avenue',        NULL, 'Castlegar',     'BC', 'Canada', 'V1N 4B7', true),
    (1008, 'Haida Gwaii Island Supply Co-op',        '1 Collison Avenue',        NULL, 'Masset',        'BC', 'Canada', 'V0T 1M0', true),
    (1009, 'Sunshine Coast Hydrogen Partners Ltd.',  '5655 Cowrie Street',       NULL, 'Sechelt',       'BC', 'Canada', 'V7Z 0A1', true),
    (1010, 'Peace Country Fuel Co.',                 '10104 100 Avenue',         NULL, 'Fort St. John', 'BC', 'Canada', 'V1J 1Y7', true),
    (1011, 'Similkameen Petroleum Ltd.',             '210 Bridge Street',        NULL, 'Princeton',     'BC', 'Canada', 'V0X 1W0', true)
ON CONFLICT DO NOTHING;

-- Head office or attorney addresses; two organizations are run from outside BC
INSERT INTO organization_attorney_address (organization_attorney_address_id, name, street_address, address_other, city, province_state, country, "postalCode_zipCode", effective_status) VALUES
    (1001, 'Coastal Mountain Fuels Ltd.',            '1450 West Georgia Street', 'Head office', 'Vancouver',     'BC', 'Canada', 'V6G 2T8', true),
    (1002, 'Fraser Valley Energy Inc.',              '33160 South Fraser Way',   'Head office', 'Abbotsford',    'BC', 'Canada', 'V2S 2B2', true),
    (1003, 'Okanagan Renewable Petroleum Corp.',     '1630 Pandosy Street',      'Head office', 'Kelowna',       'BC', 'Canada', 'V1Y 1P7', true),
    (1004, 'Skeena North Distributors Ltd.',         '4621 Lakelse Avenue',      'Head office', 'Terrace',       'BC', 'Canada', 'V8G 1R1', true),
    (1005, 'Cariboo Carbon Credit Aggregators Ltd.', '350 Oliver Street',        'Head office', 'Williams Lake', 'BC', 'Canada', 'V2G 1M2', true),
    (1006, 'Northern Prairie Biofuels Inc.',         '10220 104 Avenue NW',      'Suite 800',   'Edmonton',      'AB', 'Canada', 'T5J 0H6', true),
    (1007, 'Harbour Legal LLP (attorney)',           '595 Burrard Street',       'Suite 2600',  'Vancouver',     'BC', 'Canada', 'V7X 1L3', true),
    (1008, 'Haida Gwaii Island Supply Co-op',        '1 Collison Avenue',        'Head office', 'Masset',        'BC', 'Canada', 'V0T 1M0', true),
    (1009, 'Sunshine Coast Hydrogen Partners Ltd.',  '5655 Cowrie Street',       'Head office', 'Sechelt',       'BC', 'Canada', 'V7Z 0A1', true),
    (1010, 'Peace Country Fuel Co.',                 '10104 100 Avenue',         'Head office', 'Fort St. John', 'BC', 'Canada', 'V1J 1Y7', true),
    (1011, 'Similkameen Petroleum Ltd.',             '210 Bridge Street',        'Head office', 'Princeton',     'BC', 'Canada', 'V0X 1W0', true)
ON CONFLICT DO NOTHING;

-- The organizations: four registered fuel suppliers, one of each other type, an
-- unregistered supplier and a suspended one. Balances are left to the ledger triggers.
INSERT INTO organization (organization_id, organization_code, name, operating_name, email, phone, edrms_record, organization_status_id, organization_type_id, organization_address_id, organization_attorney_address_id, effective_status, records_address, credit_trading_enabled, credit_market_contact_name, credit_market_contact_email, credit_market_contact_phone, credit_market_is_seller, credit_market_is_buyer, credits_to_sell, display_in_credit_market) VALUES
    (1001, 'CMFL', 'Coastal Mountain Fuels Ltd.',            'Coastal Mountain Fuels',            'info@cmfl.example', '604-555-0101', 'EDRMS-CMFL-2023', 2, 1, 1001, 1001, true, '1450 West Georgia Street, Vancouver BC V6G 2T8', true,  NULL,           NULL,                   NULL,           false, false, 0,    false),
    (1002, 'FRVE', 'Fraser Valley Energy Inc.',              'Fraser Valley Energy',              'info@frve.example', '604-555-0102', 'EDRMS-FRVE-2023', 2, 1, 1002, 1002, true, '33160 South Fraser Way, Abbotsford BC V2S 2B2',  true,  'Trading desk', 'credits@frve.example', '604-555-0102', true,  false, 5000, true),
    (1003, 'OKRP', 'Okanagan Renewable Petroleum Corp.',     'Okanagan Renewable Petroleum',      'info@okrp.example', '250-555-0103', 'EDRMS-OKRP-2023', 2, 1, 1003, 1003, true, '1630 Pandosy Street, Kelowna BC V1Y 1P7',        true,  NULL,           NULL,                   NULL,           false, false, 0,    false),
    (1004, 'SKND', 'Skeena North Distributors Ltd.',         'Skeena North Distributors',         'info@sknd.example', '250-555-0104', 'EDRMS-SKND-2023', 2, 1, 1004, 1004, true, '4621 Lakelse Avenue, Terrace BC V8G 1R1',        true,  'Trading desk', 'credits@sknd.example', '250-555-0104', false, true,  0,    true),
    (1005, 'CCCA', 'Cariboo Carbon Credit Aggregators Ltd.', 'Cariboo Carbon Credit Aggregators', 'info@ccca.example', '250-555-0105', 'EDRMS-CCCA-2023', 2, 2, 1005, 1005, true, '350 Oliver Street, Williams Lake BC V2G 1M2',    true,  NULL,           NULL,                   NULL,           false, false, 0,    false),
    (1006, 'NPBF', 'Northern Prairie Biofuels Inc.',         'Northern Prairie Biofuels',         'info@npbf.example', '250-555-0106', 'EDRMS-NPBF-2023', 2, 3, 1006, 1006, true, '1188 Fourth Avenue, Prince George BC V2L 3J4',   false, NULL,           NULL,                   NULL,           false, false, 0,    false),
    (1007, 'KTBR', 'Kootenay Bio Refining Ltd.',             'Kootenay Bio Refining',             'info@ktbr.example', '250-555-0107', 'EDRMS-KTBR-2023', 2, 3, 1007, 1007, true, '1995 Sixth Avenue, Castlegar BC V1N 4B7',        false, NULL,           NULL,                   NULL,           false, false, 0,    false),
    (1008, 'HGIS', 'Haida Gwaii Island Supply Co-op',        'Haida Gwaii Island Supply Co-op',   'info@hgis.example', '250-555-0108', 'EDRMS-HGIS-2023', 2, 4, 1008, 1008, true, '1 Collison Avenue, Masset BC V0T 1M0',           false, NULL,           NULL,                   NULL,           false, false, 0,    false),
    (1009, 'SCHP', 'Sunshine Coast Hydrogen Partners Ltd.',  'Sunshine Coast Hydrogen Partners',  'info@schp.example', '604-555-0109', 'EDRMS-SCHP-2023', 2, 5, 1009, 1009, true, '5655 Cowrie Street, Sechelt BC V7Z 0A1',         false, NULL,           NULL,                   NULL,           false, false, 0,    false),
    (1010, 'PCFC', 'Peace Country Fuel Co.',                 'Peace Country Fuel Co.',            'info@pcfc.example', '250-555-0110', 'EDRMS-PCFC-2023', 1, 1, 1010, 1010, true, '10104 100 Avenue, Fort St. John BC V1J 1Y7',     false, NULL,           NULL,                   NULL,           false, false, 0,    false),
    (1011, 'SIMP', 'Similkameen Petroleum Ltd.',             'Similkameen Petroleum',             'info@simp.example', '250-555-0111', 'EDRMS-SIMP-2023', 3, 1, 1011, 1011, true, '210 Bridge Street, Princeton BC V0X 1W0',        false, NULL,           NULL,                   NULL,           false, false, 0,    false)
ON CONFLICT DO NOTHING;

-- The credit market listings above, as their owners entered them
INSERT INTO credit_market_audit_log (credit_market_audit_log_id, organization_id, credits_to_sell, credit_market_is_seller, credit_market_is_buyer, contact_person, phone, email, changed_by) VALUES
    (1001, 1002, 5000, true,  false, 'Trading desk', '604-555-0102', 'credits@frve.example', 'frve_ptremblay'),
    (1002, 1004, 0,    false, true,  'Trading desk', '250-555-0104', 'credits@sknd.example', 'sknd_rwilson')
ON CONFLICT DO NOTHING;

-- Keep the sequences past the ids used here
SELECT setval(pg_get_serial_sequence('organization_address', 'organization_address_id'), (SELECT max(organization_address_id) FROM organization_address));
SELECT setval(pg_get_serial_sequence('organization_attorney_address', 'organization_attorney_address_id'), (SELECT max(organization_attorney_address_id) FROM organization_attorney_address));
SELECT setval(pg_get_serial_sequence('organization', 'organization_id'), (SELECT max(organization_id) FROM organization));
SELECT setval(pg_get_serial_sequence('credit_market_audit_log', 'credit_market_audit_log_id'), (SELECT max(credit_market_audit_log_id) FROM credit_market_audit_log));
