/**
 * libp2p identity keys (libp2p.md §1): the {@code PublicKey}/{@code PrivateKey} protobufs, Ed25519
 * signing through the JDK, signature verification for secp256k1 (BouncyCastle), RSA and ECDSA
 * (JDK), peer id derivation to {@link io.dt4j.api.PeerId}, and the identity {@link
 * io.dt4j.libp2p.crypto.KeyFile}.
 */
package io.dt4j.libp2p.crypto;
