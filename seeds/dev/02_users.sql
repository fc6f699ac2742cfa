-- Dev seed 02: government (IDIR) and supplier (BCeID) users with their roles, and a few
-- sign-ins. Users 1001-1005 are government staff, 1011-1022 belong to organizations.

-- Government staff (IDIR, no organization) and supplier staff (BCeID); one inactive
INSERT INTO user_profile (user_profile_id, keycloak_username, keycloak_email, email, title, phone, first_name, last_name, is_active, organization_id) VALUES
    (1001, 'idir_mchen',     'mei.chen@gov.bc.ca.example',        'mei.chen@gov.bc.ca.example',        'LCFS Administrator',         '250-555-2001', 'Mei',    'Chen',     true,  NULL),
    (1002, 'idir_jrobinson', 'jordan.robinson@gov.bc.ca.example', 'jordan.robinson@gov.bc.ca.example', 'Compliance Analyst',         '250-555-2002', 'Jordan', 'Robinson', true,  NULL),
    (1003, 'idir_asingh',    'aman.singh@gov.bc.ca.example',      'aman.singh@gov.bc.ca.example',      'Compliance Analyst',         '250-555-2003', 'Aman',   'Singh',    true,  NULL),
    (1004, 'idir_lmorrison', 'leah.morrison@gov.bc.ca.example',   'leah.morrison@gov.bc.ca.example',   'Compliance Manager',         '250-555-2004', 'Leah',   'Morrison', true,  NULL),
    (1005, 'idir_dthompson', 'david.thompson@gov.bc.ca.example',  'david.thompson@gov.bc.ca.example',  'Director, Low Carbon Fuels', '250-555-2005', 'David',  'Thompson', true,  NULL),
    (1011, 'cmfl_kwong',     'karen.wong@cmfl.example',           'karen.wong@cmfl.example',           'Fuel Compliance Manager',    '250-555-2011', 'Karen',  'Wong',     true,  1001),
    (1012, 'cmfl_bpatel',    'bryce.patel@cmfl.example',          'bryce.patel@cmfl.example',          'Regulatory Analyst',         '250-555-2012', 'Bryce',  'Patel',    true,  1001),
    (1013, 'frve_ptremblay', 'pierre.tremblay@frve.example',      'pierre.tremblay@frve.example',      'Vice-President, Supply',     '250-555-2013', 'Pierre', 'Tremblay', true,  1002),
    (1014, 'frve_sgill',     'simran.gill@frve.example',          'simran.gill@frve.example',          'Compliance Coordinator',     '250-555-2014', 'Simran', 'Gill',     true,  1002),
    (1015, 'okrp_hnakamura', 'hana.nakamura@okrp.example',        'hana.nakamura@okrp.example',        'General Manager',            '250-555-2015', 'Hana',   'Nakamura', true,  1003),
    (1016, 'sknd_rwilson',   'ryan.wilson@sknd.example',          'ryan.wilson@sknd.example',          'Owner',                      '250-555-2016', 'Ryan',   'Wilson',   true,  1004),
    (1017, 'ccca_efraser',   'emma.fraser@ccca.example',          'emma.fraser@ccca.example',          'Credit Trader',              '250-555-2017', 'Emma',   'Fraser',   true,  1005),
    (1018, 'npbf_olarsen',   'olaf.larsen@npbf.example',          'olaf.larsen@npbf.example',          'Process Engineer',           '250-555-2018', 'Olaf',   'Larsen',   true,  1006),
    (1019, 'ktbr_gdubois',   'grace.dubois@ktbr.example',         'grace.dubois@ktbr.example',         'Plant Manager',              '250-555-2019', 'Grace',  'Dubois',   true,  1007),
    (1020, 'hgis_tedenshaw', 'terry.edenshaw@hgis.example',       'terry.edenshaw@hgis.example',       'Co-op Manager',              '250-555-2020', 'Terry',  'Edenshaw', true,  1008),
    (1021, 'schp_nbaker',    'nora.baker@schp.example',           'nora.baker@schp.example',           'Project Director',           '250-555-2021', 'Nora',   'Baker',    true,  1009),
    (1022, 'sknd_jlee',      'jamie.lee@sknd.example',            'jamie.lee@sknd.example',            'Former Bookkeeper',          '250-555-2022', 'Jamie',  'Lee',      false, 1004)
ON CONFLICT DO NOTHING;

-- Their roles (ids from role)
INSERT INTO user_role (user_role_id, user_profile_id, role_id) VALUES
    (1001, 1001, 1),
    (1002, 1001, 3),
    (1003, 1001, 14),
    (1004, 1002, 1),
    (1005, 1002, 4),
    (1006, 1003, 1),
    (1007, 1003, 4),
    (1008, 1003, 15),
    (1009, 1004, 1),
    (1010, 1004, 5),
    (1011, 1004, 16),
    (1012, 1005, 1),
    (1013, 1005, 6),
    (1014, 1011, 2),
    (1015, 1011, 7),
    (1016, 1011, 8),
    (1017, 1011, 9),
    (1018, 1011, 10),
    (1019, 1012, 2),
    (1020, 1012, 9),
    (1021, 1012, 11),
    (1022, 1013, 2),
    (1023, 1013, 7),
    (1024, 1013, 8),
    (1025, 1013, 10),
    (1026, 1014, 2),
    (1027, 1014, 9),
    (1028, 1015, 2),
    (1029, 1015, 7),
    (1030, 1015, 8),
    (1031, 1015, 9),
    (1032, 1015, 10),
    (1033, 1016, 2),
    (1034, 1016, 7),
    (1035, 1016, 8),
    (1036, 1016, 9),
    (1037, 1016, 10),
    (1038, 1017, 2),
    (1039, 1017, 8),
    (1040, 1017, 10),
    (1041, 1018, 2),
    (1042, 1018, 12),
    (1043, 1019, 2),
    (1044, 1019, 12),
    (1045, 1019, 10),
    (1046, 1020, 2),
    (1047, 1020, 9),
    (1048, 1020, 10),
    (1049, 1021, 2),
    (1050, 1021, 13),
    (1051, 1021, 17),
    (1052, 1022, 2),
    (1053, 1022, 11)
ON CONFLICT DO NOTHING;

-- A few sign-ins, one of them failed
INSERT INTO user_login_history (user_login_history_id, keycloak_email, external_username, keycloak_user_id, is_login_successful, login_error_message, create_date) VALUES
    (1001, 'karen.wong@cmfl.example',      'cmfl_kwong',     NULL, true,  NULL,                  '2025-03-01 09:12:00-08'),
    (1002, 'pierre.tremblay@frve.example', 'frve_ptremblay', NULL, true,  NULL,                  '2025-03-02 10:05:00-08'),
    (1003, 'ryan.wilson@sknd.example',     'sknd_rwilson',   NULL, false, 'Invalid credentials', '2025-03-02 11:40:00-08'),
    (1004, 'ryan.wilson@sknd.example',     'sknd_rwilson',   NULL, true,  NULL,                  '2025-03-02 11:42:00-08')
ON CONFLICT DO NOTHING;

-- Keep the sequences past the ids used here
SELECT setval(pg_get_serial_sequence('user_profile', 'user_profile_id'), (SELECT max(user_profile_id) FROM user_profile));
SELECT setval(pg_get_serial_sequence('user_role', 'user_role_id'), (SELECT max(user_role_id) FROM user_role));
SELECT setval(pg_get_serial_sequence('user_login_history', 'user_login_history_id'), (SELECT max(user_login_history_id) FROM user_login_history));
