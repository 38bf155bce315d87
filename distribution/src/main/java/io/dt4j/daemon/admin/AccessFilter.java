package io.dt4j.daemon.admin;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Applies the {@link AccessPolicy} to every admin request before it reaches an endpoint; for the
 * dashboard's static files ({@link #clientOnly}) only the client's address is checked.
 */
final class AccessFilter extends Filter {
  private final AccessPolicy policy;
  private final int maxBodyBytes;
  private final boolean tokenRequired;

  private AccessFilter(AccessPolicy policy, int maxBodyBytes, boolean tokenRequired) {
    this.policy = policy;
    this.maxBodyBytes = maxBodyBytes;
    this.tokenRequired = tokenRequired;
  }

  /** The API's filter: loopback (unless allowed otherwise) and the bearer token. */
  static AccessFilter api(AccessPolicy policy, int maxBodyBytes) {
    return new AccessFilter(policy, maxBodyBytes, true);
  }

  /** The static files' filter: loopback (unless allowed otherwise), no token. */
  static AccessFilter clientOnly(AccessPolicy policy, int maxBodyBytes) {
    return new AccessFilter(policy, maxBodyBytes, false);
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    InetSocketAddress remote = exchange.getRemoteAddress();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    InetAddress client = remote == null ? null : remote.getAddress();
    AccessPolicy.Decision decision =
        tokenRequired ? policy.check(client, authorization) : policy.checkClient(client);
    switch (decision) {
      case ALLOW -> chain.doFilter(exchange);
      case FORBIDDEN ->
          new JsonExchange(exchange, maxBodyBytes)
              .fail(
                  new ApiException(
                      403,
                      "forbidden",
                      "the admin API serves loopback clients only (set admin.allow-remote=true on"
                          + " the daemon to allow others)",
                      List.of()));
      case UNAUTHORIZED ->
          new JsonExchange(exchange, maxBodyBytes)
              .fail(
                  new ApiException(
                      401,
                      "unauthorized",
                      "missing or wrong bearer token (send 'Authorization: Bearer <token>', the"
                          + " token is in <home>/token)",
                      List.of()));
    }
  }

  @Override
  public String description() {
    return tokenRequired
        ? "dt4j admin access: loopback clients and the bearer token"
        : "dt4j dashboard files: loopback clients";
  }
}
