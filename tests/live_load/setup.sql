-- What the load needs beside the database's own rows: ten transfers between the first two
-- organizations, Submitted, that `transfer.sql` moves between Submitted and Recommended.
INSERT INTO transfer (from_organization_id, to_organization_id, agreement_date, price_per_unit,
                      quantity, current_status_id, create_date, update_date)
SELECT o.first, o.second, now()::timestamp, 11.00, 5, 4, now(), now()
  FROM (SELECT min(organization_id) AS first,
               min(organization_id) FILTER (WHERE organization_id > (SELECT min(organization_id)
                                                                        FROM organization)) AS second
          FROM organization) o,
       generate_series(1, 10);
