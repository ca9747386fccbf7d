-- The tasks of a group by due date, as the « Échéances cette semaine » filter and
-- /engine-rest/task?sortBy=dueDate ask: the engine indexes the creation time, not the
-- due date, so each page sorted every open task of the tenant.
create index ix_tache_echeance on ACT_RU_TASK (DUE_DATE_);
