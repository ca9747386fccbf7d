-- PostgreSQL indexes every row, NULL included. Eight of the engine's indexes on the
-- variables are on columns that are NULL for nearly all of this application's rows: no
-- case management (CMMN), no batch variables, no task-local variables, few byte arrays,
-- and a removal time only once the dossier is closed. Measured on 3,000 open dossiers:
-- 2.9 KiB of a dossier's 61.6, for entries no query ever reads. The engine's queries on
-- these columns ask col = ? (or removal time <= ?), which a partial index on the non-NULL
-- rows answers the same: same names, same columns.
drop index act_idx_variable_task_id;
create index act_idx_variable_task_id on ACT_RU_VARIABLE (TASK_ID_) where TASK_ID_ is not null;
drop index act_idx_var_bytearray;
create index act_idx_var_bytearray on ACT_RU_VARIABLE (BYTEARRAY_ID_) where BYTEARRAY_ID_ is not null;
drop index act_idx_batch_id;
create index act_idx_batch_id on ACT_RU_VARIABLE (BATCH_ID_) where BATCH_ID_ is not null;
drop index act_idx_var_case_exe;
create index act_idx_var_case_exe on ACT_RU_VARIABLE (CASE_EXECUTION_ID_) where CASE_EXECUTION_ID_ is not null;
drop index act_idx_var_case_inst_id;
create index act_idx_var_case_inst_id on ACT_RU_VARIABLE (CASE_INST_ID_) where CASE_INST_ID_ is not null;
drop index act_idx_hi_casevar_case_inst;
create index act_idx_hi_casevar_case_inst on ACT_HI_VARINST (CASE_INST_ID_) where CASE_INST_ID_ is not null;
drop index act_idx_hi_varinst_bytear;
create index act_idx_hi_varinst_bytear on ACT_HI_VARINST (BYTEARRAY_ID_) where BYTEARRAY_ID_ is not null;
drop index act_idx_hi_varinst_rm_time;
create index act_idx_hi_varinst_rm_time on ACT_HI_VARINST (REMOVAL_TIME_) where REMOVAL_TIME_ is not null;
