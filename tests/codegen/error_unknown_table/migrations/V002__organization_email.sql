-- Every organization gets an email address.
ALTER TABLE organisation
	ADD COLUMN email varchar(255);
