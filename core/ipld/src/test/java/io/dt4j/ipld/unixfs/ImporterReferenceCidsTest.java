package io.dt4j.ipld.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Root CIDs, block counts and block order against the JS reference (ipfs-unixfs-importer 17.1.1,
 * balanced layout, as pinned in shared/interop/ipld-oracle). Rows marked EXPECTED are in
 * ipld-oracle/EXPECTED.md; the others were produced by running the oracle's lib.mjs {@code
 * buildFile(FILE, {chunkSize, rawLeaves, cidVersion, maxChildrenPerNode})} on the same inputs
 * (script /tmp/oracle/mine.mjs, 2026-11-25) and printing the root, the number of distinct blocks
 * and sha256 over the lines {@code "CID LEN\n"} in the importer's put order (= ipfs-car's CAR
 * order); the "set" digests are over the same lines sorted.
 */
class ImporterReferenceCidsTest {
  private static final ImportOptions KUBO = ImportOptions.KUBO;
  private static final ImportOptions CAR = ImportOptions.IPFS_CAR;

  /** kubo {@code ipfs add --cid-version=1}: raw leaves, 256 KiB, 174 links. */
  private static final ImportOptions KUBO_V1 = new ImportOptions(262_144, true, 1, 174);

  private static final ImportOptions SMALL_RAW_174 = new ImportOptions(1024, true, 1, 174);

  static Stream<Arguments> kubo() {
    return Stream.of(
        row(
            "empty",
            KUBO,
            "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH",
            1, // EXPECTED
            "eb144413755cd3bde286fef73b3d2e5c3929632b76d3a8ebbac91433b479b920"),
        row(
            "a",
            KUBO,
            "QmfDmsHTywy6L9Ne5RXsj5YumDedfBLMvCvmaxjBoe6w4d",
            1, // EXPECTED
            "7dfb9117ef92f9929077d0cd7ced33fc6d2b0d7d9ee28860d989af4505c1b28f"),
        row(
            "hello",
            KUBO,
            "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
            1, // EXPECTED
            "112d612abd20d30ee927d308cd38191f3bd87a48ce8d716394d673f979ed3158"),
        row(
            "prng:1",
            KUBO,
            "QmP4cNMf2H9nmpViDNN7XSvhuYnGu8nsqtx7WLSiKnqNSy",
            1,
            "691ec0a5185ab01a9087e39b69a65399ec34e7a2be89fa925480132c86e17353"),
        row(
            "prng:262143",
            KUBO,
            "QmQiWuZ5Nc73TAsQwsxTa2VYFyCPpEWnkQPGNkNKgLYpr6",
            1,
            "4e85d9f024285f290976782154ba9bb19cc01a19caf914a6661fab79f5871698"),
        row(
            "prng:262144",
            KUBO,
            "Qmdq5rwASHwbiHdCJunZLzHdEzxyBbuaviz3qqTWYGtxdb",
            1, // EXPECTED
            "6a5c9e5405eeec385f87f0181515942c29f424a33683dccb42944cc32d22032f"),
        row(
            "prng:262145",
            KUBO,
            "QmX9AxXtmvVatj6ePRW4ZCCczQLihnKw7L1VLNm4VV7Fiv",
            3, // EXPECTED
            "d3c6f74ea0e81ae8378e339aa9b1d3f476cddd8987d5550f02f65263be3ca3a6"),
        row(
            "prng:1048577",
            KUBO,
            "QmdtBegsKQ3EjG7a6joXd4uaQrbWixZPqiV3T5SMzLn14J",
            6,
            "c3da26f2b0169f8f9cdbfcad0618efa94bea8d0d8b8a09bbbebc6d86f55587fb"),
        // 200 leaves > 174: two inner nodes and a root (EXPECTED: 203 blocks)
        row(
            "prng:52428800",
            KUBO,
            "QmbybcZjryREiz5CRuBjAGBMnzokr2EdV8i8M1MqMatxrN",
            203,
            "c0a077305b48f2f8d3912444dde542bcffbe7c4c25c4fd631083662760ce5996"),
        // 175 identical leaves: one distinct leaf, a full inner node, a one-link node, the root
        row(
            "zeros:45875200",
            KUBO,
            "QmaL1KiQRV8secNszpjjFPg722T53c77k2dz5UsNua59ZT",
            4,
            "3657101980971c116e035db4dab734ce755064ee47cc12f3ad30e080a502fee3"));
  }

