package fr.elus.dife.dossier;

import java.util.List;

/**
 * How many dossiers are in a status now, from a number kept up to date as they move,
 * in the transaction that moves them. The indicators keep it (their aggregate of dossiers
 * per current status), so the list's total by status has one home and costs the same
 * whatever the number of dossiers.
 */
public interface NombreParStatut {

  /**
   * The dossiers of these associations (all of them when null) whose statutDossier is statut
   * now; with statut null, all their dossiers, a closed one staying in its CLOS_* status.
   */
  long nombre(List<String> associations, String statut);
}
