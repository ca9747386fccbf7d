-- An email is written here with the step that asks for it, then sent by a job of its
-- own once that step has committed: a crash never sends the email of an undone step,
-- and the send's transaction touches nothing of the dossier's process, so it cannot
-- fail after the send on a conflict with the dossier's other work.
alter table dife_courriel add column expediteur varchar(254);
-- the association's name beside the installation's address, and its team for the answers
alter table dife_courriel add column expediteur_nom varchar(200);
alter table dife_courriel add column repondre_a varchar(254);
alter table dife_courriel add column envoye boolean default true not null;
