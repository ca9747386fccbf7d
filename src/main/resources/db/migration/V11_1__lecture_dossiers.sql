-- What the dossier list shows and filters on, kept beside the reference so that a
-- page, a status filter, « en retard » or a name search is one query on this table
-- (never a query per dossier on the engine). Refreshed from the engine whenever a
-- transaction touches the dossier (LectureDossiers); null until the first refresh.
alter table dife_dossier add column statut varchar(40);
alter table dife_dossier add column nom_naissance varchar(100);
alter table dife_dossier add column nom_usage varchar(100);
alter table dife_dossier add column prenoms varchar(200);
alter table dife_dossier add column collectivite varchar(200);
-- the earliest timer or task due date of the dossier's running processes
alter table dife_dossier add column prochaine_echeance timestamp;
-- the outside events (TypeEvenement, comma-separated) the dossier waits for now
alter table dife_dossier add column evenements_attendus varchar(200);
alter table dife_dossier add column taches_ouvertes integer;
create index ix_dossier_statut on dife_dossier (association, statut);
create index ix_dossier_echeance on dife_dossier (association, prochaine_echeance);
