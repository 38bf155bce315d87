/**
 * The dt4j plugin API: the contract that third-party plugins and embedding applications compile
 * against.
 *
 * <p>It mirrors the API of go-data-transfer v1.7 in Java idiom: values ({@link
 * io.dt4j.api.ChannelId}, {@link io.dt4j.api.TransferId}, {@link io.dt4j.api.PeerId}), the channel
 * {@link io.dt4j.api.Status} and {@link io.dt4j.api.EventCode} enumerations with their wire codes,
 * the {@link io.dt4j.api.Manager}, and the extension points that plugins contribute through PF4J or
 * {@link java.util.ServiceLoader}: {@link io.dt4j.api.VoucherType}, {@link
 * io.dt4j.api.RequestValidator}, {@link io.dt4j.api.Revalidator}, {@link
 * io.dt4j.api.TransportFactory} and {@link io.dt4j.api.TransportConfigurer}.
 *
 * <p>A plugin declares this artifact (and PF4J) in {@code provided} scope and never bundles these
 * classes, so that each API class is loaded once, by the application.
 */
package io.dt4j.api;
