package io.dt4j.core.plugins;

import java.util.List;

/** In strict mode, the plugin host refused to start because some plugins could not be loaded. */
public class PluginLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The problems found. */
  private final transient List<PluginLoadError> errors;

  /**
   * Creates the exception.
   *
   * @param errors the problems found, at least one
   */
  public PluginLoadException(List<PluginLoadError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  /** Returns every problem found. */
  public List<PluginLoadError> errors() {
    return errors;
  }

  private static String summary(List<PluginLoadError> errors) {
    String first = errors.get(0).toString();
    return errors.size() == 1
        ? "plugin error (strict mode): " + first
        : errors.size() + " plugin errors (strict mode), first: " + first;
  }
}
