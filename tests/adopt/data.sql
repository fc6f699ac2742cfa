-- Rows for the LCFS database of the adoption tests, written with LCFS's triggers in place (on
-- top of the dev seed): sign-ins, ledger entries, audit rows as LCFS's seeding left them, the
-- leftover snapshot's rows, and the sequences LCFS leaves behind their tables.

-- The 1274 audit rows LCFS's seeding leaves, with no user.
INSERT INTO audit_log (table_name, operation, row_id, new_values, create_date, update_date)
SELECT 'fuel_type', 'INSERT', to_jsonb(g), jsonb_build_object('fuel_type_id', g),
       now() - interval '2 years', now() - interval '2 years'
  FROM generate_series(1, 1274) AS g;

SET app.username = 'lcfs_batch';

INSERT INTO user_login_history (keycloak_email, external_username, keycloak_user_id,
                                is_login_successful, login_error_message, create_date)
SELECT 'user' || (g % 40) || '@example.gov.bc.ca', 'user' || (g % 40), 'kc-' || (g % 40),
       g % 7 <> 0, CASE WHEN g % 7 = 0 THEN 'Invalid credentials' END,
       now() - g * interval '1 hour'
  FROM generate_series(1, 2000) AS g;

INSERT INTO transaction (compliance_units, organization_id, transaction_action,
                         effective_status, create_user, update_user)
SELECT (g % 97) * 10 - 300,
       (SELECT organization_id FROM organization ORDER BY organization_id
         OFFSET g % (SELECT count(*) FROM organization) LIMIT 1),
       (ARRAY['Adjustment', 'Reserved', 'Released'])[1 + g % 3]::transaction_action_enum,
       true, 'lcfs_batch', 'lcfs_batch'
  FROM generate_series(1, 1500) AS g;

INSERT INTO charging_equipment_snapshot_c7e4d9a1b2f6
       (charging_equipment_id, charging_site_id, equipment_number, serial_number, ports, action_type)
SELECT charging_equipment_id, charging_site_id, equipment_number, serial_number, ports, action_type
  FROM charging_equipment;

RESET app.username;

-- LCFS loads reference rows with explicit ids and leaves these sequences behind them.
SELECT setval('fuel_type_fuel_type_id_seq', 1);
SELECT setval('compliance_period_compliance_period_id_seq', 1);
SELECT setval('role_role_id_seq', 1);
SELECT setval('compliance_report_status_compliance_report_status_id_seq', 1, false);
