/**
 * The {@code dt4j} command line: the picocli root command {@link io.dt4j.cli.Dt4j}, its
 * subcommands, the exit codes of {@code CLI-CONVENTIONS.md} and the one-line error reporting.
 */
package io.dt4j.cli;
