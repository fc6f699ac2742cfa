-- Reverses V019: V017's mv_mark_stale and mv_note_changes come back, the truncate triggers call
-- mv_note_changes again, and the functions' search_path follows the caller's again.

CREATE FUNCTION lcfs_db.mv_mark_stale(watched text) RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    DELETE FROM lcfs_db.matview_refresh_state
     WHERE matview IN (SELECT r.matview FROM lcfs_db.mv_read_rules() r WHERE r.table_name = watched);
$$;

DROP TRIGGER mv_changes_after_truncate ON transfer;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transfer
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
DROP TRIGGER mv_changes_after_truncate ON transfer_history;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transfer_history
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
DROP TRIGGER mv_changes_after_truncate ON transfer_comment;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transfer_comment
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
DROP TRIGGER mv_changes_after_truncate ON initiative_agreement;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON initiative_agreement
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
DROP TRIGGER mv_changes_after_truncate ON initiative_agreement_history;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON initiative_agreement_history
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
DROP TRIGGER mv_changes_after_truncate ON admin_adjustment;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON admin_adjustment
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
DROP TRIGGER mv_changes_after_truncate ON admin_adjustment_history;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON admin_adjustment_history
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
DROP TRIGGER mv_changes_after_truncate ON compliance_report;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON compliance_report
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
DROP TRIGGER mv_changes_after_truncate ON transaction;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transaction
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
DROP TRIGGER mv_changes_after_truncate ON fuel_code;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON fuel_code
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();

DROP FUNCTION lcfs_db.mv_truncated();

CREATE OR REPLACE FUNCTION lcfs_db.mv_note_changes() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    rule         record;
    changed      boolean;
    new_relation text := CASE TG_OP WHEN 'DELETE' THEN '(SELECT * FROM old_rows WHERE false)' ELSE 'new_rows' END;
    old_relation text := CASE TG_OP WHEN 'INSERT' THEN '(SELECT * FROM new_rows WHERE false)' ELSE 'old_rows' END;
    pending      text := coalesce(nullif(current_setting('lcfs_db.mv_pending', true), ''), ',');
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM lcfs_db.mv_mark_stale(TG_TABLE_NAME);
        RETURN NULL;
    END IF;
    FOR rule IN SELECT r.matview, r.read_columns, r.read_rows
                  FROM lcfs_db.mv_read_rules() r
                 WHERE r.table_name = TG_TABLE_NAME LOOP
        CONTINUE WHEN position(',' || rule.matview || ',' IN pending) > 0;
        EXECUTE format('SELECT EXISTS ((SELECT %1$s FROM %2$s n WHERE %4$s EXCEPT ALL SELECT %1$s FROM %3$s o WHERE %4$s) '
                       'UNION ALL (SELECT %1$s FROM %3$s o WHERE %4$s EXCEPT ALL SELECT %1$s FROM %2$s n WHERE %4$s))',
                       rule.read_columns, new_relation, old_relation, rule.read_rows)
           INTO changed;
        IF changed THEN
            pending := pending || rule.matview || ',';
        END IF;
    END LOOP;
    PERFORM set_config('lcfs_db.mv_pending', pending, true);
    RETURN NULL;
END;
$$;

ALTER FUNCTION lcfs_db.mv_inputs(text) RESET search_path;
ALTER FUNCTION lcfs_db.mv_read_rules() RESET search_path;
ALTER FUNCTION lcfs_db.mv_refresh_if_needed(text) RESET search_path;
ALTER FUNCTION refresh_transaction_aggregate() RESET search_path;
ALTER FUNCTION refresh_mv_transaction_count() RESET search_path;
ALTER FUNCTION refresh_mv_director_review_transaction_count() RESET search_path;
ALTER FUNCTION refresh_mv_compliance_report_count() RESET search_path;
ALTER FUNCTION refresh_mv_org_compliance_report_count() RESET search_path;
ALTER FUNCTION refresh_mv_fuel_code_count() RESET search_path;
