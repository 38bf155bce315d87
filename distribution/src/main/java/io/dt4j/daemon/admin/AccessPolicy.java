package io.dt4j.daemon.admin;

import io.dt4j.daemon.AdminToken;
import java.net.InetAddress;
import java.util.Locale;

/**
 * Who may use the admin API: by default only clients on a loopback address, and every client only
 * with the bearer token ({@code Authorization: Bearer <token>}, compared in constant time). A pure
 * decision, so that it is tested without a network.
 */
public final class AccessPolicy {
  private static final String BEARER = "bearer ";

  /** The outcome of a check. */
  public enum Decision {
    /** Serve the request. */
    ALLOW,
    /** 403: the client is not on loopback and remote clients are not allowed. */
    FORBIDDEN,
    /** 401: no token, or the wrong one. */
    UNAUTHORIZED
  }

  private final AdminToken token;
  private final boolean allowRemote;

  /**
   * @param token the daemon's token
   * @param allowRemote whether clients other than loopback are served (with the token)
   */
  public AccessPolicy(AdminToken token, boolean allowRemote) {
    this.token = token;
    this.allowRemote = allowRemote;
  }

  /**
   * Decides about a request that needs no token (the dashboard's static files): the client's
   * address only.
   *
   * @param remote the client's address
   * @return {@link Decision#ALLOW} or {@link Decision#FORBIDDEN}
   */
  public Decision checkClient(InetAddress remote) {
    return allowRemote || (remote != null && remote.isLoopbackAddress())
        ? Decision.ALLOW
        : Decision.FORBIDDEN;
  }

  /**
   * Decides about one request.
   *
   * @param remote the client's address
   * @param authorization the {@code Authorization} header, or null
   * @return the decision
   */
  public Decision check(InetAddress remote, String authorization) {
    if (checkClient(remote) == Decision.FORBIDDEN) {
      return Decision.FORBIDDEN;
    }
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Decision.UNAUTHORIZED;
    }
    return token.matches(authorization.substring(BEARER.length()).strip())
        ? Decision.ALLOW
        : Decision.UNAUTHORIZED;
  }
}
