-- The dossier list (LectureDossiers.page) in the order it is shown, newest first: a page
-- reads its rows from this index and stops there, instead of sorting every dossier of
-- the association. The second serves the administrators, who see all associations.
create index ix_dossier_liste on dife_dossier (association, date_ouverture desc, reference desc);
create index ix_dossier_liste_toutes on dife_dossier (date_ouverture desc, reference desc);
