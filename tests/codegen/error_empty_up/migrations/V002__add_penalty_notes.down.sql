-- V002 down: undoes "Add penalty notes", in reverse order.

