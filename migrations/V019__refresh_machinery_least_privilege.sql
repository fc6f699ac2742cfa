-- V019 the refresh machinery of V017 gives no role more than it has, and no session setting
-- changes what it refreshes. The views, their triggers and what a statement refreshes stay as
-- V017 made them: after each statement every view still equals what a refresh would give.
--
--   1. Nothing of ours runs with its owner's rights when called. V017's lcfs_db.mv_mark_stale ran
--      as its owner (SECURITY DEFINER) and every role could call it, in a schema every role may
--      use: a role with no privileges deleted rows of the refresh state and, holding their row
--      locks in an open transaction, stalled every write that refreshes a view. It goes. TRUNCATE
--      now marks the views stale through lcfs_db.mv_truncated, a trigger function: PostgreSQL
--      runs it only as a trigger, for a role that has just truncated one of the watched tables,
--      and never when it is called. It still runs as its owner, so that a role allowed to
--      truncate needs no rights on the state (LCFS's TRUNCATE needs none on the views); EXECUTE
--      is granted to nobody (a trigger fires without it, and only its owner may attach it to a
--      table) and its search_path is pinned.
--   2. The note that a statement changed a view is written whole. V017 appended each note to
--      whatever lcfs_db.mv_pending held, which any session may SET: after
--      `SET lcfs_db.mv_pending = 'x'` the first note ran into the 'x' and was never found, and
--      the refresh it asked for was skipped. A note now carries its own delimiters, so a value
--      set beforehand can only add refreshes, never hide one.
--   3. Every function of the machinery, and the six refresh functions the triggers call, pins
--      search_path to pg_catalog (then pg_temp): a session whose search_path puts its own schema
--      first could otherwise stand its own pg_matviews, set_config or = operator in for
--      PostgreSQL's inside them, and skip a refresh.
-- docs/differences.md #16.
-- lcfs-db: class expand because it drops only mv_mark_stale, which no code but the V017 truncate triggers it replaces calls, and revokes only what it creates

CREATE FUNCTION lcfs_db.mv_truncated() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_TABLE_SCHEMA = 'public' THEN
        DELETE FROM lcfs_db.matview_refresh_state
         WHERE matview IN (SELECT r.matview FROM lcfs_db.mv_read_rules() r WHERE r.table_name = TG_TABLE_NAME);
    END IF;
    RETURN NULL;
END;
$$;

REVOKE EXECUTE ON FUNCTION lcfs_db.mv_truncated() FROM PUBLIC;

-- The truncate triggers keep their names and their place before the refresh triggers.
DROP TRIGGER mv_changes_after_truncate ON transfer;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transfer
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_truncated();
DROP TRIGGER mv_changes_after_truncate ON transfer_history;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transfer_history
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_truncated();
DROP TRIGGER mv_changes_after_truncate ON transfer_comment;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transfer_comment
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_truncated();
DROP TRIGGER mv_changes_after_truncate ON initiative_agreement;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON initiative_agreement
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_truncated();
DROP TRIGGER mv_changes_after_truncate ON initiative_agreement_history;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON initiative_agreement_history
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_truncated();
DROP TRIGGER mv_changes_after_truncate ON admin_adjustment;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON admin_adjustment
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_truncated();
DROP TRIGGER mv_changes_after_truncate ON admin_adjustment_history;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON admin_adjustment_history
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_truncated();
DROP TRIGGER mv_changes_after_truncate ON compliance_report;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON compliance_report
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_truncated();
DROP TRIGGER mv_changes_after_truncate ON transaction;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transaction
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_truncated();
DROP TRIGGER mv_changes_after_truncate ON fuel_code;
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON fuel_code
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_truncated();

DROP FUNCTION lcfs_db.mv_mark_stale(text);

-- V017's comparison, with each note written whole (',view,') and TRUNCATE left to
-- mv_truncated. A view already noted is not compared again: its refresh is asked for anyway.
CREATE OR REPLACE FUNCTION lcfs_db.mv_note_changes() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rule         record;
    changed      boolean;
    new_relation text := CASE TG_OP WHEN 'DELETE' THEN '(SELECT * FROM old_rows WHERE false)' ELSE 'new_rows' END;
    old_relation text := CASE TG_OP WHEN 'INSERT' THEN '(SELECT * FROM new_rows WHERE false)' ELSE 'old_rows' END;
    pending      text := coalesce(current_setting('lcfs_db.mv_pending', true), '');
BEGIN
    FOR rule IN SELECT r.matview, r.read_columns, r.read_rows
                  FROM lcfs_db.mv_read_rules() r
                 WHERE r.table_name = TG_TABLE_NAME LOOP
        CONTINUE WHEN position(',' || rule.matview || ',' IN pending) > 0;
        EXECUTE format('SELECT EXISTS ((SELECT %1$s FROM %2$s n WHERE %4$s EXCEPT ALL SELECT %1$s FROM %3$s o WHERE %4$s) '
                       'UNION ALL (SELECT %1$s FROM %3$s o WHERE %4$s EXCEPT ALL SELECT %1$s FROM %2$s n WHERE %4$s))',
                       rule.read_columns, new_relation, old_relation, rule.read_rows)
           INTO changed;
        IF changed THEN
            pending := pending || ',' || rule.matview || ',';
        END IF;
    END LOOP;
    PERFORM set_config('lcfs_db.mv_pending', pending, true);
    RETURN NULL;
END;
$$;

ALTER FUNCTION lcfs_db.mv_inputs(text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION lcfs_db.mv_read_rules() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION lcfs_db.mv_refresh_if_needed(text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION refresh_transaction_aggregate() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION refresh_mv_transaction_count() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION refresh_mv_director_review_transaction_count() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION refresh_mv_compliance_report_count() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION refresh_mv_org_compliance_report_count() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION refresh_mv_fuel_code_count() SET search_path = pg_catalog, pg_temp;
