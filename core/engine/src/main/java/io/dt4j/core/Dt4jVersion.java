package io.dt4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this dt4j build: the full Maven version (e.g. {@code 0.1.0-SNAPSHOT}) and the
 * release version without qualifier (e.g. {@code 0.1.0}) that plugins' {@code Plugin-Requires}
 * expressions are checked against — a SemVer pre-release such as {@code 0.1.0-SNAPSHOT} would
 * satisfy no {@code >=0.1.0} range.
 *
 * @param full the full version
 * @param release the release version
 */
public record Dt4jVersion(String full, String release) {

  /** Returns the version this build was made as. */
  public static Dt4jVersion current() {
    Properties p = new Properties();
    try (InputStream in = Dt4jVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "io/dt4j/core/version.properties is missing from dt4j-core");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dt4j's version", e);
    }
    return new Dt4jVersion(p.getProperty("version"), p.getProperty("release"));
  }
}
