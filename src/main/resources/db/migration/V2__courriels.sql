-- Every email sent, for the dossier's history and so that a retried job never
-- sends the same email twice (cle = the job that sent it).
create table dife_courriel (
  cle          varchar(100) not null primary key,
  reference    varchar(20)  not null,
  destinataire varchar(254) not null,
  modele       varchar(60)  not null,
  sujet        varchar(300) not null,
  date_envoi   timestamp    not null
);
create index ix_courriel_reference on dife_courriel (reference);
