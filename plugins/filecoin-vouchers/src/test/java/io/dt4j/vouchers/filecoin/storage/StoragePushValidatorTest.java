package io.dt4j.vouchers.filecoin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.PeerId;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.ValidationResult;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Selectors;
import io.dt4j.vouchers.filecoin.FilecoinVoucherSettings;
import io.dt4j.vouchers.filecoin.GoVectors;
import io.dt4j.vouchers.filecoin.Samples;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoragePushValidatorTest {
  private static final Cid LISTED = Cid.parse(GoVectors.STORAGE_PROPOSAL);
  private static final Cid UNLISTED = Samples.GO_CID_VALUE;
  private static final PeerId CLIENT = Samples.peer(1);

  @TempDir Path dir;
  private final CallbackServer server = newServer();

  private static CallbackServer newServer() {
    try {
      return new CallbackServer();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static ValidationResult push(StoragePushValidator validator, Cid proposal) {
    return validator.validatePush(
        CLIENT, new StorageDataTransferVoucher(proposal), Samples.ROOT, Selectors.EXPLORE_ALL);
  }

  private StoragePushValidator withList(String content, Optional<DealCallback> callback)
      throws IOException {
    Path list = Files.writeString(dir.resolve("allowed.txt"), content);
    return new StoragePushValidator(Optional.of(new ProposalAllowList(list)), callback);
  }

  private DealCallback callback(Duration timeout) {
    return new DealCallback(server.url(), timeout);
  }

  @Test
  void aListedProposalIsAcceptedAndAnUnlistedOneRejectedWithGosReason() throws IOException {
    StoragePushValidator validator = withList(LISTED + "\n", Optional.empty());

    assertThat(push(validator, LISTED)).isEqualTo(ValidationResult.accept());
    assertThat(push(validator, UNLISTED))
        .isEqualTo(
            ValidationResult.reject(
                "no deal found for this proposal: "
                    + UNLISTED
                    + " is not in "
                    + dir.resolve("allowed.txt")));
  }

  @Test
  void theCallbackDecidesWhatTheListDoesNotHoldAndIsToldTheDeal() throws IOException {
    StoragePushValidator validator =
        withList("# no deals yet\n", Optional.of(callback(Duration.ofSeconds(5))));

    assertThat(push(validator, UNLISTED)).isEqualTo(ValidationResult.accept());
    assertThat(server.requests())
        .containsExactly(
            "{\"proposal\":\""
                + UNLISTED
                + "\",\"sender\":\""
                + CLIENT.toBase58()
                + "\",\"baseCid\":\""
                + Samples.ROOT
                + "\"}");
  }

  @Test
  void aCallbackRefusalIsTheRejectionReasonWithStatusAndBody() {
    server.answer(CallbackServer.respond(403, "deal expired\n"));
    StoragePushValidator validator =
        new StoragePushValidator(Optional.empty(), Optional.of(callback(Duration.ofSeconds(5))));

    assertThat(push(validator, UNLISTED))
        .isEqualTo(
            ValidationResult.reject(
                "deal callback "
                    + server.url()
                    + " refused proposal "
                    + UNLISTED
                    + ": HTTP 403 deal expired"));
  }

  @Test
  void aCallbackThatDoesNotAnswerInTimeRejectsThePush() {
    server.answer(server.hang());
    StoragePushValidator validator =
        new StoragePushValidator(Optional.empty(), Optional.of(callback(Duration.ofMillis(200))));

    assertThat(push(validator, UNLISTED))
        .isEqualTo(
            ValidationResult.reject(
                "deal callback " + server.url() + " did not answer within 200 ms"));
  }

  @Test
  void onlyTheStartOfAnEndlessAnswerIsReadAndQuoted() {
    server.answer(CallbackServer.endlessRefusal());
    StoragePushValidator validator =
        new StoragePushValidator(Optional.empty(), Optional.of(callback(Duration.ofSeconds(10))));

    assertThat(push(validator, UNLISTED))
        .isInstanceOfSatisfying(
            ValidationResult.Reject.class,
            r -> {
              assertThat(r.reason()).contains(": HTTP 403 no no no").endsWith("…");
              assertThat(r.reason().length()).isLessThan(500);
            });
  }

  @Test
  void anUnreachableCallbackRejectsThePushSayingSo() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/deals");
    StoragePushValidator validator =
        new StoragePushValidator(
            Optional.empty(), Optional.of(new DealCallback(nowhere, Duration.ofSeconds(5))));

    assertThat(push(validator, UNLISTED))
        .isInstanceOfSatisfying(
            ValidationResult.Reject.class,
            r -> assertThat(r.reason()).startsWith("deal callback " + nowhere + " failed: "));
  }

  @Test
  void anUnusableAllowListRejectsNamingTheFileAndLine() throws IOException {
    StoragePushValidator validator = withList(LISTED + "\nnot-a-cid # typo\n", Optional.empty());

    assertThat(push(validator, LISTED))
        .isEqualTo(
            ValidationResult.reject(
                "storage allow-list "
                    + dir.resolve("allowed.txt")
                    + " line 2 is not a CID: 'not-a-cid'"));
  }

  @Test
  void withoutSettingsEveryPushIsRejectedSayingWhatToConfigure() {
    StoragePushValidator validator = new StoragePushValidator(FilecoinVoucherSettings.of(Map.of()));

    assertThat(push(validator, LISTED))
        .isEqualTo(
            ValidationResult.reject(
                "no deal found for this proposal: "
                    + LISTED
                    + " (no storage.allow-list or storage.callback-url is configured)"));
  }

  @Test
  void pullsAndOtherVouchersAreRejected() throws IOException {
    StoragePushValidator validator = withList(LISTED + "\n", Optional.empty());

    assertThat(
            validator.validatePull(
                CLIENT,
                new StorageDataTransferVoucher(LISTED),
                Samples.ROOT,
                Selectors.EXPLORE_ALL))
        .isEqualTo(ValidationResult.reject("provider should not send data for a storage deal"));
    assertThat(
            validator.validatePush(
                CLIENT, () -> TypeIdentifier.of("Other"), Samples.ROOT, Selectors.EXPLORE_ALL))
        .isEqualTo(ValidationResult.reject("cannot validate voucher type: Other"));
  }
}
