package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dt4j.cli.Launcher.ProcessRun;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Multicodec;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, the filecoin-vouchers plugin end to end: daemons of the unpacked distribution on
 * loopback over the shipped graphsync transport, a storage provider and retrieval provider ({@code
 * provider}: allow-list file, 1 attoFIL per byte, a payment every MiB) and its clients, driven only
 * through {@code bin/dt4j}. A storage push and a paid retrieval succeed; rejected deals and bad
 * vouchers end the client's channel {@code Failed} ({@code response rejected}, as Go says it), with
 * the provider's reason in the voucher result where the validator gives one and in the provider's
 * log, and leave the provider serving.
 */
class FilecoinDealsIT {
  private static final long MIB = 1 << 20;
  private static final String STORAGE = "StorageDataTransferVoucher";
  private static final String RETRIEVAL = "RetrievalDealProposal/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path scratch;
  private static Path distPlugins;
  private static Path allowList;
  private static String allowedProposal;
  private static DaemonProcess provider;
  private static DaemonProcess client;

  @BeforeAll
  static void startProviderAndClient() throws Exception {
    Path root = Launcher.unpack(scratch);
    distPlugins = root.resolve("plugins");
    allowedProposal = cidOf("proposal accepted by the provider");
    allowList =
        Files.writeString(
            scratch.resolve("deals.txt"), "# accepted proposals\n" + allowedProposal + "\n");
    Path providerPlugins = copyPlugins(scratch.resolve("provider-plugins"), "dt4j-");
    BadVoucherPlugins.throwingValidator(providerPlugins.resolve("acme-throws.jar"));
    provider =
        DaemonProcess.start(
            root.resolve("bin/dt4j"),
            scratch,
            "provider",
            providerPlugins,
            Map.of(
                "DT4J_FILECOIN_VOUCHERS_STORAGE_ALLOW_LIST", allowList.toString(),
                "DT4J_FILECOIN_VOUCHERS_RETRIEVAL_PRICE_PER_BYTE", "1",
                "DT4J_FILECOIN_VOUCHERS_RETRIEVAL_PAYMENT_INTERVAL", Long.toString(MIB),
                "DT4J_FILECOIN_VOUCHERS_RETRIEVAL_PAYMENT_INTERVAL_INCREASE", Long.toString(MIB)));
    client =
        DaemonProcess.start(root.resolve("bin/dt4j"), scratch, "client", distPlugins, Map.of());
  }

  @AfterAll
  static void stopThem() throws Exception {
    client.stop();
    provider.stop();
  }

  @Test
  void storagePushOfAnAllowListedProposalLandsOnTheProviderIntact() throws Exception {
    storagePushLandsIntact("storage.bin", 700_000);
  }

  private static void storagePushLandsIntact(String name, int size) throws Exception {
    Path file = randomFile(name, size);
    String root = client.importFile(file);

    ProcessRun push =
        transfer(client, "push", root, STORAGE, MarketVouchers.storage(allowedProposal), "--json");
    Path exported = scratch.resolve("stored-" + name);
    ProcessRun export = provider.cli("export", root, "--out", exported.toString());

    assertThat(push.exitCode()).as("%s", push.err()).isZero();
    assertThat(export.exitCode()).as("%s", export.err()).isZero();
    assertThat(exported).hasSameBinaryContentAs(file);
    String id = idOf(push);
    assertThat(client.channel(id).get("status").asText()).isEqualTo("Completed");
    assertThat(provider.awaitStatus(id, "Completed").get("voucher_type").asText())
        .isEqualTo("StorageDataTransferVoucher");
  }

  @Test
  void paidRetrievalPausesForEachPaymentAndCompletesOncePaidInFull() throws Exception {
    Path file = randomFile("retrieval.bin", (int) (3 * MIB));
    String root = provider.importFile(file);
    Path out = scratch.resolve("retrieved.bin");
    try (DaemonProcess.Events atClient = client.events();
        DaemonProcess.Events atProvider = provider.events()) {

      String id = detachedPull(client, root, MarketVouchers.proposal(root, 7, 1, MIB, MIB));
      List<BigInteger> payments = RetrievalPayments.payUntilCompleted(client, atClient, id, 7);
      ProcessRun export = client.cli("export", root, "--out", out.toString());

      // a payment at the first MiB, then at 3 MiB or for the rest once all is sent; in all, one
      // attoFIL for each byte the provider sent
      assertThat(payments).hasSizeGreaterThanOrEqualTo(2);
      assertThat(export.exitCode()).as("%s", export.err()).isZero();
      assertThat(out).hasSameBinaryContentAs(file);
      long sent = provider.awaitStatus(id, "Completed").get("sent").asLong();
      assertThat(sent).isGreaterThan(3 * MIB);
      assertThat(payments.get(payments.size() - 1)).isEqualTo(BigInteger.valueOf(sent));
      assertThat(atClient.await(id, "CleanupComplete"))
          .contains("Accept", "NewVoucherResult", "PauseResponder", "NewVoucher")
          .contains("ResumeResponder");
      assertThat(atProvider.await(id, "Complete"))
          .contains("Accept", "PauseResponder", "NewVoucher", "ResumeResponder", "Complete");
    }
  }

  @Test
  void storagePushOfAProposalNotInTheAllowListFailsWithTheProvidersReason() throws Exception {
    String root = client.importFile(randomFile("refused.bin", 10_000));
    String unknownProposal = cidOf("a proposal the provider never saw");

    ProcessRun push =
        transfer(client, "push", root, STORAGE, MarketVouchers.storage(unknownProposal));

    assertRejected(client, push);
    provider.awaitLogLine(
        "request rejected: no deal found for this proposal: "
            + unknownProposal
            + " is not in "
            + allowList);
  }

