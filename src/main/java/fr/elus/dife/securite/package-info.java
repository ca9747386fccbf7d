/**
 * Authentication of /api and /engine-rest, the associations (tenants), groups,
 * authorizations and filters, the demo users, and the refusal to start without secrets.
 */
package fr.elus.dife.securite;
