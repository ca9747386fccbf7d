/**
 * The JSON channel of /api: reading request fields by their path with the rules of
 * {@code regles} (the field's name is all this package adds to a rule's refusal),
 * French error answers, the OpenAPI description and its examples (files in
 * openapi/exemples/).
 */
package fr.elus.dife.api;