  @Test
  void retrievalOfferingLessThanTheProvidersPriceFailsWithTheProvidersReason() throws Exception {
    String root = provider.importFile(randomFile("cheap.bin", 10_000));

    ProcessRun pull = pull(client, root, MarketVouchers.proposal(root, 8, 0, MIB, MIB));

    assertThat(assertRejected(client, pull))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("Voucher Result RetrievalDealResponse/1 ")
                    .contains("\"Message\":\"Price per byte too low\""));
    provider.awaitLogLine("request rejected: Price per byte too low");
  }

  @Test
  void badVouchersAreRejectedClearlyAndTheProviderKeepsServing() throws Exception {
    Path plugins = copyPlugins(scratch.resolve("mallory-plugins"), "dt4j-graphsync-");
    BadVoucherPlugins.clientTypes(plugins.resolve("acme-client-types.jar"));
    DaemonProcess mallory =
        DaemonProcess.start(
            provider.launcher(), scratch, "mallory", plugins, Map.<String, String>of());
    try {
      String root = mallory.importFile(randomFile("mallory.bin", 10_000));

      ProcessRun misfit = transfer(mallory, "push", root, STORAGE, "\"not a proposal\"");
      ProcessRun unknown = transfer(mallory, "push", root, BadVoucherPlugins.UNKNOWN_TYPE, "\"x\"");
      ProcessRun throwing =
          transfer(mallory, "push", root, BadVoucherPlugins.THROWING_TYPE, "\"x\"");

      assertRejected(mallory, misfit);
      assertRejected(mallory, unknown);
      assertRejected(mallory, throwing);
      provider.awaitLogLine("request rejected: ", "StorageDataTransferVoucher");
      provider.awaitLogLine("request rejected: ", BadVoucherPlugins.UNKNOWN_TYPE);
      provider.awaitLogLine(
          "request rejected: validator acme.ThrowingValidator failed: ", BadVoucherPlugins.THROWN);
    } finally {
      mallory.stop();
    }
    storagePushLandsIntact("after-mallory.bin", 500_000);
  }

  @Test
  void dealCallbackThatDoesNotAnswerInTimeRejectsThePush() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      DaemonProcess slow =
          DaemonProcess.start(
              provider.launcher(),
              scratch,
              "slow-provider",
              distPlugins,
              Map.of(
                  "DT4J_FILECOIN_VOUCHERS_STORAGE_CALLBACK_URL",
                  "http://127.0.0.1:" + silent.getLocalPort() + "/deals",
                  "DT4J_FILECOIN_VOUCHERS_STORAGE_CALLBACK_TIMEOUT",
                  "500ms"));
      try {
        String root = client.importFile(randomFile("slow.bin", 10_000));

        ProcessRun push =
            Launcher.dt4j(
                scratch,
                client.launcher(),
                "push",
                slow.address(),
                root,
                "--voucher-type",
                STORAGE,
                "--voucher",
                MarketVouchers.storage(allowedProposal),
                "--home",
                client.home().toString());

        assertRejected(client, push);
        slow.awaitLogLine("request rejected: deal callback ", "did not answer within 500 ms");
      } finally {
        slow.stop();
      }
    }
  }

  /**
   * The command failed because the responder rejected the request, and {@code dt4j channel show}
   * says so; returns what it shows. (go-data-transfer's responses carry no reason: the reason is in
   * the voucher result, if the validator gave one, and in the responder's log.)
   */
  private static List<String> assertRejected(DaemonProcess side, ProcessRun run) throws Exception {
    assertThat(run.exitCode())
        .as("%s %s", run.out(), run.err())
        .isEqualTo(ExitCode.TRANSFER_FAILED);
    String last = run.err().get(run.err().size() - 1);
    assertThat(last).endsWith(" ended Failed: response rejected");
    String id = last.replaceFirst(".*channel (\\S+) ended.*", "$1");
    ProcessRun show = side.cli("channel", "show", id);
    assertThat(show.out()).contains(line("Status", "Failed"), line("Message", "response rejected"));
    return show.out();
  }

  private static String line(String label, String value) {
    return String.format("%-15s%s", label, value);
  }

  private static ProcessRun pull(DaemonProcess to, String root, String voucher) throws Exception {
    return transfer(to, "pull", root, RETRIEVAL, voucher);
  }

  private static String detachedPull(DaemonProcess to, String root, String voucher)
      throws Exception {
    ProcessRun pull = transfer(to, "pull", root, RETRIEVAL, voucher, "--detach", "--json");
    assertThat(pull.exitCode()).as("%s", pull.err()).isZero();
    return idOf(pull);
  }

  private static ProcessRun transfer(
      DaemonProcess side, String verb, String root, String type, String voucher, String... extra)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(verb, provider.address(), root, "--voucher-type", type, "--voucher", voucher));
    args.addAll(List.of(extra));
    return side.cli(args.toArray(String[]::new));
  }

  private static String idOf(ProcessRun run) throws Exception {
    return JSON.readTree(String.join("\n", run.out())).get("id").asText();
  }

  private static Path randomFile(String name, int size) throws Exception {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return Files.write(scratch.resolve(name), data);
  }

  private static String cidOf(String text) {
    return Block.of(Multicodec.DAG_CBOR, io.dt4j.ipld.DagCbor.encode(io.dt4j.ipld.Node.of(text)))
        .cid()
        .toString();
  }

  /** Copies the distribution's plugin jars whose names start with the prefix. */
  private static Path copyPlugins(Path dir, String prefix) throws Exception {
    Files.createDirectories(dir);
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(distPlugins, prefix + "*.jar")) {
      for (Path jar : jars) {
        Files.copy(jar, dir.resolve(jar.getFileName()));
      }
    }
    return dir;
  }
}
