-- Reverses V009__notifications.sql: drops its tables in reverse order of
-- creation. Their sequences, indexes and reference rows go with them.

DROP TABLE government_notification;
DROP TABLE notification_message;
DROP TABLE notification_channel_subscription;
DROP TABLE notification_type;
DROP TABLE notification_channel;
