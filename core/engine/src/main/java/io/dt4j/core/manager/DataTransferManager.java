package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelNotFoundException;
import io.dt4j.api.ChannelState;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.DuplicateRegistrationException;
import io.dt4j.api.EventsHandler;
import io.dt4j.api.Manager;
import io.dt4j.api.PeerId;
import io.dt4j.api.ReadyListener;
import io.dt4j.api.RequestValidator;
import io.dt4j.api.Revalidator;
import io.dt4j.api.Status;
import io.dt4j.api.Subscriber;
import io.dt4j.api.Subscription;
import io.dt4j.api.TransportConfigurer;
import io.dt4j.api.Voucher;
import io.dt4j.api.VoucherResult;
import io.dt4j.api.VoucherType;
import io.dt4j.core.channels.ChannelEventBus;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.Channels;
import io.dt4j.core.plugins.PluginHost;
import io.dt4j.core.registry.VoucherRegistry;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-transfer manager (go-data-transfer's {@code impl.manager}): the {@link Manager} API over
 * the channels, the registries, dt-net and a transport. The protocol's steps live in small parts —
 * {@link Openings}, {@link ChannelControl}, {@link Restarts}, the {@link ResponderSide} and {@link
 * InitiatorSide} of incoming messages, {@link Revalidation}, {@link Completion} — reached from the
 * API, from dt-net ({@link NetworkMessages}) and from the transport ({@link TransportEvents}).
 *
 * <p>A manager built on a store that holds channels knows them at once: they can be restarted with
 * {@link #restartDataTransferChannel}, and the blocks they already moved are neither requested nor
 * counted again. With a monitor configured, the unfinished channels it initiated are watched again.
 *
 * <p>Where go-data-transfer v1.7.3 leaves an order to chance, this manager fixes it (the wire is
 * unchanged): the events one message causes are applied together; the first ending of a channel
 * wins over later cancels, failures and transport errors; a voucher is recorded before it is sent
 * and a resumption applied before the transport moves data again; a close takes effect locally
 * before the peer is told, also when the peer is gone; the data sender keeps its side of the
 * transport paused while the responder is paused; a Complete for a channel that was never accepted
 * and moved no data is dropped.
 */
public final class DataTransferManager implements Manager {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");
  private static final int CHANNEL_THREADS = 4;

  private final ManagerOptions options;
  private final VoucherRegistry registry = new VoucherRegistry();
  private final ChannelEventBus bus = new ChannelEventBus(ChannelEventBus.DEFAULT_CAPACITY);
  private final ExecutorService channelPool;
  private final ExecutorService work;
  private final boolean ownsWork;
  private final ManagerContext ctx;
  private final Openings openings;
  private final ChannelControl control;
  private final Restarts restarts;
  private final RequestValidation validation;
  private final TransportEvents transportEvents;
  private final NetworkMessages networkMessages;
  private final Monitoring monitoring;
  private final PeerChannelLimit channelLimit;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();

  /**
   * Creates a manager; it does nothing until {@link #start()}.
   *
   * @param options the network, transport, store and clock
   */
  public DataTransferManager(ManagerOptions options) {
    this.options = options;
    this.channelPool = Executors.newFixedThreadPool(CHANNEL_THREADS, threads("dt4j-channel"));
    this.work = options.executor().orElseGet(() -> Executors.newCachedThreadPool(threads("dt4j")));
    this.ownsWork = options.executor().isEmpty();
    Channels channels =
        new Channels(options.store(), bus, this::cleanUp, channelPool, options.clock());
    this.ctx =
        new ManagerContext(
            options.network().self(),
            new ChannelUpdates(channels, options.store()),
            registry,
            options.network(),
            options.transport());
    Revalidation revalidation = new Revalidation(ctx);
    this.validation = new RequestValidation(ctx, options.validatorTimeout());
    this.restarts = new Restarts(ctx, validation);
    this.channelLimit =
        new PeerChannelLimit(
            options.maxChannelsPerPeer(),
            id ->
                ctx.channels
                    .find(id)
                    .map(r -> !PeerChannelLimit.hasEnded(r.status()))
                    .orElse(true));
    ResponderSide responder =
        new ResponderSide(ctx, validation, revalidation, restarts, channelLimit);
    InitiatorSide initiator = new InitiatorSide(ctx);
    this.transportEvents =
        new TransportEvents(
            ctx, responder, initiator, revalidation, new Completion(ctx, revalidation));
    this.networkMessages =
        new NetworkMessages(ctx, responder, initiator, restarts, new ChannelQueues(work));
    this.monitoring =
        new Monitoring(
            options.monitor(),
            new Monitoring.Target(
                peer -> options.network().connectWithRetry(peer),
                this::restartDataTransferChannel,
                this::closeDataTransferChannelWithError));
    this.openings = new Openings(ctx, new TransferIds(options.clock()), monitoring::watch);
    this.control = new ChannelControl(ctx);
  }

  /** Returns this node's peer id. */
  public PeerId self() {
    return ctx.self;
  }

  /** Returns the registries, e.g. to make a voucher type known for encoding only. */
  public VoucherRegistry registry() {
    return registry;
  }

  /** Returns the handler the transport reports to (set on the transport by {@link #start()}). */
  public EventsHandler eventsHandler() {
    return transportEvents;
  }

  /**
   * Registers everything the plugin host discovered (voucher types, result types, validators,
   * revalidators, transport configurers).
   *
   * @param host the started plugin host
   * @return what could not be registered, one line each
   */
  public List<String> registerDiscovered(PluginHost host) {
    return registry.registerDiscovered(host.extensions());
  }

  @Override
  public CompletionStage<Void> start() {
    try {
      channelLimit.seed(options.store().all(), ctx.self);
      bus.subscribe((event, record) -> channelLimit.observe(record));
      options.transport().setEventHandler(transportEvents);
      options.network().start(networkMessages);
      monitoring.start(bus, options.store().all());
      log.info(
          "data-transfer manager {} started with {} stored channels",
          ctx.self,
          options.store().all().size());
      ready.complete(null);
    } catch (DataTransferException | RuntimeException e) {
      ready.completeExceptionally(e);
    }
    return ready.copy();
  }

  @Override
  public void onReady(ReadyListener listener) {
    ready.whenComplete(
        (v, error) ->
            listener.onReady(
                error == null
                    ? Optional.empty()
                    : Optional.of(Blocking.asDataTransferException(error))));
  }

  @Override
  public CompletionStage<Void> stop() {
    monitoring.close();
    return options
        .transport()
        .shutdown()
        .handle(
            (v, error) -> {
              if (error != null) {
                log.warn("transport shutdown failed: {}", error.toString());
              }
              options.network().close();
              bus.close();
              channelPool.shutdown();
              validation.close();
              if (ownsWork) {
                work.shutdown();
              }
              return null;
            });
  }

  @Override
  public void registerVoucherType(VoucherType<? extends Voucher> type, RequestValidator validator)
      throws DuplicateRegistrationException {
    registry.registerVoucherType(type, validator);
  }

  @Override
  public void registerRevalidator(VoucherType<? extends Voucher> type, Revalidator revalidator)
      throws DuplicateRegistrationException {
    registry.registerRevalidator(type, revalidator);
  }

  @Override
  public void registerVoucherResultType(VoucherType<? extends VoucherResult> type)
      throws DuplicateRegistrationException {
    registry.registerVoucherResultType(type);
  }

  @Override
  public void registerTransportConfigurer(
      VoucherType<? extends Voucher> type, TransportConfigurer configurer)
      throws DuplicateRegistrationException {
    registry.registerTransportConfigurer(type, configurer);
  }

  @Override
  public CompletionStage<ChannelId> openPushDataChannel(
      PeerId to, Voucher voucher, Cid baseCid, Node selector) {
    return async(() -> openings.open(false, to, voucher, baseCid, selector));
  }

  @Override
  public CompletionStage<ChannelId> openPullDataChannel(
      PeerId to, Voucher voucher, Cid baseCid, Node selector) {
    return async(() -> openings.open(true, to, voucher, baseCid, selector));
  }

  @Override
  public CompletionStage<Void> sendVoucher(ChannelId channelId, Voucher voucher) {
    return run(() -> control.sendVoucher(channelId, voucher));
  }

  @Override
  public CompletionStage<Void> closeDataTransferChannel(ChannelId channelId) {
    return run(() -> control.close(channelId));
  }

  /**
   * Closes a channel with an error: its transport request is cancelled, it fails with {@code error}
   * as its message, and the other party is sent a cancel if it can be reached (Go's {@code
   * CloseDataTransferChannelWithError}, used by the channel monitor).
   *
   * @param channelId the channel
   * @param error why
   * @return completes when the channel failed locally
   */
  public CompletionStage<Void> closeDataTransferChannelWithError(
      ChannelId channelId, String error) {
    return run(() -> control.closeWithError(channelId, error));
  }

  @Override
  public CompletionStage<Void> pauseDataTransferChannel(ChannelId channelId) {
    return run(() -> control.pause(channelId));
  }

  @Override
  public CompletionStage<Void> resumeDataTransferChannel(ChannelId channelId) {
    return run(() -> control.resume(channelId));
  }

  @Override
  public CompletionStage<Void> restartDataTransferChannel(ChannelId channelId) {
    return run(() -> restarts.restart(channelId));
  }

  @Override
  public Status transferChannelStatus(ChannelId channelId) {
    return ctx.channels
        .find(channelId)
        .map(ChannelRecord::status)
        .orElse(Status.CHANNEL_NOT_FOUND_ERROR);
  }

  @Override
  public ChannelState channelState(ChannelId channelId) throws ChannelNotFoundException {
    return view(ctx.channels.require(channelId));
  }

  @Override
  public Subscription subscribeToEvents(Subscriber subscriber) {
    return bus.subscribe((event, record) -> subscriber.onEvent(event, view(record)));
  }

  @Override
  public Map<ChannelId, ChannelState> inProgressChannels() {
    Map<ChannelId, ChannelState> all = new LinkedHashMap<>();
    for (ChannelRecord record : options.store().all()) {
      ChannelRecord current = ctx.channels.find(record.channelId()).orElse(record);
      all.put(current.channelId(), view(current));
    }
    return all;
  }

  private ChannelState view(ChannelRecord record) {
    return new ChannelStateView(record, registry, options.store());
  }

  /** The clean-up entry action (§4.3 item 7): the transport forgets the channel. */
  private void cleanUp(ChannelRecord record) {
    options.transport().cleanupChannel(record.channelId());
    ctx.forget(record.channelId());
  }

  /** An API operation's body. */
  private interface Operation<T> {
    T run() throws DataTransferException;
  }

  /** An API operation without a value. */
  private interface Command {
    void run() throws DataTransferException;
  }

  private CompletionStage<Void> run(Command command) {
    return async(
        () -> {
          command.run();
          return null;
        });
  }

  private <T> CompletionStage<T> async(Operation<T> operation) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      work.execute(
          () -> {
            try {
              result.complete(operation.run());
            } catch (DataTransferException e) {
              result.completeExceptionally(e);
            } catch (RuntimeException e) {
              log.error("manager operation failed", e);
              result.completeExceptionally(Blocking.asDataTransferException(e));
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new DataTransferException("the manager is stopped", e));
    }
    return result;
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
