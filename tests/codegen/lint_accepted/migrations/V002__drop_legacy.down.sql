ALTER TABLE report ADD COLUMN legacy text;
