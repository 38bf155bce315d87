package io.dt4j.core.registry;

import io.dt4j.api.DataTransferException;
import io.dt4j.api.TypeIdentifier;

/**
 * This node cannot encode a voucher or voucher result it was asked to send: no type of its name is
 * registered, or the registered type encodes another Java class.
 */
public class UnregisteredVoucherTypeException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** The type name that could not be used. */
  private final TypeIdentifier type;

  /**
   * Creates the exception for a type nobody registered.
   *
   * @param what {@code voucher} or {@code voucher result}
   * @param type the type name
   */
  public UnregisteredVoucherTypeException(String what, TypeIdentifier type) {
    super(
        "unknown "
            + what
            + " type: "
            + type
            + " (register the type with the manager before sending such a "
            + what
            + ")");
    this.type = type;
  }

  /**
   * Creates the exception for a registered type that cannot encode the value.
   *
   * @param type the type name
   * @param problem what does not fit
   */
  public UnregisteredVoucherTypeException(TypeIdentifier type, String problem) {
    super("cannot encode a value of type " + type + ": " + problem);
    this.type = type;
  }

  /** Returns the type name that could not be used. */
  public TypeIdentifier type() {
    return type;
  }
}
