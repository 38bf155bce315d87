package io.dt4j.libp2p.crypto;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * A node identity on disk: the file holds exactly the libp2p {@code PrivateKey} protobuf bytes (the
 * same bytes go-libp2p and js-libp2p marshal), created with mode 0600 where the file system is
 * POSIX. Writes go to a temporary file in the same directory that is then moved into place, so a
 * crash never leaves a half-written identity.
 */
public final class KeyFile {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private KeyFile() {}

  /**
   * Loads a key.
   *
   * @param path the file
   * @return the key
   * @throws KeyFileException if the file is missing, unreadable, or not a valid Ed25519 key
   */
  public static PrivKey load(Path path) throws KeyFileException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new KeyFileException(path, "does not exist", e);
    } catch (IOException e) {
      throw new KeyFileException(path, "cannot be read: " + e.getMessage(), e);
    }
    try {
      return PrivKey.fromProtobuf(bytes);
    } catch (MalformedKeyException e) {
      throw new KeyFileException(
          path,
          "is corrupt ("
              + bytes.length
              + " bytes, "
              + e.getMessage()
              + "); restore it from a backup or delete it to create a new identity",
          e);
    }
  }

  /**
   * Saves a key, replacing any existing file.
   *
   * @param path the file
   * @param key the key
   * @throws KeyFileException if the file cannot be written
   */
  public static void save(Path path, PrivKey key) throws KeyFileException {
    Path dir = path.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, ".identity", ".tmp", ownerOnly(dir));
      Files.write(temp, key.toProtobuf());
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new KeyFileException(path, "cannot be replaced: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new KeyFileException(path, "cannot be written: " + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * Loads the key, or generates a new Ed25519 key and saves it if the file does not exist.
   *
   * @param path the file
   * @param random randomness for a new key
   * @return the key
   * @throws KeyFileException if an existing file is invalid or a new one cannot be written
   */
  public static PrivKey loadOrGenerate(Path path, SecureRandom random) throws KeyFileException {
    if (Files.exists(path)) {
      return load(path);
    }
    PrivKey key = Ed25519PrivKey.generate(random);
    save(path, key);
    return key;
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // best effort: the temporary file has a dot name and holds only what we failed to move
    }
  }
}
