package io.dt4j.vouchers.filecoin.retrieval;

/**
 * The state of a retrieval deal as a {@link RetrievalDealResponse} reports it: go-fil-markets
 * {@code retrievalmarket.DealStatus}, the same codes in every v1 release. The wire carries {@link
 * #code()}; {@link #goName()} is Go's {@code String()} of the status.
 */
public enum DealStatus {
  /** 0: a new deal. */
  NEW("DealStatusNew"),
  /** 1. */
  UNSEALING("DealStatusUnsealing"),
  /** 2. */
  UNSEALED("DealStatusUnsealed"),
  /** 3. */
  WAIT_FOR_ACCEPTANCE("DealStatusWaitForAcceptance"),
  /** 4. */
  PAYMENT_CHANNEL_CREATING("DealStatusPaymentChannelCreating"),
  /** 5. */
  PAYMENT_CHANNEL_ADDING_FUNDS("DealStatusPaymentChannelAddingFunds"),
  /** 6: the provider accepted the deal. */
  ACCEPTED("DealStatusAccepted"),
  /** 7: the provider asks for the unseal price before it sends data. */
  FUNDS_NEEDED_UNSEAL("DealStatusFundsNeededUnseal"),
  /** 8. */
  FAILING("DealStatusFailing"),
  /** 9: the provider rejected the deal. */
  REJECTED("DealStatusRejected"),
  /** 10: the provider paused at a payment interval and asks for a payment. */
  FUNDS_NEEDED("DealStatusFundsNeeded"),
  /** 11. */
  SEND_FUNDS("DealStatusSendFunds"),
  /** 12. */
  SEND_FUNDS_LAST_PAYMENT("DealStatusSendFundsLastPayment"),
  /** 13. */
  ONGOING("DealStatusOngoing"),
  /** 14: all data was sent; the provider asks for the final payment. */
  FUNDS_NEEDED_LAST_PAYMENT("DealStatusFundsNeededLastPayment"),
  /** 15: the deal is complete. */
  COMPLETED("DealStatusCompleted"),
  /** 16: the provider does not have the data. */
  DEAL_NOT_FOUND("DealStatusDealNotFound"),
  /** 17: the deal failed. */
  ERRORED("DealStatusErrored"),
  /** 18. */
  BLOCKS_COMPLETE("DealStatusBlocksComplete"),
  /** 19. */
  FINALIZING("DealStatusFinalizing"),
  /** 20. */
  COMPLETING("DealStatusCompleting"),
  /** 21. */
  CHECK_COMPLETE("DealStatusCheckComplete"),
  /** 22. */
  CHECK_FUNDS("DealStatusCheckFunds"),
  /** 23. */
  INSUFFICIENT_FUNDS("DealStatusInsufficientFunds"),
  /** 24. */
  PAYMENT_CHANNEL_ALLOCATING_LANE("DealStatusPaymentChannelAllocatingLane"),
  /** 25. */
  CANCELLING("DealStatusCancelling"),
  /** 26. */
  CANCELLED("DealStatusCancelled"),
  /** 27. */
  RETRY_LEGACY("DealStatusRetryLegacy"),
  /** 28. */
  WAIT_FOR_ACCEPTANCE_LEGACY("DealStatusWaitForAcceptanceLegacy"),
  /** 29 (Go's constant is DealStatusClientWaitingForLastBlocks). */
  CLIENT_WAITING_FOR_LAST_BLOCKS("DealStatusWaitingForLastBlocks"),
  /** 30. */
  PAYMENT_CHANNEL_ADDING_INITIAL_FUNDS("DealStatusPaymentChannelAddingInitialFunds"),
  /** 31. */
  ERRORING("DealStatusErroring"),
  /** 32. */
  REJECTING("DealStatusRejecting"),
  /** 33. */
  DEAL_NOT_FOUND_CLEANUP("DealStatusDealNotFoundCleanup"),
  /** 34. */
  FINALIZING_BLOCKSTORE("DealStatusFinalizingBlockstore");

  private final String goName;

  DealStatus(String goName) {
    this.goName = goName;
  }

  /** Returns the wire code, Go's iota. */
  public long code() {
    return ordinal();
  }

  /** Returns Go's name of the status, e.g. {@code DealStatusFundsNeeded}. */
  public String goName() {
    return goName;
  }

  /**
   * Returns the status of a wire code.
   *
   * @param code the code, read as unsigned
   * @return the status
   * @throws IllegalArgumentException if no status has the code
   */
  public static DealStatus ofCode(long code) {
    DealStatus[] all = values();
    if (code < 0 || code >= all.length) {
      throw new IllegalArgumentException(
          "unknown retrieval deal status " + Long.toUnsignedString(code));
    }
    return all[(int) code];
  }
}
