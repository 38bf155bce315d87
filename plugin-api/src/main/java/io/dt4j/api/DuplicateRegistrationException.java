package io.dt4j.api;

/**
 * A voucher type, voucher-result type, revalidator or transport configurer was registered under an
 * identifier that is already taken. Go's text: {@code identifier already registered: <id>}.
 */
public class DuplicateRegistrationException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** The identifier registered twice. */
  private final TypeIdentifier identifier;

  /**
   * Creates the exception.
   *
   * @param identifier the identifier registered twice
   */
  public DuplicateRegistrationException(TypeIdentifier identifier) {
    super("identifier already registered: " + identifier);
    this.identifier = identifier;
  }

  /** Returns the identifier registered twice. */
  public TypeIdentifier identifier() {
    return identifier;
  }
}
