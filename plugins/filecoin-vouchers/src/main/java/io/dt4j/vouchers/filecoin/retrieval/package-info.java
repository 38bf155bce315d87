/**
 * The retrieval market's vouchers and voucher results (deal proposal, payment, response, in their
 * current and legacy encodings), the validator that accepts pulls at the configured price, and the
 * revalidator that asks for payment at each payment interval and at the end.
 */
package io.dt4j.vouchers.filecoin.retrieval;
