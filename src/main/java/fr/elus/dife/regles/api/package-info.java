/** /api/regles: reads the requests with the rules' readers, computes, answers records. */
package fr.elus.dife.regles.api;
