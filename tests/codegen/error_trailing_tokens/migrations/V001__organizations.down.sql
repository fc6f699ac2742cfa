DROP TABLE user_profile, organization;
