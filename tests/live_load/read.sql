-- The dashboard: an organization's credit ledger, the latest transfers, the director's counter
-- and a reporting view. One transaction.
SELECT transaction_id, compliance_units, available_balance
  FROM mv_credit_ledger
 WHERE organization_id = :org
 ORDER BY update_date DESC
 LIMIT 20;
SELECT transfer_id, current_status_id, update_date FROM transfer ORDER BY update_date DESC LIMIT 10;
SELECT * FROM mv_director_review_transaction_count;
SELECT transfer_id, status, from_organization, to_organization
  FROM vw_transfer_base
 ORDER BY transfer_id DESC
 LIMIT 10;
