package io.dt4j.example.voucher;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.VoucherDecodingException;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;

/**
 * The encoding of this plugin's values: a CBOR array of (text, unsigned integer), the tuple form
 * that Go's cbor-gen writes for a two-field struct.
 */
final class TupleCodec {
  private TupleCodec() {}

  /** A decoded (text, unsigned integer) pair. */
  record Pair(String text, long number) {}

  static byte[] encode(String text, long number) {
    return DagCbor.encode(Node.list(Node.of(text), Node.of(number)));
  }

  static Pair decode(TypeIdentifier type, byte[] cbor) throws VoucherDecodingException {
    Node node;
    try {
      node = DagCbor.decode(cbor);
    } catch (MalformedIpldException e) {
      throw new VoucherDecodingException(type + ": not valid DAG-CBOR: " + e.getMessage(), e);
    }
    if (node instanceof Node.ListNode list
        && list.items().size() == 2
        && list.items().get(0) instanceof Node.Str text
        && list.items().get(1) instanceof Node.Int number
        && number.value() >= 0) {
      return new Pair(text.value(), number.value());
    }
    throw new VoucherDecodingException(
        type + ": expected a CBOR array of [text, unsigned integer], got " + node);
  }
}
