-- Reverses V012: the two business triggers and their functions, and is_user_safe_to_remove.
-- The organization columns they maintained keep their last values.

DROP TRIGGER IF EXISTS update_count_transfers_in_progress_trigger ON transfer;
DROP TRIGGER IF EXISTS update_organization_balance_trigger ON transaction;

DROP FUNCTION IF EXISTS update_count_transfers_in_progress();
DROP FUNCTION IF EXISTS update_organization_balance();
DROP FUNCTION IF EXISTS is_user_safe_to_remove(text);
