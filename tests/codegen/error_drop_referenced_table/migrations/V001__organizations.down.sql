DROP TABLE user_profile;
