package io.dt4j.cli;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a command finds the daemon: {@code --api URL} (or {@code DT4J_API}), else the URL the daemon
 * wrote to {@code <home>/admin.url}; the token from {@code --token-file FILE} (or {@code
 * DT4J_TOKEN_FILE}), else {@code <home>/token}.
 */
final class DaemonOptions {
  /** The environment variable naming the admin API's URL. */
  static final String API_VARIABLE = "DT4J_API";

  /** The environment variable naming the token file. */
  static final String TOKEN_VARIABLE = "DT4J_TOKEN_FILE";

  @Option(
      names = "--api",
      paramLabel = "URL",
      description =
          "The daemon's admin API, e.g. http://127.0.0.1:5001 (default: DT4J_API, else"
              + " <home>/admin.url).")
  URI api;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "The admin token (default: DT4J_TOKEN_FILE, else <home>/token).")
  Path tokenFile;

  /** Returns the URL given by the option or the environment, if any. */
  URI explicitApi() {
    if (api != null) {
      return api;
    }
    String fromEnvironment = System.getenv(API_VARIABLE);
    if (fromEnvironment == null || fromEnvironment.isBlank()) {
      return null;
    }
    try {
      return URI.create(fromEnvironment.strip());
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(API_VARIABLE + " is not a URL: " + fromEnvironment);
    }
  }

  /** Returns the token file given by the option or the environment, if any. */
  Path explicitTokenFile() {
    if (tokenFile != null) {
      return tokenFile;
    }
    String fromEnvironment = System.getenv(TOKEN_VARIABLE);
    return fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
  }
}
