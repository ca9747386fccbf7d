/** Email templates, idempotent SMTP sending, the log of what was sent, the demo SMTP server. */
package fr.elus.dife.notification;
