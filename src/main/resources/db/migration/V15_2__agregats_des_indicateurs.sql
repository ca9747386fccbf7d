-- The aggregates the indicators read (indicateurs.AgregatsSuivi): kept with the detail
-- rows of V15_1 in the same transaction, so that a year of 100,000 dossiers is read
-- from a few thousand rows. Days and months are those of Paris.

-- Dossiers per current status (a closed dossier stays in its CLOS_* one).
create table dife_agregat_statut (
  association varchar(64) not null,
  statut      varchar(40) not null,
  nombre      bigint      not null,
  primary key (association, statut)
);

-- Stages entered per day (opened and closed dossiers per month are its OUVERT and CLOS_* rows).
create table dife_agregat_entree (
  association varchar(64) not null,
  jour        date        not null,
  statut      varchar(40) not null,
  nombre      bigint      not null,
  primary key (association, jour, statut)
);

-- Stages ended per month (first day), as a histogram of their durations: each bucket is a
-- quarter of a power of two of seconds (AgregatsSuivi.tranche), with the count, least and
-- greatest duration in it; a percentile is read between them.
create table dife_agregat_duree (
  association varchar(64) not null,
  mois        date        not null,
  statut      varchar(40) not null,
  tranche     bigint      not null,
  nombre      bigint      not null,
  minimum     bigint      not null,
  maximum     bigint      not null,
  primary key (association, mois, statut, tranche)
);

-- The same per day, for the days of a period outside its whole months.
create table dife_agregat_duree_jour (
  association varchar(64) not null,
  jour        date        not null,
  statut      varchar(40) not null,
  tranche     bigint      not null,
  nombre      bigint      not null,
  minimum     bigint      not null,
  maximum     bigint      not null,
  primary key (association, jour, statut, tranche)
);

-- Deadlines per day of their start, by outcome now (a wait moves from en_cours on).
create table dife_agregat_delai (
  association varchar(64) not null,
  jour        date        not null,
  delai       varchar(20) not null,
  tenus       bigint      not null,
  manques     bigint      not null,
  en_cours    bigint      not null,
  en_retard   bigint      not null,
  primary key (association, jour, delai)
);
