package io.dt4j.core.manager;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherResult;
import io.dt4j.api.VoucherType;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;

/**
 * The voucher and voucher-result types of the manager's tests: a (text, number) pair each, encoded
 * as a two-element CBOR array like a cbor-gen tuple struct (see plugins/example-voucher).
 */
public final class TestVouchers {
  /** The voucher type's name. */
  public static final TypeIdentifier VOUCHER = TypeIdentifier.of("dt4j/TestVoucher");

  /** The voucher-result type's name. */
  public static final TypeIdentifier RESULT = TypeIdentifier.of("dt4j/TestResult");

  private TestVouchers() {}

  /**
   * A voucher: which deal, and how many bytes it pays for.
   *
   * @param deal the deal; scripted validators read instructions from it
   * @param paid bytes paid for
   */
  public record TestVoucher(String deal, long paid) implements Voucher {
    @Override
    public TypeIdentifier type() {
      return VOUCHER;
    }
  }

  /**
   * A voucher result: a message and an amount.
   *
   * @param message what the responder says
   * @param amount bytes owed or accepted
   */
  public record TestResult(String message, long amount) implements VoucherResult {
    @Override
    public TypeIdentifier type() {
      return RESULT;
    }
  }

  /** The codec of {@link TestVoucher}. */
  public static final class VoucherCodec implements VoucherType<TestVoucher> {
    @Override
    public TypeIdentifier identifier() {
      return VOUCHER;
    }

    @Override
    public Class<TestVoucher> javaType() {
      return TestVoucher.class;
    }

    @Override
    public byte[] encode(TestVoucher value) {
      return pair(value.deal(), value.paid());
    }

    @Override
    public TestVoucher decode(byte[] cbor) throws VoucherDecodingException {
      Node.ListNode list = list(VOUCHER, cbor);
      return new TestVoucher(text(list), number(list));
    }
  }

  /** The codec of {@link TestResult}. */
  public static final class ResultCodec implements VoucherType<TestResult> {
    @Override
    public TypeIdentifier identifier() {
      return RESULT;
    }

    @Override
    public Class<TestResult> javaType() {
      return TestResult.class;
    }

    @Override
    public byte[] encode(TestResult value) {
      return pair(value.message(), value.amount());
    }

    @Override
    public TestResult decode(byte[] cbor) throws VoucherDecodingException {
      Node.ListNode list = list(RESULT, cbor);
      return new TestResult(text(list), number(list));
    }
  }

  private static byte[] pair(String text, long number) {
    return DagCbor.encode(Node.list(Node.of(text), Node.of(number)));
  }

  private static Node.ListNode list(TypeIdentifier type, byte[] cbor)
      throws VoucherDecodingException {
    try {
      if (DagCbor.decode(cbor) instanceof Node.ListNode list
          && list.items().size() == 2
          && list.items().get(0) instanceof Node.Str
          && list.items().get(1) instanceof Node.Int) {
        return list;
      }
    } catch (MalformedIpldException e) {
      throw new VoucherDecodingException(type + ": not DAG-CBOR: " + e.getMessage(), e);
    }
    throw new VoucherDecodingException(type + ": expected [text, integer]");
  }

  private static String text(Node.ListNode list) {
    return ((Node.Str) list.items().get(0)).value();
  }

  private static long number(Node.ListNode list) {
    return ((Node.Int) list.items().get(1)).value();
  }
}
