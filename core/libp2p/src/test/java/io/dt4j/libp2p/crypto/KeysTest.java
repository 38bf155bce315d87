package io.dt4j.libp2p.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.PeerId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] MESSAGE = "hello libp2p".getBytes(StandardCharsets.UTF_8);

  /** libp2p.md §9, computed by js-libp2p. */
  @Test
  void zeroSeedGivesTheJsPeerIdAndProtobufs() {
    Ed25519PrivKey key = Ed25519PrivKey.fromSeed(new byte[32]);
    String pub = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";

    assertThat(HEX.formatHex(key.publicKey().data())).isEqualTo(pub);
    assertThat(HEX.formatHex(key.publicKey().toProtobuf())).isEqualTo("08011220" + pub);
    assertThat(HEX.formatHex(key.toProtobuf())).isEqualTo("08011240" + "00".repeat(32) + pub);
    PeerId id = key.peerId();
    assertThat(HEX.formatHex(id.toBytes())).isEqualTo("002408011220" + pub);
    assertThat(id.toBase58()).isEqualTo("12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN");
    assertThat(id.toCid().toString())
        .isEqualTo("bafzaajaiaejcao3ke66m5nvefvrkhkgqfjxq243fgikxohpciotdvqciugfvtwrj");
  }

  /** peer-ids.md test vector (libp2p.md §9). */
  @Test
  void specPrivateKeyVectorDecodesToItsPublicKey() {
    byte[] priv =
        HEX.parseHex(
            "080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
    PrivKey key = PrivKey.fromProtobuf(priv);
    assertThat(HEX.formatHex(key.publicKey().toProtobuf()))
        .isEqualTo("080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
    assertThat(key.toProtobuf()).isEqualTo(priv);
  }

  /** §10: Ed25519 is deterministic, so the js signature is reproduced byte for byte. */
  @Test
  void signatureMatchesJsAndVerifies() {
    Ed25519PrivKey key = Ed25519PrivKey.fromSeed(new byte[32]);
    byte[] signed =
        HEX.parseHex(
            "6e6f6973652d6c69627032702d7374617469632d6b65793a"
                + "a4e09292b651c278b9772c569f5fa9bb13d906b46ab68c9df9dc2b4409f8a209");
    byte[] sig = key.sign(signed);
    assertThat(HEX.formatHex(sig))
        .isEqualTo(
            "fcbecb93be9c3dcaf9e9c6753d1e0771833f422e695edef98a42e761e4520abdea4e869468ddba6a9e4d7b00550175aee84ecd91c1a737b09b02f545680b2907");
    assertThat(key.publicKey().verify(signed, sig)).isTrue();
    sig[5] ^= 1;
    assertThat(key.publicKey().verify(signed, sig)).isFalse();
    assertThat(key.publicKey().verify(signed, new byte[3])).isFalse();
  }

  @Test
  void generatedKeyRoundTripsThroughProtobufs() {
    Ed25519PrivKey key = Ed25519PrivKey.generate(new SecureRandom());
    PrivKey back = PrivKey.fromProtobuf(key.toProtobuf());
    assertThat(back.publicKey()).isEqualTo(key.publicKey());
    assertThat(PubKey.fromProtobuf(key.publicKey().toProtobuf())).isEqualTo(key.publicKey());
    assertThat(back.publicKey().verify(MESSAGE, key.sign(MESSAGE))).isTrue();
    assertThat(key.peerId().toBase58()).startsWith("12D3KooW");
    assertThat(key.toString()).doesNotContain(HEX.formatHex(key.toProtobuf()).substring(8, 40));
  }

  @Test
  void legacy96ByteEd25519PrivateKeyIsAcceptedOnlyWithMatchingCopies() {
    Ed25519PrivKey key = Ed25519PrivKey.fromSeed(new byte[32]);
    byte[] pub = key.publicKey().data();
    byte[] data = new byte[96];
    System.arraycopy(pub, 0, data, 32, 32);
    System.arraycopy(pub, 0, data, 64, 32);
    byte[] proto = concat(HEX.parseHex("08011260"), data);
    assertThat(PrivKey.fromProtobuf(proto).publicKey()).isEqualTo(key.publicKey());
    data[95] ^= 1;
    assertThatThrownBy(() -> PrivKey.fromProtobuf(concat(HEX.parseHex("08011260"), data)))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("two different public keys");
  }

  @Test
  void privateKeyWithWrongStoredPublicKeyIsRejected() {
    byte[] proto = Ed25519PrivKey.fromSeed(new byte[32]).toProtobuf();
    proto[proto.length - 1] ^= 1;
    assertThatThrownBy(() -> PrivKey.fromProtobuf(proto))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("does not match the seed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // empty
        "0801", // Data missing
        "1220" + "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29" + "0801",
        "08011220" + "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29" + "1800",
        "0801121f" + "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da",
        "08011221" + "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29",
        "08811220" + "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29",
        "0805" + "1220" + "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29",
        "088100" + "1220" + "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29",
      })
  void malformedPublicKeyProtobufsAreRejected(String hex) {
    assertThatThrownBy(() -> PubKey.fromProtobuf(HEX.parseHex(hex)))
        .isInstanceOf(MalformedKeyException.class);
  }

  @Test
  void secp256k1SignatureVerifies() {
    X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
    ECDomainParameters domain =
        new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    BigInteger d = new BigInteger(1, HEX.parseHex("11".repeat(32)));
    byte[] compressed = curve.getG().multiply(d).normalize().getEncoded(true);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(d, domain));
    BigInteger[] rs = signer.generateSignature(sha256(MESSAGE));
    byte[] der;
    try {
      der = StandardDSAEncoding.INSTANCE.encode(domain.getN(), rs[0], rs[1]);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }

    PubKey key = PubKey.fromProtobuf(concat(HEX.parseHex("08021221"), compressed));
    assertThat(key).isInstanceOf(Secp256k1PubKey.class);
    assertThat(key.verify(MESSAGE, der)).isTrue();
    assertThat(key.verify("other".getBytes(StandardCharsets.UTF_8), der)).isFalse();
    assertThat(key.verify(MESSAGE, new byte[] {0x30, 0x00})).isFalse();
    // 37-byte protobuf: still an identity peer id
    assertThat(key.peerId().toBytes()[0]).isEqualTo((byte) 0);
  }

  @Test
  void secp256k1PointNotOnCurveIsRejected() {
    byte[] bad = new byte[33];
    bad[0] = 2;
    Arrays.fill(bad, 1, 33, (byte) 0xff);
    assertThatThrownBy(() -> PubKey.fromProtobuf(concat(HEX.parseHex("08021221"), bad)))
        .isInstanceOf(MalformedKeyException.class);
  }

  @Test
  void rsaKeyVerifiesAndHasASha256PeerId() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(pair.getPrivate());
    signer.update(MESSAGE);
    byte[] sig = signer.sign();

    byte[] proto = KeyProtobuf.encode(KeyType.RSA, pair.getPublic().getEncoded());
    assertThat(proto).startsWith(0x08, 0x00, 0x12);
    PubKey key = PubKey.fromProtobuf(proto);
    assertThat(key.verify(MESSAGE, sig)).isTrue();
    assertThat(key.peerId().toBase58()).startsWith("Qm");
  }

  @Test
  void smallRsaKeyIsRejected() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    byte[] proto =
        KeyProtobuf.encode(KeyType.RSA, generator.generateKeyPair().getPublic().getEncoded());
    assertThatThrownBy(() -> PubKey.fromProtobuf(proto))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("1024 bits");
  }

  @Test
  void ecdsaKeyVerifies() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(pair.getPrivate());
    signer.update(MESSAGE);
    byte[] sig = signer.sign();

    PubKey key =
        PubKey.fromProtobuf(KeyProtobuf.encode(KeyType.ECDSA, pair.getPublic().getEncoded()));
    assertThat(key.verify(MESSAGE, sig)).isTrue();
    assertThat(key.verify(MESSAGE, Arrays.copyOf(sig, 10))).isFalse();
    assertThat(key.peerId().toBase58()).startsWith("Qm");
  }

  @Test
  void nonEd25519PrivateKeysAreRefused() {
    assertThatThrownBy(() -> PrivKey.fromProtobuf(HEX.parseHex("08021220" + "11".repeat(32))))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("only ED25519");
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
