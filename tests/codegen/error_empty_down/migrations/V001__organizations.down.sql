-- Nothing to undo: /* the table stays */
;
