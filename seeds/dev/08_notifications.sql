-- Dev seed 08: government notices, in-application notifications about the transfers,
-- reports and agreements above, and users' notification subscriptions.

-- Banner notices from government
INSERT INTO government_notification (government_notification_id, notification_title, notification_text, link_url, notification_type) VALUES
    (1001, '2024 compliance reports due March 31', 'Compliance reports for the 2024 period are due by March 31, 2025.',      NULL, 'Deadline'),
    (1002, 'Planned maintenance',                  'LCFS will be unavailable on Saturday from 18:00 to 22:00 Pacific time.', NULL, 'Outage')
ON CONFLICT DO NOTHING;

-- Notifications delivered in the application
INSERT INTO notification_message (notification_message_id, is_read, is_warning, is_error, is_archived, type, message, related_organization_id, origin_user_profile_id, related_user_profile_id, notification_type_id, related_transaction_id) VALUES
    (1001, false, false, false, false, 'Transfer sent',                 'Coastal Mountain Fuels Ltd. sent you a transfer of 7500 units.',       1003, 1011, 1015, 4,  'CT1003'),
    (1002, true,  false, false, false, 'Transfer recorded',             'Transfer CT1006 has been recorded by the Director.',                   1002, 1005, 1013, 3,  'CT1006'),
    (1003, false, false, false, false, 'Transfer submitted for review', 'Transfer CT1004 was submitted for government review.',                 1004, 1016, 1002, 11, 'CT1004'),
    (1004, false, false, false, false, 'Transfer recommended',          'Transfer CT1005 has an analyst recommendation.',                       1005, 1002, 1005, 17, 'CT1005'),
    (1005, true,  false, false, false, 'Report assessed',               'Your 2024 compliance report has been assessed.',                       1001, 1005, 1011, 1,  'CR1001'),
    (1006, false, false, false, false, 'Report submitted',              'Skeena North Distributors Ltd. submitted its 2024 compliance report.', 1004, 1016, 1002, 7,  'CR1005'),
    (1007, false, false, false, false, 'Report recommended',            'Report CR1003 has a manager recommendation.',                          1002, 1004, 1005, 15, 'CR1003'),
    (1008, false, false, false, false, 'Agreement approved',            'Initiative agreement IA1003 has been approved.',                       1001, 1005, 1011, 2,  'IA1003')
ON CONFLICT DO NOTHING;

-- Which users get which notifications, by email and in the application
INSERT INTO notification_channel_subscription (notification_channel_subscription_id, is_enabled, user_profile_id, notification_type_id, notification_channel_id) VALUES
    (1001, true, 1011, 1,  1),
    (1002, true, 1011, 1,  2),
    (1003, true, 1011, 2,  1),
    (1004, true, 1011, 2,  2),
    (1005, true, 1011, 3,  1),
    (1006, true, 1011, 3,  2),
    (1007, true, 1011, 4,  1),
    (1008, true, 1011, 4,  2),
    (1009, true, 1011, 22, 1),
    (1010, true, 1011, 22, 2),
    (1011, true, 1013, 3,  1),
    (1012, true, 1013, 3,  2),
    (1013, true, 1013, 4,  1),
    (1014, true, 1013, 4,  2),
    (1015, true, 1015, 4,  1),
    (1016, true, 1015, 4,  2),
    (1017, true, 1002, 9,  1),
    (1018, true, 1002, 9,  2),
    (1019, true, 1002, 10, 1),
    (1020, true, 1002, 10, 2),
    (1021, true, 1002, 11, 1),
    (1022, true, 1002, 11, 2),
    (1023, true, 1002, 23, 1),
    (1024, true, 1002, 23, 2),
    (1025, true, 1004, 12, 1),
    (1026, true, 1004, 12, 2),
    (1027, true, 1004, 13, 1),
    (1028, true, 1004, 13, 2),
    (1029, true, 1004, 14, 1),
    (1030, true, 1004, 14, 2),
    (1031, true, 1005, 15, 1),
    (1032, true, 1005, 15, 2),
    (1033, true, 1005, 16, 1),
    (1034, true, 1005, 16, 2),
    (1035, true, 1005, 17, 1),
    (1036, true, 1005, 17, 2),
    (1037, true, 1005, 18, 1),
    (1038, true, 1005, 18, 2)
ON CONFLICT DO NOTHING;

-- Keep the sequences past the ids used here
SELECT setval(pg_get_serial_sequence('government_notification', 'government_notification_id'), (SELECT max(government_notification_id) FROM government_notification));
SELECT setval(pg_get_serial_sequence('notification_message', 'notification_message_id'), (SELECT max(notification_message_id) FROM notification_message));
SELECT setval(pg_get_serial_sequence('notification_channel_subscription', 'notification_channel_subscription_id'), (SELECT max(notification_channel_subscription_id) FROM notification_channel_subscription));
