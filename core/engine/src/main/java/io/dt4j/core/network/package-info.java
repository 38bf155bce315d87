/**
 * The data-transfer network (data-transfer.md §1): one libp2p stream per message on {@code
 * /fil/datatransfer/1.1.0} or {@code 1.0.0}, opening with retries and backoff, reading any number
 * of messages from an incoming stream, over the plugin API's {@link io.dt4j.api.host.Host}.
 */
package io.dt4j.core.network;
