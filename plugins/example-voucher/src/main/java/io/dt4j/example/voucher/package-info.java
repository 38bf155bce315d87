/**
 * An example dt4j plugin: a voucher type, a voucher-result type, a request validator and a
 * revalidator, compiled against dt4j-plugin-api alone. Copy this module to start a plugin of your
 * own; see the README's "Writing a plugin".
 */
package io.dt4j.example.voucher;
