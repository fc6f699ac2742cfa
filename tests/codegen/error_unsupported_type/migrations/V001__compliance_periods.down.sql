DROP TABLE compliance_period;
