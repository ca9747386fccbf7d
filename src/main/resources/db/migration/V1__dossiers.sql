-- The case file beside the engine: what must be unique (the reference, one open
-- dossier per élu and association) and what the engine does not keep (outside
-- events for idempotency). The élu's data lives in the process variables.
create table dife_dossier (
  reference            varchar(20)  not null primary key,
  association          varchar(64)  not null,
  process_instance_id  varchar(64)  not null,
  -- keyed hash (HMAC-SHA256, hex) of the NIR when given, else of the état civil
  cle_doublon          varchar(64)  not null,
  cle_etat_civil       varchar(64)  not null,
  -- equals cle_doublon while the dossier is open, null once closed: the unique
  -- constraint then allows one open dossier per élu (NULLs never collide)
  cle_doublon_ouverte  varchar(64),
  date_ouverture       timestamp    not null,
  date_cloture         timestamp,
  constraint uk_dossier_ouvert unique (association, cle_doublon_ouverte)
);
create index ix_dossier_etat_civil on dife_dossier (association, cle_etat_civil);

create table dife_compteur_reference (
  annee          integer not null primary key,
  dernier_numero integer not null
);

create table dife_evenement (
  id_evenement   varchar(100) not null primary key,
  reference      varchar(20)  not null references dife_dossier (reference),
  type           varchar(40)  not null,
  date_evenement varchar(40)  not null,
  date_reception timestamp    not null,
  utilisateur    varchar(64)
);
create index ix_evenement_reference on dife_evenement (reference);
