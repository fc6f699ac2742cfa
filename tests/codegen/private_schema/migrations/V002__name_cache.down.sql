DROP TABLE bookkeeping.name_cache;
DROP SCHEMA bookkeeping;
