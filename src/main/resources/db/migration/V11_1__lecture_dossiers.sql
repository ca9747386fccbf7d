-- What the dossier list shows and filters on, one row per dossier, so that a page, a
-- status filter, « en retard » or a name search is one query (never a query per
-- dossier on the engine). Refreshed from the engine by the transactions that touch the
-- dossier (LectureDossiers). A table of its own, without foreign key: the refresh never
-- waits on the locks that recording an event takes on dife_dossier.
create table dife_dossier_lecture (
  reference           varchar(20)  not null primary key,
  statut              varchar(40),
  nom_naissance       varchar(100),
  nom_usage           varchar(100),
  prenoms             varchar(200),
  collectivite        varchar(200),
  -- the earliest timer or task due date of the dossier's running processes
  prochaine_echeance  timestamp,
  -- the outside events (TypeEvenement, comma-separated) the dossier waits for now
  evenements_attendus varchar(200),
  taches_ouvertes     integer      not null
);
create index ix_lecture_statut on dife_dossier_lecture (statut);
create index ix_lecture_echeance on dife_dossier_lecture (prochaine_echeance);
