-- Dev seed 04: administrative adjustments and initiative agreements in every status, with
-- history; the approved ones carry their ledger entry (transactions 1201 on).

-- Ledger entries of the approved adjustments and agreements
INSERT INTO transaction (transaction_id, compliance_units, organization_id, transaction_action, effective_date, effective_status) VALUES
    (1201, 2500,  1001, 'Adjustment', '2024-09-30', true),
    (1202, -1200, 1011, 'Adjustment', '2024-07-15', true),
    (1203, 15000, 1001, 'Adjustment', '2024-06-30', true),
    (1204, 6000,  1009, 'Adjustment', '2024-03-31', true)
ON CONFLICT DO NOTHING;

-- Administrative adjustment in each status (two approved), with history
INSERT INTO admin_adjustment (admin_adjustment_id, compliance_units, transaction_effective_date, gov_comment, to_organization_id, transaction_id, current_status_id, effective_status) VALUES
    (1001, 1500,  '2025-03-01 00:00:00', 'Correction for a 2023 biodiesel volume reported twice.', 1003, NULL, 1, true),
    (1002, -800,  '2025-02-15 00:00:00', 'Units issued in error on the 2023 assessment.',          1004, NULL, 2, true),
    (1003, 2500,  '2024-09-30 00:00:00', 'Units owed from the 2023 reassessment.',                 1001, 1201, 3, true),
    (1004, 400,   '2024-08-01 00:00:00', 'Entered for the wrong organization.',                    1002, NULL, 4, true),
    (1005, -1200, '2024-07-15 00:00:00', 'Units removed after the audit of 2023 records.',         1011, 1202, 3, true)
ON CONFLICT DO NOTHING;
INSERT INTO admin_adjustment_history (admin_adjustment_history_id, admin_adjustment_id, admin_adjustment_status_id, user_profile_id, display_name, effective_status, create_date) VALUES
    (1001, 1001, 1, 1002, 'Jordan Robinson', true, '2025-02-09 11:00:00-08'),
    (1002, 1002, 1, 1002, 'Jordan Robinson', true, '2025-01-26 11:00:00-08'),
    (1003, 1002, 2, 1002, 'Jordan Robinson', true, '2025-02-02 11:00:00-08'),
    (1004, 1003, 1, 1002, 'Jordan Robinson', true, '2024-09-10 11:00:00-08'),
    (1005, 1003, 2, 1002, 'Jordan Robinson', true, '2024-09-17 11:00:00-08'),
    (1006, 1003, 3, 1005, 'David Thompson',  true, '2024-09-24 11:00:00-08'),
    (1007, 1004, 1, 1002, 'Jordan Robinson', true, '2024-07-12 11:00:00-08'),
    (1008, 1004, 4, 1002, 'Jordan Robinson', true, '2024-07-19 11:00:00-08'),
    (1009, 1005, 1, 1002, 'Jordan Robinson', true, '2024-06-25 11:00:00-08'),
    (1010, 1005, 2, 1002, 'Jordan Robinson', true, '2024-07-02 11:00:00-08'),
    (1011, 1005, 3, 1005, 'David Thompson',  true, '2024-07-09 11:00:00-08')
ON CONFLICT DO NOTHING;

-- Initiative agreement in each status (two approved), with history
INSERT INTO initiative_agreement (initiative_agreement_id, compliance_units, transaction_effective_date, gov_comment, to_organization_id, transaction_id, current_status_id, effective_status) VALUES
    (1001, 12000, '2025-04-01 00:00:00', 'Hydrogen fuelling station, Sechelt: second milestone.',   1009, NULL, 1, true),
    (1002, 8000,  '2025-01-15 00:00:00', 'Hydrogen fuelling station, Sechelt: first milestone.',    1009, NULL, 2, true),
    (1003, 15000, '2024-06-30 00:00:00', 'Heavy-duty electric truck charging corridor, Highway 1.', 1001, 1203, 3, true),
    (1004, 5000,  '2024-05-01 00:00:00', 'Withdrawn by the proponent.',                             1003, NULL, 4, true),
    (1005, 6000,  '2024-03-31 00:00:00', 'Hydrogen station feasibility and design.',                1009, 1204, 3, true)
ON CONFLICT DO NOTHING;
INSERT INTO initiative_agreement_history (initiative_agreement_history_id, initiative_agreement_id, initiative_agreement_status_id, user_profile_id, display_name, effective_status, create_date) VALUES
    (1001, 1001, 1, 1002, 'Jordan Robinson', true, '2025-03-12 11:00:00-08'),
    (1002, 1002, 1, 1002, 'Jordan Robinson', true, '2024-12-26 11:00:00-08'),
    (1003, 1002, 2, 1002, 'Jordan Robinson', true, '2025-01-02 11:00:00-08'),
    (1004, 1003, 1, 1002, 'Jordan Robinson', true, '2024-06-10 11:00:00-08'),
    (1005, 1003, 2, 1002, 'Jordan Robinson', true, '2024-06-17 11:00:00-08'),
    (1006, 1003, 3, 1005, 'David Thompson',  true, '2024-06-24 11:00:00-08'),
    (1007, 1004, 1, 1002, 'Jordan Robinson', true, '2024-04-11 11:00:00-08'),
    (1008, 1004, 4, 1002, 'Jordan Robinson', true, '2024-04-18 11:00:00-08'),
    (1009, 1005, 1, 1002, 'Jordan Robinson', true, '2024-03-11 11:00:00-08'),
    (1010, 1005, 2, 1002, 'Jordan Robinson', true, '2024-03-18 11:00:00-08'),
    (1011, 1005, 3, 1005, 'David Thompson',  true, '2024-03-25 11:00:00-08')
ON CONFLICT DO NOTHING;

-- Keep the sequences past the ids used here
SELECT setval(pg_get_serial_sequence('transaction', 'transaction_id'), (SELECT max(transaction_id) FROM transaction));
SELECT setval(pg_get_serial_sequence('admin_adjustment', 'admin_adjustment_id'), (SELECT max(admin_adjustment_id) FROM admin_adjustment));
SELECT setval(pg_get_serial_sequence('admin_adjustment_history', 'admin_adjustment_history_id'), (SELECT max(admin_adjustment_history_id) FROM admin_adjustment_history));
SELECT setval(pg_get_serial_sequence('initiative_agreement', 'initiative_agreement_id'), (SELECT max(initiative_agreement_id) FROM initiative_agreement));
SELECT setval(pg_get_serial_sequence('initiative_agreement_history', 'initiative_agreement_history_id'), (SELECT max(initiative_agreement_history_id) FROM initiative_agreement_history));
