-- V002: Add penalty notes
--
-- Why this change: say it here. The down file must undo it exactly.

