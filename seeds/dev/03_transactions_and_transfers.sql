-- Dev seed 03: opening balances and one credit transfer in every status, with history and
-- comments. The ledger entries each transfer leaves are inserted here, so the balances,
-- reserved balances and transfers-in-progress counts come from the triggers.

-- Ledger: opening balances (1001-1006), then the entries the transfers below made
-- (1101 on): Reserved while pending, Adjustment pairs once recorded, Released after a
-- refusal, decline or rescission.
INSERT INTO transaction (transaction_id, compliance_units, organization_id, transaction_action, effective_date, effective_status) VALUES
    (1001, 250000, 1001, 'Adjustment', '2023-01-01', true),
    (1002, 120000, 1002, 'Adjustment', '2023-01-01', true),
    (1003, 80000,  1003, 'Adjustment', '2023-01-01', true),
    (1004, 45000,  1004, 'Adjustment', '2023-01-01', true),
    (1005, 60000,  1005, 'Adjustment', '2023-01-01', true),
    (1006, 8000,   1011, 'Adjustment', '2023-01-01', true),
    (1101, -7500,  1001, 'Reserved',   '2025-02-01', true),
    (1102, -3000,  1003, 'Reserved',   '2025-01-20', true),
    (1103, -10000, 1005, 'Reserved',   '2025-01-05', true),
    (1104, -4000,  1002, 'Adjustment', '2024-05-15', true),
    (1105, 4000,   1004, 'Adjustment', '2024-05-15', true),
    (1106, -1500,  1004, 'Released',   '2023-02-01', true),
    (1107, -2500,  1001, 'Released',   '2024-10-01', true),
    (1108, -1200,  1003, 'Released',   '2024-11-12', true),
    (1109, -6000,  1005, 'Adjustment', '2023-11-20', true),
    (1110, 6000,   1003, 'Adjustment', '2023-11-20', true)
ON CONFLICT DO NOTHING;

-- One transfer in each status (two recorded), with the steps each went through
INSERT INTO transfer (transfer_id, from_organization_id, to_organization_id, from_transaction_id, to_transaction_id, agreement_date, transaction_effective_date, price_per_unit, quantity, transfer_category_id, current_status_id, recommendation) VALUES
    (1001, 1001, 1002, NULL, NULL, '2025-02-10 00:00:00', NULL,                  280.0, 5000,  1, 1, NULL),
    (1002, 1002, 1003, NULL, NULL, '2025-01-15 00:00:00', NULL,                  300.0, 2000,  1, 2, NULL),
    (1003, 1001, 1003, 1101, NULL, '2025-02-01 00:00:00', NULL,                  295.5, 7500,  1, 3, NULL),
    (1004, 1003, 1004, 1102, NULL, '2025-01-20 00:00:00', NULL,                  310.0, 3000,  1, 4, NULL),
    (1005, 1005, 1001, 1103, NULL, '2025-01-05 00:00:00', NULL,                  250.0, 10000, 1, 5, 'Record'),
    (1006, 1002, 1004, 1104, 1105, '2024-04-22 00:00:00', '2024-05-15 00:00:00', 275.0, 4000,  1, 6, 'Record'),
    (1007, 1004, 1002, 1106, NULL, '2023-02-01 00:00:00', NULL,                  190.0, 1500,  3, 7, 'Refuse'),
    (1008, 1001, 1005, 1107, NULL, '2024-10-01 00:00:00', NULL,                  260.0, 2500,  1, 8, NULL),
    (1009, 1003, 1002, 1108, NULL, '2024-11-12 00:00:00', NULL,                  305.0, 1200,  1, 9, NULL),
    (1010, 1005, 1003, 1109, 1110, '2023-05-02 00:00:00', '2023-11-20 00:00:00', 240.0, 6000,  2, 6, 'Record')
