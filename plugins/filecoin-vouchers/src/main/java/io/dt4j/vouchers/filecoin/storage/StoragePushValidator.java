package io.dt4j.vouchers.filecoin.storage;

import io.dt4j.api.PeerId;
import io.dt4j.api.RequestValidator;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.ValidationResult;
import io.dt4j.api.Voucher;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import io.dt4j.vouchers.filecoin.FilecoinVoucherSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Accepts storage pushes (a client sending a deal's data to this provider) whose {@link
 * StorageDataTransferVoucher} names a proposal that is in the allow-list file, or, failing that,
 * that the HTTP callback accepts. Without either setting every push is rejected. Pulls with a
 * storage voucher are rejected, as a go-fil-markets provider does.
 *
 * <p>Settings ({@link FilecoinVoucherSettings}): {@code storage.allow-list}, {@code
 * storage.callback-url}, {@code storage.callback-timeout}.
 */
@Extension
public final class StoragePushValidator implements RequestValidator {
  /** Go's {@code ErrWrongVoucherType}. */
  static final String WRONG_VOUCHER_TYPE = "cannot validate voucher type";

  /** Go's {@code ErrNoPullAccepted}. */
  static final String NO_PULL_ACCEPTED = "provider should not send data for a storage deal";

  /** Go's {@code ErrNoDeal}. */
  static final String NO_DEAL = "no deal found for this proposal";

  private static final Duration DEFAULT_CALLBACK_TIMEOUT = Duration.ofSeconds(5);

  private final Optional<ProposalAllowList> allowList;
  private final Optional<DealCallback> callback;

  /** Creates the validator from the process's settings. */
  public StoragePushValidator() {
    this(FilecoinVoucherSettings.fromEnvironment());
  }

  /**
   * Creates the validator from settings.
   *
   * @param settings the settings
   * @throws io.dt4j.vouchers.filecoin.InvalidSettingException if a setting is unusable
   */
  public StoragePushValidator(FilecoinVoucherSettings settings) {
    this(
        settings.path(FilecoinVoucherSettings.STORAGE_ALLOW_LIST).map(ProposalAllowList::new),
        settings
            .httpUrl(FilecoinVoucherSettings.STORAGE_CALLBACK_URL)
            .map(
                url ->
                    new DealCallback(
                        url,
                        settings.duration(
                            FilecoinVoucherSettings.STORAGE_CALLBACK_TIMEOUT,
                            DEFAULT_CALLBACK_TIMEOUT))));
  }

  /**
   * Creates the validator from its two sources of accepted deals.
   *
   * @param allowList the allow-list file, if any
   * @param callback the HTTP callback, if any
   */
  public StoragePushValidator(
      Optional<ProposalAllowList> allowList, Optional<DealCallback> callback) {
    this.allowList = Objects.requireNonNull(allowList, "allowList");
    this.callback = Objects.requireNonNull(callback, "callback");
  }

  @Override
  public Set<TypeIdentifier> voucherTypes() {
    return Set.of(StorageDataTransferVoucher.TYPE);
  }

  @Override
  public ValidationResult validatePush(PeerId sender, Voucher voucher, Cid baseCid, Node selector) {
    if (!(voucher instanceof StorageDataTransferVoucher storage)) {
      return ValidationResult.reject(WRONG_VOUCHER_TYPE + ": " + voucher.type());
    }
    try {
      DealVerdict verdict = decide(storage.proposal(), sender, baseCid);
      return verdict.accepted()
          ? ValidationResult.accept()
          : ValidationResult.reject(verdict.reason());
    } catch (DealCheckException e) {
      return ValidationResult.reject(e.getMessage());
    } catch (RuntimeException e) {
      return ValidationResult.reject("storage deal validation failed: " + e);
    }
  }

  @Override
  public ValidationResult validatePull(
      PeerId receiver, Voucher voucher, Cid baseCid, Node selector) {
    return ValidationResult.reject(NO_PULL_ACCEPTED);
  }

  private DealVerdict decide(Cid proposal, PeerId sender, Cid baseCid) throws DealCheckException {
    if (allowList.isPresent() && allowList.get().contains(proposal)) {
      return DealVerdict.accept();
    }
    if (callback.isPresent()) {
      return callback.get().ask(proposal, sender, baseCid);
    }
    return DealVerdict.refuse(
        NO_DEAL
            + ": "
            + proposal
            + (allowList.isPresent()
                ? " is not in " + allowList.get().file()
                : " (no storage.allow-list or storage.callback-url is configured)"));
  }
}
