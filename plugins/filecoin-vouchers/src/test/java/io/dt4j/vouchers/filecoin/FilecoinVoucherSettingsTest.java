package io.dt4j.vouchers.filecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.vouchers.filecoin.retrieval.RetrievalTerms;
import io.dt4j.vouchers.filecoin.storage.StoragePushValidator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilecoinVoucherSettingsTest {

  @Test
  void eachSettingHasASystemPropertyAndAnEnvironmentVariable() {
    assertThat(FilecoinVoucherSettings.environmentName("retrieval.payment-interval-increase"))
        .isEqualTo("DT4J_FILECOIN_VOUCHERS_RETRIEVAL_PAYMENT_INTERVAL_INCREASE");
  }

  @Test
  void systemPropertiesAreRead() {
    String key = FilecoinVoucherSettings.PROPERTY_PREFIX + "test.only";
    System.setProperty(key, " value ");
    try {
      assertThat(FilecoinVoucherSettings.fromEnvironment().get("test.only")).contains("value");
    } finally {
      System.clearProperty(key);
    }
  }

  @Test
  void retrievalTermsDefaultToGoFilMarketsAsk() {
    assertThat(RetrievalTerms.from(FilecoinVoucherSettings.of(Map.of())))
        .isEqualTo(new RetrievalTerms(TokenAmount.of(2), TokenAmount.ZERO, 1 << 20, 1 << 20));
  }

  @Test
  void typedValuesAreParsed() {
    FilecoinVoucherSettings settings =
        FilecoinVoucherSettings.of(
            Map.of(
                "a", "/tmp/deals.txt",
                "b", "https://example.org/deals",
                "c", "750ms",
                "d", "1000000000000000000000",
                "e", "  ",
                "f", "65536"));

    assertThat(settings.path("a")).contains(Path.of("/tmp/deals.txt"));
    assertThat(settings.httpUrl("b")).contains(URI.create("https://example.org/deals"));
    assertThat(settings.duration("c", Duration.ZERO)).isEqualTo(Duration.ofMillis(750));
    assertThat(settings.amount("d", TokenAmount.ZERO))
        .isEqualTo(TokenAmount.parse("1000000000000000000000"));
    assertThat(settings.get("e")).isEmpty();
    assertThat(settings.bytes("f", 0)).isEqualTo(65536);
    assertThat(settings.duration("missing", Duration.ofSeconds(5)))
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void anUnusableValueNamesTheSettingBothWaysAndTheProblem() {
    FilecoinVoucherSettings settings =
        FilecoinVoucherSettings.of(
            Map.of(
                "retrieval.price-per-byte", "two",
                "storage.callback-url", "ftp://example.org",
                "storage.callback-timeout", "5 seconds",
                "retrieval.payment-interval", "-1"));

    assertThatThrownBy(() -> RetrievalTerms.from(settings))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "setting dt4j.filecoin-vouchers.retrieval.price-per-byte"
                + " (environment DT4J_FILECOIN_VOUCHERS_RETRIEVAL_PRICE_PER_BYTE) = 'two':"
                + " not a whole number of attoFIL: 'two'");
    assertThatThrownBy(() -> new StoragePushValidator(settings))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("storage.callback-url")
        .hasMessageEndingWith("expected an absolute http or https URL");
    assertThatThrownBy(() -> settings.duration("storage.callback-timeout", Duration.ZERO))
        .hasMessageEndingWith("expected a duration above zero such as 500ms, 5s or 1m");
    assertThatThrownBy(() -> settings.bytes("retrieval.payment-interval", 0))
        .hasMessageEndingWith("must not be negative");
  }
}
