/**
 * What analysts and operators read about the flow of dossiers: the indicators of
 * the Cockpit dashboard ({@code GET /api/indicateurs}), the Dossiers tab of the
 * dife-parcours definition, the exports ({@code GET /api/dossiers/export}) and the
 * Prometheus metrics. All of it reads a small read model of its own (stages,
 * deadlines, amounts per dossier) that {@link fr.elus.dife.indicateurs.SuiviParcours}
 * writes from the engine's history events, in the engine's transaction, so that
 * the figures stay exact and cheap at 100,000 dossiers. Controllers are thin;
 * none of it holds personal data.
 */
package fr.elus.dife.indicateurs;
