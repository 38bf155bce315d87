package io.dt4j.daemon.admin;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/** Applies the {@link AccessPolicy} to every admin request before it reaches an endpoint. */
final class AccessFilter extends Filter {
  private final AccessPolicy policy;
  private final int maxBodyBytes;

  AccessFilter(AccessPolicy policy, int maxBodyBytes) {
    this.policy = policy;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    InetSocketAddress remote = exchange.getRemoteAddress();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    switch (policy.check(remote == null ? null : remote.getAddress(), authorization)) {
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
    return "dt4j admin access: loopback clients and the bearer token";
  }
}
