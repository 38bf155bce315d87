package io.dt4j.daemon;

import io.dt4j.api.PeerId;
import io.dt4j.api.Voucher;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Objects;

/**
 * A transfer to open: a pull (the peer sends) or a push (this node sends).
 *
 * @param pull true for a pull, false for a push
 * @param peer the other peer
 * @param voucher the voucher that justifies the transfer
 * @param root the root of the DAG
 * @param selector the selector over the DAG
 */
public record NewTransfer(boolean pull, PeerId peer, Voucher voucher, Cid root, Node selector) {
  /** Checks that no part is missing. */
  public NewTransfer {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(voucher, "voucher");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(selector, "selector");
  }
}
