/** The demo dossiers, at every stage, created through the application's own services with the engine's clock moved back. */
package fr.elus.dife.demo;
