-- The dossier view (dossier.ConsultationDossier) in a few queries whatever the number
-- of dossiers: the messages its instances wait for are looked up by process instance,
-- which the engine indexes by execution only (a scan of every subscription otherwise).
create index dife_ix_evt_subscr_instance on ACT_RU_EVENT_SUBSCR (PROC_INST_ID_);
