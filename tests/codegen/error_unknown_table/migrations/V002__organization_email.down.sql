ALTER TABLE organization DROP COLUMN email;
