-- A transfer's status change: one of the load's ten transfers between Submitted (4) and
-- Recommended (5), as an analyst recommends one or sends it back. One transaction.
UPDATE transfer
   SET current_status_id = 9 - current_status_id, update_date = now()
 WHERE transfer_id = (SELECT transfer_id FROM transfer
                       WHERE current_status_id IN (4, 5) AND price_per_unit = 11.00
                       ORDER BY transfer_id DESC LIMIT 1 OFFSET :pick);
