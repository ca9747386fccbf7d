-- The rows the engine made for each task and its candidate group or assignee before
-- AutorisationsDesTaches (READ, READ_VARIABLE and TASK_WORK, 2 + 64 + 16384,
-- on one task): the groups' grants on every task ('*') cover what they gave, and their
-- number slowed every task query. Rows with other permissions, which only an
-- administrator could have made, stay.
delete from ACT_RU_AUTHORIZATION where TYPE_ = 1 and RESOURCE_TYPE_ = 7 and RESOURCE_ID_ <> '*' and PERMS_ = 16450;
