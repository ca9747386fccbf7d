/**
 * The application: Spring Boot with the embedded Camunda 7 engine. One clock for the
 * engine and the beans (the engine's, which the demo data moves back), the
 * configuration properties, Spin's JSON dates. The behaviour lives in the feature
 * packages below, whose dependencies point one way: {@code regles} depends on none
 * of them.
 */
package fr.elus.dife;
