package io.dt4j.daemon;

import java.nio.file.Path;
import java.util.Optional;

/** Another dt4j daemon holds the home's lock file: two daemons never share a home. */
public class DaemonRunningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path home;
  private final transient Optional<Long> pid;

  /**
   * @param home the home
   * @param pid the other daemon's process id, if its lock file names one
   */
  public DaemonRunningException(Path home, Optional<Long> pid) {
    super(
        "a dt4j daemon is already running on "
            + home
            + pid.map(p -> " (pid " + p + ")").orElse("")
            + ": stop it first"
            + pid.map(p -> " (kill " + p + ")").orElse("")
            + " or start this one with another --home");
    this.home = home;
    this.pid = pid;
  }

  /** Returns the home. */
  public Path home() {
    return home;
  }

  /** Returns the other daemon's process id, if known. */
  public Optional<Long> pid() {
    return pid;
  }
}
