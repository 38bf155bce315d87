/**
 * The benchmark daemons' voucher plugin ({@code benchmarks/target/*-bench-voucher.jar}, a PF4J
 * plugin jar built beside the benchmarks): a voucher type that accepts any value and a validator
 * that accepts every transfer with it.
 */
package io.dt4j.benchmarks.voucher;
