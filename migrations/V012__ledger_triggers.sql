-- V012 ledger triggers: values on organization that LCFS keeps up to date from the credit ledger
-- and from transfers, plus the check used before a user may be removed.
--
-- Intentional differences from LCFS:
--   1. When an UPDATE moves a transaction to another organization, update_organization_balance
--      recomputes both organizations. LCFS recomputes only the new one and leaves the old one's
--      balance stale. Inserts, deletes and updates within one organization behave as in LCFS.
--   2. Likewise update_count_transfers_in_progress recomputes an organization that an UPDATE
--      removes from a transfer as well as the ones now on it; LCFS leaves the removed one stale.
-- Each organization is still updated once per fired trigger, so each writes one audit row.

-- True when no create_user or update_user column of any relation in public (tables and the plain
-- views that expose those columns, among them audit_log) names the user, compared without case.
-- Only relations the caller may see are searched, because the list comes from
-- information_schema; a NULL name matches nothing and so is safe.
CREATE FUNCTION is_user_safe_to_remove(the_username text) RETURNS boolean
LANGUAGE plpgsql
AS $$
DECLARE
    user_column record;
    matches     bigint;
BEGIN
    FOR user_column IN
        SELECT c.table_schema, c.table_name, c.column_name
          FROM information_schema.columns c
         WHERE c.table_schema = 'public'
           AND c.column_name IN ('create_user', 'update_user')
    LOOP
        EXECUTE format('SELECT count(*) FROM %I.%I WHERE lower(%I) = lower($1)',
                       user_column.table_schema, user_column.table_name, user_column.column_name)
           INTO matches
          USING the_username;
        IF matches > 0 THEN
            RETURN false;
        END IF;
    END LOOP;
    RETURN true;
END;
$$;

-- Keeps organization.total_balance (the sum of its Adjustment transactions) and
-- organization.reserved_balance (the sum of its negative Reserved transactions, so never
-- positive; Released and positive Reserved rows do not count) in step with transaction.
-- Effective status and expiry dates are deliberately ignored, as in LCFS.
CREATE FUNCTION update_organization_balance() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE organization o
       SET total_balance = (SELECT coalesce(sum(t.compliance_units), 0)
                              FROM transaction t
                             WHERE t.organization_id = o.organization_id
                               AND t.transaction_action = 'Adjustment'),
           reserved_balance = (SELECT coalesce(sum(t.compliance_units), 0)
                                 FROM transaction t
                                WHERE t.organization_id = o.organization_id
                                  AND t.transaction_action = 'Reserved'
                                  AND t.compliance_units < 0)
     WHERE o.organization_id IN (NEW.organization_id, OLD.organization_id);
    RETURN NEW;
END;
$$;

-- Keeps organization.count_transfers_in_progress: the transfers in status Sent (3), Submitted (4)
-- or Recommended (5), ids hard-coded as in LCFS, on which the organization is either party.
CREATE FUNCTION update_count_transfers_in_progress() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE organization o
       SET count_transfers_in_progress = (SELECT count(DISTINCT t.transfer_id)
                                            FROM transfer t
                                           WHERE t.current_status_id IN (3, 4, 5)
                                             AND (t.from_organization_id = o.organization_id
                                                  OR t.to_organization_id = o.organization_id))
     WHERE o.organization_id IN (NEW.from_organization_id, NEW.to_organization_id,
                                 OLD.from_organization_id, OLD.to_organization_id);
    RETURN NEW;
END;
$$;

-- Row-level, so the organization is right as soon as each row changes; the organization's own
-- audit trigger records every recomputation.
CREATE TRIGGER update_organization_balance_trigger
    AFTER INSERT OR UPDATE OR DELETE ON transaction
    FOR EACH ROW EXECUTE FUNCTION update_organization_balance();

CREATE TRIGGER update_count_transfers_in_progress_trigger
    AFTER INSERT OR UPDATE OR DELETE ON transfer
    FOR EACH ROW EXECUTE FUNCTION update_count_transfers_in_progress();