  static Stream<Arguments> ipfsCar() {
    return Stream.of(
        row(
            "empty",
            CAR,
            "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
            1,
            "20b785d517ef5e5262619ffbc6671984084bd38441324aef5b6869e327849774"), // EXPECTED
        row(
            "a",
            CAR,
            "bafkreigks6arfsq3xxfpvqrrwonchxcnu6do76auprhhfomao6c273sixm",
            1,
            "4662ca7780aa34b43b32894922752a5c8c2472b85e3c75bf22f83d97318aeb14"), // EXPECTED
        row(
            "hello",
            CAR,
            "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4",
            1,
            "cbdd262aab4d8c798ed70c2dc17c6df0514e78dd61888ca5404f8f5caf044c41"), // EXPECTED
        row(
            "prng:1",
            CAR,
            "bafkreieut6knqwhpnlitgmle26lkbv3x7wbpsfk6zz6w7lliyc4zf4hhv4",
            1,
            "b6b269e894186f7e1aced24b4f0c5bb3e37d492a167d6aa89160a6988675cf7b"),
        row(
            "prng:262145",
            CAR,
            "bafkreibtpnliqidpu6t6gkqi2jamqifgpgzgsrx3nq5dzrfrr2nipmae4a",
            1,
            "3141028acfaca5bb11293b38ba54e5ea68f6511ec42ffad86da0678e9962ae1d"), // EXPECTED
        row(
            "prng:1048575",
            CAR,
            "bafkreid4ssmqdydvch3ljsgiwzgsdolfarqe2fw67ewfy6y2xde2ey74zq",
            1,
            "05c99694efd82eb87a6ba09457d6cedc5eb7ae2cb8e7482248e0e0d9e1232a97"),
        row(
            "prng:1048576",
            CAR,
            "bafkreic2mqloerio2wjigx2367vit6wxxc2fkn7vsnztpa2cosa2l6qyye",
            1,
            "4fe4f9ace9f94a2e49e263b9dfc08c8cc1c471214cfd4e4594852c82a1751665"),
        row(
            "prng:1048577",
            CAR,
            "bafybeic3q2q6d225fekf6unmey43gxmniozpvx4d7tagesgvx5yvgehlqq",
            3,
            "33b74aa87be61deb1cfe6dadcecd6fff031039f278acdb8ec1a8e41de3b7d5fb"),
        row(
            "prng:3145733",
            CAR,
            "bafybeicamrwsezcjm23j2p4rogwtdrazzqyiifzrnugzqxqzowvvgrsivq",
            5,
            "2fe3610823081713b650521d93034cb13e198dfbcf2b00f7a407079997ebdb76"),
        row(
            "prng:52428800",
            CAR,
            "bafybeighlg3nfljlzq6mpegrpup6yt3nkekharasygsbryqpagaeon263a",
            51,
            "db88419e440f1ad1f42fc87b2983f4bfa6e7bc92f4c844c4b75beefc9074d76b")); // EXPECTED
  }

  static Stream<Arguments> kuboV1AndSmallChunks() {
    return Stream.of(
        row(
            "prng:262145",
            KUBO_V1,
            "bafybeidmpatnuja3bujwaxas6mjt7te55wroxksnkwwrxo2aro456c2lou",
            3,
            "f72a440306caeb98c2f166e878a4be5323a380505aca948e297a097802a950b2"), // EXPECTED
        row(
            "prng:52428800",
            KUBO_V1,
            "bafybeidjx5tbdmyqwrstxk3oew764umwcjq3vcdhfvzr7t5cljfb3d7qwa",
            203, // EXPECTED
            "3e402534fd1313c9c9c142b9360b455a48d9d6b2386faa7eab7ecbb067a5a2c0"),
        row(
            "prng:262145",
            SMALL_RAW_174,
            "bafybeicztlw6s2m6of3wzo2ix4zhtcbvohhoxkmtnj6juqcx3dqasz36sa",
            260, // EXPECTED
            "ba943243c0bacf344a7bca9b209e5e07b12bc4ff8aabfe4dc32c94f1ecab8645"));
  }

  private static Arguments row(
      String input, ImportOptions options, String root, int blocks, String orderDigest) {
    return Arguments.of(input, options, root, blocks, orderDigest);
  }

  @ParameterizedTest(name = "kubo {0} -> {2}")
  @MethodSource("kubo")
  void kuboDefaultsGiveIpfsAddCids(
      String input, ImportOptions options, String root, int blocks, String orderDigest)
      throws IOException {
    assertImport(input, options, root, blocks, orderDigest);
  }

  @ParameterizedTest(name = "ipfs-car {0} -> {2}")
  @MethodSource("ipfsCar")
  void ipfsCarDefaultsGiveIpfsCarCidsAndCarOrder(
      String input, ImportOptions options, String root, int blocks, String orderDigest)
      throws IOException {
    assertImport(input, options, root, blocks, orderDigest);
  }

  @ParameterizedTest(name = "{1} {0} -> {2}")
  @MethodSource("kuboV1AndSmallChunks")
  void otherProfilesMatchTheJsImporter(
      String input, ImportOptions options, String root, int blocks, String orderDigest)
      throws IOException {
    assertImport(input, options, root, blocks, orderDigest);
  }

  private static void assertImport(
      String input, ImportOptions options, String root, int blocks, String orderDigest)
      throws IOException {
    RecordedImport recorded;
    try (InputStream in = ReferenceInputs.open(input)) {
      recorded = RecordedImport.of(in, options);
    }
    assertThat(recorded.result().root()).hasToString(root);
    assertThat(recorded.blocks()).hasSize(blocks);
    assertThat(recorded.blocks().get(blocks - 1).cid()).isEqualTo(recorded.result().root());
    assertThat(recorded.orderDigest()).as("block order and lengths").isEqualTo(orderDigest);
  }
}
