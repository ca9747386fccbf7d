/**
 * The embedded H2 file database kept consistent across a kill -9: one writing
 * transaction at a time, and the file's housekeeping that H2 no longer does once
 * each commit is written at once.
 */
package fr.elus.dife.h2;
