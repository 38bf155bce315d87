package io.dt4j.daemon.admin;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.dt4j.api.Subscription;
import io.dt4j.daemon.AdminToken;
import io.dt4j.daemon.ChannelActivity;
import io.dt4j.daemon.DaemonThreads;
import io.dt4j.daemon.Dt4jNode;
import io.dt4j.daemon.NodeConfig;
import io.dt4j.daemon.TransferEvent;
import io.dt4j.daemon.dashboard.DashboardHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The admin API: HTTP/JSON on the JDK's {@link HttpServer}, every request through the {@link
 * AccessPolicy}, the endpoints of {@link NodeEndpoints} and {@link ChannelEndpoints}, and the
 * {@link EventStream}, all under {@code /api/v0/}; the web dashboard's static files at {@code
 * /ui/}. Documented in {@code docs/admin-api.md}.
 *
 * <p>Bounds: request bodies up to {@code admin.max-body-bytes}; a request must arrive within {@code
 * admin.request-timeout} (the JDK server's {@code sun.net.httpserver.maxReqTime}, set unless
 * already set) and the node's work for it is awaited no longer; at most {@link #MAX_THREADS}
 * requests run at once (more are refused) and {@link EventStream#MAX_CLIENTS} event streams.
 */
public final class AdminServer implements AutoCloseable {
  /** The most requests handled at once, event streams included. */
  static final int MAX_THREADS = 32;

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final EventStream events;
  private final Subscription subscription;
  private final Routes routes;

  private AdminServer(
      HttpServer server,
      ThreadPoolExecutor executor,
      EventStream events,
      Subscription subscription,
      Routes routes) {
    this.routes = routes;
    this.server = server;
    this.executor = executor;
    this.events = events;
    this.subscription = subscription;
  }

  /**
   * Starts serving a node.
   *
   * @param node the node
   * @param token the bearer token clients must send
   * @param clock the time for rates and event stamps
   * @return the running server
   * @throws IOException if the address cannot be bound
   */
  public static AdminServer start(Dt4jNode node, AdminToken token, Clock clock) throws IOException {
    NodeConfig config = node.config();
    long seconds = Math.max(1, config.adminRequestTimeout().toSeconds());
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(seconds));
    }
    ChannelActivity activity = new ChannelActivity();
    EventStream events = new EventStream();
    Subscription subscription =
        node.transfers().subscribe(event -> publish(event, activity, events, clock));
    ChannelEndpoints channels =
        new ChannelEndpoints(node, activity, config.adminRequestTimeout(), clock);
    NodeEndpoints nodes = new NodeEndpoints(node, config.adminRequestTimeout());
    Routes routes = routes(config.adminMaxBodyBytes(), nodes, channels, events);

    HttpServer server = HttpServer.create(config.adminListen(), 16);
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            2,
            MAX_THREADS,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            DaemonThreads.named("dt4j-admin"));
    server.setExecutor(executor);
    AccessPolicy policy = new AccessPolicy(token, config.adminAllowRemote());
    HttpContext api = server.createContext(Routes.PREFIX, routes);
    api.getFilters().add(AccessFilter.api(policy, config.adminMaxBodyBytes()));
    // everything outside the API is the dashboard's files: no data, so no token
    HttpContext dashboard = server.createContext("/", new DashboardHandler());
    dashboard.getFilters().add(AccessFilter.clientOnly(policy, config.adminMaxBodyBytes()));
    server.start();
    return new AdminServer(server, executor, events, subscription, routes);
  }

  private static Routes routes(
      int maxBody, NodeEndpoints nodes, ChannelEndpoints channels, EventStream events) {
    return new Routes(maxBody)
        .get("ID", x -> nodes.identity())
        .get("Version", x -> NodeEndpoints.version())
        .get("NetPeers", x -> nodes.peers())
        .post("NetConnect", x -> nodes.connect(x.body(NodeMessages.Connect.class)))
        .get("Plugins", x -> nodes.plugins())
        .post("ClientImport", x -> nodes.importFile(x.body(BlockMessages.Import.class)))
        .post("ClientExport", x -> nodes.exportFile(x.body(BlockMessages.Export.class)))
        .get("ListDataTransfers", x -> channels.list())
        .get("DataTransferDiagnostics", x -> channels.diagnostics(required(x, "peer")))
        .get("DataTransferChannel", x -> channels.show(byRef(required(x, "channel"))))
        .post("DataTransferChannel", x -> channels.show(action(x)))
        .post("PauseDataTransfer", x -> channels.pause(action(x)))
        .post("ResumeDataTransfer", x -> channels.resume(action(x)))
        .post("RestartDataTransfer", x -> channels.restart(action(x)))
        .post("CancelDataTransfer", x -> channels.cancel(action(x)))
        .post(
            "SendDataTransferVoucher",
            x -> channels.voucher(x.body(ChannelMessages.NewVoucher.class)))
        .post("OpenPullDataChannel", x -> channels.open(true, x.body(ChannelMessages.Open.class)))
        .post("OpenPushDataChannel", x -> channels.open(false, x.body(ChannelMessages.Open.class)))
        .get("events", events::serve)
        .get("DataTransferUpdates", events::serve);
  }

  private static ChannelMessages.Action action(JsonExchange x) throws IOException {
    return x.body(ChannelMessages.Action.class);
  }

  private static ChannelMessages.Action byRef(String ref) {
    return new ChannelMessages.Action(ref, null, null, null, null);
  }

  private static String required(JsonExchange x, String name) {
    return x.query(name)
        .filter(v -> !v.isBlank())
        .orElseThrow(() -> ApiException.badRequest("query parameter '" + name + "' is required"));
  }

  private static void publish(
      TransferEvent event, ChannelActivity activity, EventStream events, Clock clock) {
    activity.record(event.channel(), event.event().timestamp());
    events.publish(
        new ChannelMessages.Update(
            event.event().code().goName(),
            event.event().code().code(),
            event.event().message(),
            event.event().timestamp().toString(),
            ChannelInfo.of(event.channel(), activity, clock.instant())));
  }

  /** Returns the server's URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI url() {
    InetSocketAddress bound = server.getAddress();
    // a wildcard bind is reached through loopback from this machine
    String host =
        bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + bound.getPort());
  }

  /** Returns every endpoint as path to its methods (all of them behind the access filter). */
  Map<String, Set<String>> endpoints() {
    return routes.endpoints();
  }

  /** Ends the event streams and stops serving. */
  @Override
  public void close() {
    subscription.close();
    events.close();
    server.stop(0);
    executor.shutdownNow();
  }
}
