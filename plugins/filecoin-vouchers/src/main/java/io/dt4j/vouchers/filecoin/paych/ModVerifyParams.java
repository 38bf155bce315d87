package io.dt4j.vouchers.filecoin.paych;

import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.ADDRESS;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.BYTES;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.UINT64;

import io.dt4j.vouchers.filecoin.ByteString;
import io.dt4j.vouchers.filecoin.FilecoinAddress;
import io.dt4j.vouchers.filecoin.cborgen.Field;
import io.dt4j.vouchers.filecoin.cborgen.StructCodec;
import java.util.List;
import java.util.Objects;

/**
 * An extra check a {@link SignedVoucher} asks for when redeemed: a method call on another actor
 * (specs-actors v0.9 {@code paych.ModVerifyParams}).
 *
 * @param actor the actor to call
 * @param method the method number, unsigned
 * @param data the call's parameters
 */
public record ModVerifyParams(FilecoinAddress actor, long method, ByteString data) {
  private static final Field<ModVerifyParams, FilecoinAddress> ACTOR =
      Field.of("Actor", ADDRESS, ModVerifyParams::actor);
  private static final Field<ModVerifyParams, Long> METHOD =
      Field.of("Method", UINT64, ModVerifyParams::method);
  private static final Field<ModVerifyParams, ByteString> DATA =
      Field.of("Data", BYTES, ModVerifyParams::data);

  /** cbor-gen tuple {@code [Actor, Method, Data]}. */
  public static final StructCodec<ModVerifyParams> CODEC =
      StructCodec.tuple(
          List.of(ACTOR, METHOD, DATA),
          v -> new ModVerifyParams(v.get(ACTOR), v.get(METHOD), v.get(DATA)));

  /** Checks that no part is missing. */
  public ModVerifyParams {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(data, "data");
  }
}
