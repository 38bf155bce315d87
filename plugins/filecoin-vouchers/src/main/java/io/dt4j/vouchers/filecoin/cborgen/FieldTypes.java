package io.dt4j.vouchers.filecoin.cborgen;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.cbor.CborWriter;
import io.dt4j.vouchers.filecoin.ByteString;
import io.dt4j.vouchers.filecoin.FilecoinAddress;
import io.dt4j.vouchers.filecoin.Signature;
import io.dt4j.vouchers.filecoin.TokenAmount;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Go field types of the market structs, each as cbor-gen writes it:
 *
 * <table>
 *   <caption>Go type, CBOR item</caption>
 *   <tr><th>constant</th><th>Go type</th><th>CBOR</th></tr>
 *   <tr><td>{@link #UINT64}</td><td>{@code uint64}, {@code DealID}, {@code DealStatus}</td>
 *       <td>unsigned integer (major 0)</td></tr>
 *   <tr><td>{@link #INT64}</td><td>{@code int64}, {@code abi.ChainEpoch}</td>
 *       <td>major 0 or 1</td></tr>
 *   <tr><td>{@link #TEXT}</td><td>{@code string}</td><td>text, at most 8192 bytes</td></tr>
 *   <tr><td>{@link #BYTES}</td><td>{@code []byte}</td><td>byte string, at most 2 MiB</td></tr>
 *   <tr><td>{@link #CID}</td><td>{@code cid.Cid}</td>
 *       <td>tag 42 around {@code 0x00 · binary CID}</td></tr>
 *   <tr><td>{@link #TOKEN_AMOUNT}</td><td>{@code big.Int}</td>
 *       <td>byte string: sign byte and magnitude</td></tr>
 *   <tr><td>{@link #ADDRESS}</td><td>{@code address.Address}</td>
 *       <td>byte string: protocol and payload</td></tr>
 *   <tr><td>{@link #SIGNATURE}</td><td>{@code crypto.Signature}</td>
 *       <td>byte string: type byte and data</td></tr>
 *   <tr><td>{@link #DEFERRED}</td><td>{@code cbg.Deferred}</td><td>any one item, kept raw</td></tr>
 *   <tr><td>{@link #nullable}</td><td>a pointer</td><td>the item, or null ({@code f6})</td></tr>
 *   <tr><td>{@link #list}</td><td>a slice of structs</td><td>array</td></tr>
 * </table>
 */
public final class FieldTypes {
  /** Longest binary CID cbor-gen reads. */
  static final int MAX_CID = 512;

  /** An unsigned 64-bit integer, held in a {@code long} read as unsigned. */
  public static final FieldType<Long> UINT64 =
      new FieldType<>() {
        @Override
        public void write(CborWriter out, Long value) {
          out.head(CborWriter.UNSIGNED, value);
        }

        @Override
        public Long read(CborGenReader in, String path) {
          return in.head(CborWriter.UNSIGNED, path, "an unsigned integer");
        }
      };

  /** A signed 64-bit integer. */
  public static final FieldType<Long> INT64 =
      new FieldType<>() {
        @Override
        public void write(CborWriter out, Long value) {
          out.integer(value);
        }

        @Override
        public Long read(CborGenReader in, String path) {
          return in.int64(path);
        }
      };

  /** A text string; must be valid UTF-8 (so that re-encoding gives the same bytes). */
  public static final FieldType<String> TEXT =
      new FieldType<>() {
        @Override
        public void write(CborWriter out, String value) {
          byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
          if (utf8.length > CborGenReader.MAX_LENGTH) {
            throw new IllegalArgumentException(
                "text longer than " + CborGenReader.MAX_LENGTH + " bytes");
          }
          out.bytes(CborWriter.TEXT, utf8);
        }

        @Override
        public String read(CborGenReader in, String path) {
          int length = in.length(CborWriter.TEXT, CborGenReader.MAX_LENGTH, path, "a text string");
          byte[] utf8 = in.content(length);
          try {
            return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(utf8))
                .toString();
          } catch (CharacterCodingException e) {
            throw in.error(path, "text is not valid UTF-8");
          }
        }
      };

  /** A byte string. */
  public static final FieldType<ByteString> BYTES =
      byteString(CborGenReader.MAX_BYTE_ARRAY, ByteString::of, ByteString::toByteArray);

  /** A CID: tag 42 around the binary CID with its {@code 0x00} prefix. */
  public static final FieldType<Cid> CID =
      new FieldType<>() {
        @Override
        public void write(CborWriter out, Cid value) {
          byte[] cid = value.toBytes();
          byte[] content = new byte[cid.length + 1];
          System.arraycopy(cid, 0, content, 1, cid.length);
          out.head(CborWriter.TAG, 42);
          out.bytes(CborWriter.BYTES, content);
        }

        @Override
        public Cid read(CborGenReader in, String path) {
          if (in.head(CborWriter.TAG, path, "a CID (tag 42)") != 42) {
            throw in.error(path, "expected a CID (tag 42)");
          }
          int length = in.length(CborWriter.BYTES, MAX_CID, path, "a CID's byte string");
          byte[] content = in.content(length);
          if (content.length < 2 || content[0] != 0) {
            throw in.error(path, "a CID's bytes start with the 0x00 multibase prefix");
          }
          try {
            return Cid.fromBytes(Arrays.copyOfRange(content, 1, content.length));
          } catch (MalformedIpldException e) {
            throw in.error(path, "invalid CID: " + e.getMessage());
          }
        }
      };

  /** A Filecoin big integer (go-state-types {@code big.Int}). */
  public static final FieldType<TokenAmount> TOKEN_AMOUNT =
      byteString(TokenAmount.MAX_ENCODED_LENGTH, TokenAmount::fromBytes, TokenAmount::toBytes);

  /** A Filecoin address (go-address). */
  public static final FieldType<FilecoinAddress> ADDRESS =
      byteString(
          FilecoinAddress.MAX_ENCODED_LENGTH, FilecoinAddress::fromBytes, FilecoinAddress::toBytes);

  /** A signature (go-state-types {@code crypto.Signature}). */
  public static final FieldType<Signature> SIGNATURE =
      byteString(Signature.MAX_ENCODED_LENGTH, Signature::fromBytes, Signature::toBytes);

  /** Any one CBOR item, kept as its bytes (cbor-gen's {@code Deferred}). */
  public static final FieldType<ByteString> DEFERRED =
      new FieldType<>() {
        @Override
        public void write(CborWriter out, ByteString value) {
          out.raw(value.toByteArray());
        }

        @Override
        public ByteString read(CborGenReader in, String path) {
          return ByteString.of(in.item(path));
        }
      };

  private FieldTypes() {}

  /**
   * Returns the type of a pointer field: null ({@code f6}) or the item.
   *
   * @param type the pointed-to type
   * @param <V> its Java type
   * @return the nullable type
   */
  public static <V> FieldType<Optional<V>> nullable(FieldType<V> type) {
    return new FieldType<>() {
      @Override
      public void write(CborWriter out, Optional<V> value) {
        if (value.isEmpty()) {
          out.simple(22);
        } else {
          type.write(out, value.get());
        }
      }

      @Override
      public Optional<V> read(CborGenReader in, String path) {
        return in.takeNull() ? Optional.empty() : Optional.of(type.read(in, path));
      }
    };
  }

  /**
   * Returns the type of a slice: an array of at most 8192 items.
   *
   * @param type the items' type
   * @param <V> their Java type
   * @return the slice type
   */
  public static <V> FieldType<List<V>> list(FieldType<V> type) {
    return new FieldType<>() {
      @Override
      public void write(CborWriter out, List<V> value) {
        out.head(CborWriter.ARRAY, value.size());
        value.forEach(item -> type.write(out, item));
      }

      @Override
      public List<V> read(CborGenReader in, String path) {
        int count = in.length(CborWriter.ARRAY, CborGenReader.MAX_LENGTH, path, "an array");
        List<V> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          items.add(type.read(in, path + "[" + i + "]"));
        }
        return List.copyOf(items);
      }
    };
  }

  /** A value carried in a byte string, read by a parser that throws on bad content. */
  private static <V> FieldType<V> byteString(
      int maxLength, Function<byte[], V> parse, Function<V, byte[]> format) {
    return new FieldType<>() {
      @Override
      public void write(CborWriter out, V value) {
        out.bytes(CborWriter.BYTES, format.apply(value));
      }

      @Override
      public V read(CborGenReader in, String path) {
        int length = in.length(CborWriter.BYTES, maxLength, path, "a byte string");
        byte[] content = in.content(length);
        try {
          return parse.apply(content);
        } catch (IllegalArgumentException e) {
          throw in.error(path, e.getMessage());
        }
      }
    };
  }
}
