/**
 * The business rules, plain Java, each written once and testable alone: NIR, INSEE
 * code, department, amounts, counts, dates within 1900..2100, the organisme's
 * proposal, the working-day calendar (counted by weeks and years, never day by day),
 * the 11-day rule, the split, the THR allowances and the communes; plus the adapter
 * of the DMN barème. A refusal is a {@link fr.elus.dife.regles.SaisieRefusee} whose
 * French motif each channel completes with its own field name. See docs/DOMAIN.md.
 */
package fr.elus.dife.regles;