ON CONFLICT DO NOTHING;
INSERT INTO transfer_history (transfer_history_id, transfer_id, transfer_status_id, user_profile_id, display_name, create_date) VALUES
    (1001, 1001, 1, 1011, 'Karen Wong',      '2025-02-10 10:00:00-08'),
    (1002, 1002, 1, 1013, 'Pierre Tremblay', '2025-01-15 10:00:00-08'),
    (1003, 1002, 2, 1013, 'Pierre Tremblay', '2025-01-18 10:00:00-08'),
    (1004, 1003, 1, 1011, 'Karen Wong',      '2025-02-01 10:00:00-08'),
    (1005, 1003, 3, 1011, 'Karen Wong',      '2025-02-04 10:00:00-08'),
    (1006, 1004, 1, 1015, 'Hana Nakamura',   '2025-01-20 10:00:00-08'),
    (1007, 1004, 3, 1015, 'Hana Nakamura',   '2025-01-23 10:00:00-08'),
    (1008, 1004, 4, 1016, 'Ryan Wilson',     '2025-01-26 10:00:00-08'),
    (1009, 1005, 1, 1017, 'Emma Fraser',     '2025-01-05 10:00:00-08'),
    (1010, 1005, 3, 1017, 'Emma Fraser',     '2025-01-08 10:00:00-08'),
    (1011, 1005, 4, 1011, 'Karen Wong',      '2025-01-11 10:00:00-08'),
    (1012, 1005, 5, 1002, 'Jordan Robinson', '2025-01-14 10:00:00-08'),
    (1013, 1006, 1, 1013, 'Pierre Tremblay', '2024-04-22 10:00:00-08'),
    (1014, 1006, 3, 1013, 'Pierre Tremblay', '2024-04-25 10:00:00-08'),
    (1015, 1006, 4, 1016, 'Ryan Wilson',     '2024-04-28 10:00:00-08'),
    (1016, 1006, 5, 1002, 'Jordan Robinson', '2024-05-01 10:00:00-08'),
    (1017, 1006, 6, 1005, 'David Thompson',  '2024-05-04 10:00:00-08'),
    (1018, 1007, 1, 1016, 'Ryan Wilson',     '2023-02-01 10:00:00-08'),
    (1019, 1007, 3, 1016, 'Ryan Wilson',     '2023-02-04 10:00:00-08'),
    (1020, 1007, 4, 1013, 'Pierre Tremblay', '2023-02-07 10:00:00-08'),
    (1021, 1007, 5, 1002, 'Jordan Robinson', '2023-02-10 10:00:00-08'),
    (1022, 1007, 7, 1005, 'David Thompson',  '2023-02-13 10:00:00-08'),
    (1023, 1008, 1, 1011, 'Karen Wong',      '2024-10-01 10:00:00-08'),
    (1024, 1008, 3, 1011, 'Karen Wong',      '2024-10-04 10:00:00-08'),
    (1025, 1008, 8, 1017, 'Emma Fraser',     '2024-10-07 10:00:00-08'),
    (1026, 1009, 1, 1015, 'Hana Nakamura',   '2024-11-12 10:00:00-08'),
    (1027, 1009, 3, 1015, 'Hana Nakamura',   '2024-11-15 10:00:00-08'),
    (1028, 1009, 4, 1013, 'Pierre Tremblay', '2024-11-18 10:00:00-08'),
    (1029, 1009, 9, 1015, 'Hana Nakamura',   '2024-11-21 10:00:00-08'),
    (1030, 1010, 1, 1017, 'Emma Fraser',     '2023-05-02 10:00:00-08'),
    (1031, 1010, 3, 1017, 'Emma Fraser',     '2023-05-05 10:00:00-08'),
    (1032, 1010, 4, 1015, 'Hana Nakamura',   '2023-05-08 10:00:00-08'),
    (1033, 1010, 5, 1002, 'Jordan Robinson', '2023-05-11 10:00:00-08'),
    (1034, 1010, 6, 1005, 'David Thompson',  '2023-05-14 10:00:00-08')
ON CONFLICT DO NOTHING;
INSERT INTO transfer_comment (transfer_comment_id, transfer_id, comment, comment_source) VALUES
    (1001, 1004, 'Units for our Q1 2025 diesel obligation.',             'FROM_ORG'),
    (1002, 1005, 'Price agreed in the January supply contract.',         'TO_ORG'),
    (1003, 1006, 'Agreement reviewed; price within the market range.',   'GOVERNMENT'),
    (1004, 1007, 'Agreement signed more than a year before submission.', 'GOVERNMENT'),
    (1005, 1008, 'We no longer need these units.',                       'TO_ORG'),
    (1006, 1009, 'Sent in error; rescinding.',                           'FROM_ORG')
ON CONFLICT DO NOTHING;
INSERT INTO internal_comment (internal_comment_id, comment, audience_scope, visibility) VALUES
    (1001, 'Checked both parties are registered and in good standing.', 'Analyst', 'Internal')
ON CONFLICT DO NOTHING;
INSERT INTO transfer_internal_comment (transfer_id, internal_comment_id) VALUES
    (1005, 1001)
ON CONFLICT DO NOTHING;

-- Keep the sequences past the ids used here
SELECT setval(pg_get_serial_sequence('transaction', 'transaction_id'), (SELECT max(transaction_id) FROM transaction));
SELECT setval(pg_get_serial_sequence('transfer', 'transfer_id'), (SELECT max(transfer_id) FROM transfer));
SELECT setval(pg_get_serial_sequence('transfer_history', 'transfer_history_id'), (SELECT max(transfer_history_id) FROM transfer_history));
SELECT setval(pg_get_serial_sequence('transfer_comment', 'transfer_comment_id'), (SELECT max(transfer_comment_id) FROM transfer_comment));
SELECT setval(pg_get_serial_sequence('internal_comment', 'internal_comment_id'), (SELECT max(internal_comment_id) FROM internal_comment));
