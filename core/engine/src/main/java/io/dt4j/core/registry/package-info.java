/**
 * The registries of a manager: voucher types and their validators, revalidators, voucher-result
 * types and transport configurers, filled by direct calls and from the extensions the plugin host
 * discovered; and the encoding and decoding of vouchers and results by type name.
 */
package io.dt4j.core.registry;
