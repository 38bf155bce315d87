package io.dt4j.api;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: decides whether this node accepts a push or pull request that carries a voucher
 * of one of {@link #voucherTypes()}. It runs on the responder, once per new request and again when
 * an initiator restarts a channel.
 *
 * <p>Implementations are thread-safe and must not block for long: they run on the manager's
 * threads.
 */
public interface RequestValidator extends ExtensionPoint {

  /** Returns the voucher types this validator handles. */
  Set<TypeIdentifier> voucherTypes();

  /**
   * Validates a push request received from the peer that will send data to this node.
   *
   * @param sender the peer that wants to send data
   * @param voucher the decoded voucher of the request
   * @param baseCid the root of the DAG to be transferred
   * @param selector the IPLD selector over the DAG
   * @return accept, accept paused, or reject
   */
  ValidationResult validatePush(PeerId sender, Voucher voucher, Cid baseCid, Node selector);

  /**
   * Validates a pull request received from the peer that wants to receive data from this node.
   *
   * @param receiver the peer that wants to receive data
   * @param voucher the decoded voucher of the request
   * @param baseCid the root of the DAG to be transferred
   * @param selector the IPLD selector over the DAG
   * @return accept, accept paused, or reject
   */
  ValidationResult validatePull(PeerId receiver, Voucher voucher, Cid baseCid, Node selector);
}
