/**
 * UnixFS v1 files and flat directories over dag-pb (graphsync spec §8.4): the {@code Data} message,
 * a streaming importer with the balanced layout of kubo and the JS importer, and a streaming
 * exporter.
 */
package io.dt4j.ipld.unixfs;
