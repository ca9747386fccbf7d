-- The email as it left: its copy recipients, its body and its Message-ID, shown in
-- the dossier's history and the same on any resend of the same step.
alter table dife_courriel add column copie varchar(254);
alter table dife_courriel add column corps varchar(20000);
alter table dife_courriel add column message_id varchar(300);
