package io.dt4j.daemon.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dashboard's static files, bundled in the jar under {@code io/dt4j/daemon/dashboard/}: which
 * URL path names which file, with which content type. Pure lookup, so that it is tested without a
 * server. Only plain names of the known file kinds are served: no {@code ..}, no hidden files, no
 * directory listings.
 */
public final class DashboardAssets {
  /** Where the dashboard lives on the admin port. */
  public static final String BASE = "/ui/";

  private static final String RESOURCES = "/io/dt4j/daemon/dashboard/";
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*\\.[a-z]+");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml");

  /**
   * One file to send.
   *
   * @param contentType its {@code Content-Type}
   * @param bytes its content
   */
  public record Asset(String contentType, byte[] bytes) {}

  private DashboardAssets() {}

  /**
   * Finds the file a request path names.
   *
   * @param path the request's path, e.g. {@code /ui/} or {@code /ui/js/app.js}
   * @return the file, or empty if the path names none
   */
  public static Optional<Asset> find(String path) {
    if (!path.startsWith(BASE)) {
      return Optional.empty();
    }
    String name = path.substring(BASE.length());
    if (name.isEmpty()) {
      name = "index.html";
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = DashboardAssets.class.getResourceAsStream(RESOURCES + name)) {
      return in == null ? Optional.empty() : Optional.of(new Asset(type, in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard's " + name + " from the jar", e);
    }
  }
}
