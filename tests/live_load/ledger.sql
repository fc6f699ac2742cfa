-- A ledger entry, then the page that shows it: an adjustment for one organization, and that
-- organization's latest transactions from the aggregate view. One transaction.
INSERT INTO transaction (compliance_units, organization_id, transaction_action, effective_status)
VALUES (1, :org, 'Adjustment', true);
SELECT transaction_id, transaction_type, quantity, status
  FROM mv_transaction_aggregate
 WHERE from_organization_id = :org OR to_organization_id = :org
 ORDER BY update_date DESC
 LIMIT 20;
