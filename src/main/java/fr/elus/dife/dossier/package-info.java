/**
 * The dossiers API and the events: validation of an opening, references
 * DIFE-YYYY-NNNNNN, the NIR hash, the dossier a caller may see (DossiersVisibles,
 * for reads and writes alike), the view built from the engine, the closure.
 */
package fr.elus.dife.dossier;
