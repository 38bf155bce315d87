package io.dt4j.core.channels.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Node;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ChannelRecordCodecTest {

  @Property(tries = 300)
  void everyRecordSurvivesEncodeThenDecode(@ForAll("records") ChannelRecord record) {
    assertThat(ChannelRecordCodec.decode(ChannelRecordCodec.encode(record))).isEqualTo(record);
  }

  /**
   * A version 1 record exactly as dt4j wrote it before the creation time existed: {@code
   * transitioned(receivedBlock(created(5), 100), ONGOING)} encoded by commit 1b2208c.
   */
  private static final String VERSION_ONE_RECORD =
      "b361760169696e69746961746f725822122006c604b332b386b6cce8355ccf27fffd3a98b7a7a5b9b3a550c0"
          + "39c6ebae38e469726573706f6e64657258221220d9298a10d1b0735837dc4bd85dac641b0f3cef27a47e"
          + "5d53a54f2f3f5b2fcffa6a7472616e736665724964056873656c66506565725822122006c604b332b386"
          + "b6cce8355ccf27fffd3a98b7a7a5b9b3a550c039c6ebae38e46762617365436964d82a58250001551220"
          + "f04bab95bfbff668e55d8d956f635cce31329a7534eb91032b6d625c21f2e3416873656c6563746f72a1"
          + "6152a1623a3ea06673656e64657258221220d9298a10d1b0735837dc4bd85dac641b0f3cef27a47e5d53"
          + "a54f2f3f5b2fcffa69726563697069656e745822122006c604b332b386b6cce8355ccf27fffd3a98b7a7"
          + "a5b9b3a550c039c6ebae38e469746f74616c53697a6500667374617475730166717565756564006473656e"
          + "74006872656365697665641864676d6573736167656a73657175656e6365203268766f75636865727381"
          + "826b54657374566f7563686572438201026e766f7563686572526573756c74738071726563656976656443"
          + "696473436f756e74016873657175656e636502";

  @Test
  void aVersionOneRecordWrittenBeforeCreationTimesReadsWithTheTimeUnknown() {
    ChannelRecord read = ChannelRecordCodec.decode(HexFormat.of().parseHex(VERSION_ONE_RECORD));
    ChannelRecord expected =
        SampleChannels.transitioned(
            SampleChannels.receivedBlock(SampleChannels.unstamped(5), 100), Status.ONGOING);
    assertThat(read).isEqualTo(expected);
    assertThat(read.created()).isEmpty();
    assertThat(ChannelRecordCodec.decode(ChannelRecordCodec.encode(read))).isEqualTo(read);
    assertThat(storedMap(read).get("created")).isEqualTo(Node.NULL);
  }

  @Test
  void theCreationTimeIsStoredInMillisecondsSinceTheEpoch() {
    ChannelRecord record =
        SampleChannels.unstamped(2).createdAt(Instant.parse("2026-03-04T05:06:07.123456Z"));
    assertThat(storedMap(record).get("created"))
        .isEqualTo(Node.of(Instant.parse("2026-03-04T05:06:07.123Z").toEpochMilli()));
    assertThat(ChannelRecordCodec.decode(ChannelRecordCodec.encode(record)).created())
        .contains(Instant.parse("2026-03-04T05:06:07.123Z"));
  }

  @Test
  void aMistypedCreationTimeIsNamed() {
    assertField(map -> put(map, "created", Node.of("yesterday")), "created", "expected Int");
  }

  @Test
  void statusIsStoredByItsProtocolCodeAndTheVersionIsTwo() {
    ChannelRecord record =
        SampleChannels.transitioned(SampleChannels.created(1), Status.RESPONDER_PAUSED);
    Map<String, Node> map = storedMap(record);
    assertThat(map.get("status")).isEqualTo(Node.of(12));
    assertThat(map.get("v")).isEqualTo(Node.of(2));
    assertThat(map.get("baseCid")).isEqualTo(Node.link(record.baseCid()));
    assertThat(map.get("selfPeer")).isEqualTo(Node.of(record.selfPeer().toBytes()));
  }

  @Test
  void aVersionZeroRecordReadsWithZeroSequenceAndCidCount() {
    ChannelRecord record = SampleChannels.receivedBlock(SampleChannels.created(7), 100);
    byte[] v0 =
        rewrite(
            record,
            map -> {
              map.remove("v");
              map.remove("sequence");
              map.remove("receivedCidsCount");
              map.remove("created");
              return map;
            });
    ChannelRecord read = ChannelRecordCodec.decode(v0);
    assertThat(read.created()).isEmpty();
    assertThat(read.sequence()).isZero();
    assertThat(read.receivedCidsCount()).isZero();
    assertThat(read.received()).isEqualTo(100);
    assertThat(read.status()).isEqualTo(Status.ONGOING);
    assertThat(read.channelId()).isEqualTo(record.channelId());
  }

  @Test
  void aMissingFieldIsNamed() {
    assertField(map -> remove(map, "sender"), "sender", "missing");
  }

  @Test
  void aMistypedFieldIsNamed() {
    assertField(map -> put(map, "received", Node.of("many")), "received", "expected Int");
  }

  @Test
  void anUnknownKeyIsNamed() {
    assertField(map -> put(map, "colour", Node.of(1)), "colour", "unknown key");
  }

  @Test
  void aFutureVersionIsRejected() {
    assertField(map -> put(map, "v", Node.of(3)), "v", "unknown format version");
  }

  @Test
  void anUnknownStatusCodeIsNamed() {
    assertField(map -> put(map, "status", Node.of(99)), "status", "unknown channel status");
  }

  @Test
  void peerBytesThatAreNoMultihashAreNamed() {
    assertField(map -> put(map, "recipient", Node.of(new byte[] {1})), "recipient", "peer id");
  }

  @Test
  void aMalformedVoucherIsNamed() {
    assertField(map -> put(map, "vouchers", Node.list(Node.of("x"))), "vouchers", "item 0");
  }

  @Test
  void aStoredChannelNotFoundStatusIsRejected() {
    assertField(map -> put(map, "status", Node.of(16)), "(record)", "never stored");
  }

  @Test
  void bytesThatAreNotDagCborAreRejected() {
    assertThatThrownBy(() -> ChannelRecordCodec.decode(new byte[] {(byte) 0xff, 0x00}))
        .isInstanceOf(MalformedChannelRecordException.class)
        .hasMessageContaining("not DAG-CBOR");
    assertThatThrownBy(() -> ChannelRecordCodec.decode(DagCbor.encode(Node.of(5))))
        .isInstanceOf(MalformedChannelRecordException.class)
        .hasMessageContaining("not a map");
  }

  private static void assertField(
      UnaryOperator<Map<String, Node>> change, String field, String message) {
    byte[] bytes = rewrite(SampleChannels.created(3), change);
    assertThatThrownBy(() -> ChannelRecordCodec.decode(bytes))
        .isInstanceOfSatisfying(
            MalformedChannelRecordException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(message);
  }

  private static Map<String, Node> remove(Map<String, Node> map, String key) {
    map.remove(key);
    return map;
  }

  private static Map<String, Node> put(Map<String, Node> map, String key, Node value) {
    map.put(key, value);
    return map;
  }

  private static Map<String, Node> storedMap(ChannelRecord record) {
    return new LinkedHashMap<>(
        ((Node.MapNode) DagCbor.decode(ChannelRecordCodec.encode(record))).entries());
  }

  private static byte[] rewrite(ChannelRecord record, UnaryOperator<Map<String, Node>> change) {
    return DagCbor.encode(new Node.MapNode(change.apply(storedMap(record))));
  }

  @Provide
  Arbitrary<ChannelRecord> records() {
    Arbitrary<PeerId> peers = Arbitraries.strings().ofMaxLength(8).map(SampleChannels::peer);
    Arbitrary<ChannelId> ids =
        Combinators.combine(peers, peers, Arbitraries.longs())
            .as((a, b, n) -> new ChannelId(a, b, new TransferId(n)));
    Arbitrary<Status> statuses =
        Arbitraries.of(Status.class).filter(s -> s != Status.CHANNEL_NOT_FOUND_ERROR);
    Arbitrary<Long> counters = Arbitraries.longs().greaterOrEqual(0);
    Arbitrary<EncodedVoucher> vouchers =
        Combinators.combine(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(20))
            .as((type, cbor) -> new EncodedVoucher(TypeIdentifier.of(type), cbor));
    Arbitrary<Node> selectors =
        Arbitraries.strings()
            .ofMaxLength(5)
            .map(
                s ->
                    (Node)
                        Node.map()
                            .put("R", Node.map().put(s, Node.list(Node.of(1), Node.NULL)).build())
                            .build());
    return Combinators.combine(
            ids,
            peers,
            statuses,
            counters.list().ofSize(6),
            Arbitraries.strings().ofMaxLength(30),
            vouchers.list().ofMinSize(1).ofMaxSize(3),
            vouchers.list().ofMaxSize(3),
            Combinators.combine(selectors, creationTimes()).as(Tail::new))
        .as(
            (id, self, status, n, message, voucherList, results, tail) ->
                new ChannelRecord(
                    id,
                    self,
                    SampleChannels.cid(n.get(0)),
                    tail.selector(),
                    id.initiator(),
                    id.responder(),
                    n.get(0),
                    status,
                    n.get(1),
                    n.get(2),
                    n.get(3),
                    message,
                    voucherList,
                    results,
                    n.get(4),
                    n.get(5),
                    tail.created()));
  }

  /** Creation times up to 2100, or unknown. */
  private static Arbitrary<Optional<Instant>> creationTimes() {
    return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli).optional();
  }

  /** The record fields beyond jqwik's eight-way combine. */
  private record Tail(Node selector, Optional<Instant> created) {}
}
