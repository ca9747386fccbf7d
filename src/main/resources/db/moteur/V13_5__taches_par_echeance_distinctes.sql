-- The engine's task page is a select distinct RES.* ordered by the sort asked: to read the
-- first 15 from an index, PostgreSQL needs the rows in the order of its distinct key, which
-- begins with the sort column, then REV_, then ID_ (the engine's select list). On V13_4's
-- (DUE_DATE_) alone, the tasks with the same due date (all those with none) were one group
-- sorted whole: 266 ms for the page of the group by due date at 37,000 tasks on
-- PostgreSQL 15, 19 ms with this index (an incremental sort in a parallel plan; 0.8 ms on
-- PostgreSQL 17, which does it in a plain plan too). Creation time and id, the other sorts
-- Tasklist asks, are already that order through the engine's own indexes.
drop index ix_tache_echeance;
create index ix_tache_echeance on ACT_RU_TASK (DUE_DATE_, REV_, ID_);
