DROP TYPE usertypeenum;
