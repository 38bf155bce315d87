/**
 * The plugin host: finds the extensions that plugins contribute — PF4J plugin jars and zips in a
 * plugins directory, then {@link java.util.ServiceLoader} providers on the application class path —
 * and knows for each where it came from. Nothing outside this package knows how an extension was
 * found.
 */
package io.dt4j.core.plugins;
