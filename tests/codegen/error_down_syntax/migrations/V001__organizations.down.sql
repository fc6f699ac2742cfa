DROP TABEL organization;
