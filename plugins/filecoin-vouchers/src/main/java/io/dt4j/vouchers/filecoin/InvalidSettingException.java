package io.dt4j.vouchers.filecoin;

/**
 * A setting of the plugin has a value it cannot use. The message names the setting, both ways to
 * set it, the value and what is wrong.
 */
public class InvalidSettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The setting's key, e.g. {@code retrieval.price-per-byte}. */
  private final String key;

  /**
   * Creates the exception.
   *
   * @param key the setting's key
   * @param value the value found
   * @param problem what is wrong with it
   */
  public InvalidSettingException(String key, String value, String problem) {
    super(
        "setting "
            + FilecoinVoucherSettings.PROPERTY_PREFIX
            + key
            + " (environment "
            + FilecoinVoucherSettings.environmentName(key)
            + ") = '"
            + value
            + "': "
            + problem);
    this.key = key;
  }

  /** Returns the setting's key. */
  public String key() {
    return key;
  }
}
