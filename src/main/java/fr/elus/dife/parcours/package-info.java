/**
 * What the models call: the dossier status, the checks of what task forms submit
 * (Saisie, which applies the rules of {@code regles} and names the form's fields),
 * the escalation, the due dates and delays of the timers (dife.delais.*).
 */
package fr.elus.dife.parcours;
