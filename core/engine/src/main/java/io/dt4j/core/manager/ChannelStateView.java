package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelState;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.Voucher;
import io.dt4j.api.VoucherResult;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.ChannelStore;
import io.dt4j.core.channels.CidSet;
import io.dt4j.core.registry.VoucherRegistry;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ChannelState} over one {@link ChannelRecord}: vouchers and results are decoded with the
 * registry when asked ({@link OpaqueVoucher} when they cannot be); the received CIDs are read from
 * the store when asked, so they are the channel's current set, empty once it is cleaned up.
 */
final class ChannelStateView implements ChannelState {
  private final ChannelRecord record;
  private final VoucherRegistry registry;
  private final ChannelStore store;

  ChannelStateView(ChannelRecord record, VoucherRegistry registry, ChannelStore store) {
    this.record = record;
    this.registry = registry;
    this.store = store;
  }

  @Override
  public TransferId transferId() {
    return record.channelId().id();
  }

  @Override
  public Cid baseCid() {
    return record.baseCid();
  }

  @Override
  public Node selector() {
    return record.selector();
  }

  @Override
  public Voucher voucher() {
    return voucher(record.vouchers().get(0));
  }

  @Override
  public PeerId sender() {
    return record.sender();
  }

  @Override
  public PeerId recipient() {
    return record.recipient();
  }

  @Override
  public long totalSize() {
    return record.totalSize();
  }

  @Override
  public boolean isPull() {
    return record.isPull();
  }

  @Override
  public ChannelId channelId() {
    return record.channelId();
  }

  @Override
  public PeerId otherPeer() {
    return record.otherPeer();
  }

  @Override
  public PeerId selfPeer() {
    return record.selfPeer();
  }

  @Override
  public Status status() {
    return record.status();
  }

  @Override
  public long sent() {
    return record.sent();
  }

  @Override
  public long received() {
    return record.received();
  }

  @Override
  public long queued() {
    return record.queued();
  }

  @Override
  public String message() {
    return record.message();
  }

  @Override
  public List<Voucher> vouchers() {
    return record.vouchers().stream().map(this::voucher).toList();
  }

  @Override
  public List<VoucherResult> voucherResults() {
    return record.voucherResults().stream().map(this::result).toList();
  }

  @Override
  public Voucher lastVoucher() {
    return voucher(record.vouchers().get(record.vouchers().size() - 1));
  }

  @Override
  public Optional<VoucherResult> lastVoucherResult() {
    List<EncodedVoucher> results = record.voucherResults();
    return results.isEmpty()
        ? Optional.empty()
        : Optional.of(result(results.get(results.size() - 1)));
  }

  @Override
  public List<Cid> receivedCids() {
    List<Cid> cids = new ArrayList<>();
    store.forEach(record.channelId(), CidSet.DATA_RECEIVED, cids::add);
    return cids;
  }

  @Override
  public int receivedCidsCount() {
    return (int) Math.min(Integer.MAX_VALUE, record.receivedCidsCount());
  }

  /** Returns the record this view shows. */
  ChannelRecord record() {
    return record;
  }

  private Voucher voucher(EncodedVoucher encoded) {
    try {
      return registry.decodeStored(encoded);
    } catch (DataTransferException e) {
      return new OpaqueVoucher(encoded);
    }
  }

  private VoucherResult result(EncodedVoucher encoded) {
    try {
      return registry.decodeResult(encoded);
    } catch (DataTransferException e) {
      return new OpaqueVoucher(encoded);
    }
  }

  @Override
  public String toString() {
    return "ChannelState[" + record.channelId() + " " + record.status() + "]";
  }
}
