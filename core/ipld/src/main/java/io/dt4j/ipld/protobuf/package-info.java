/**
 * The protobuf wire format, hand-written and bounded, for the codecs of dt4j that speak it: dag-pb,
 * the UnixFS {@code Data} message and graphsync 1.0 messages. {@link
 * io.dt4j.ipld.protobuf.ProtobufReader} checks every length against the remaining input and a
 * limit; {@link io.dt4j.ipld.protobuf.ProtobufWriter} writes fields in the order the caller gives,
 * which is how each codec keeps its canonical form; {@link io.dt4j.ipld.protobuf.FrameDecoder}
 * splits a stream into uvarint-length-delimited messages. Codecs read like their spec tables; this
 * package knows no schema.
 */
package io.dt4j.ipld.protobuf;
