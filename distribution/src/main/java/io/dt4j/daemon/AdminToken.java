package io.dt4j.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's bearer token: 32 random bytes as 64 lower-case hex digits, kept in {@code
 * <home>/token} with mode 0600 so that only the daemon's user can read it. The daemon creates it on
 * its first start and reuses it afterwards, so scripts keep working across restarts; deleting the
 * file makes the next start create a new one.
 */
public final class AdminToken {
  private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);

  private static final int BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final byte[] token;

  private AdminToken(String hex) {
    this.token = hex.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Loads the token, or creates the file with a new random token if it does not exist.
   *
   * @param file the token file
   * @param random randomness for a new token
   * @return the token
   * @throws AdminTokenException if the file exists but holds no token, or cannot be written
   */
  public static AdminToken loadOrCreate(Path file, SecureRandom random) {
    if (Files.exists(file)) {
      AdminToken token = read(file);
      exposure(file).ifPresent(LOG::warn);
      restrict(file);
      return token;
    }
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    String hex = HexFormat.of().formatHex(bytes);
    write(file, hex);
    return new AdminToken(hex);
  }

  /**
   * Reads the token a client presents.
   *
   * @param file the token file
   * @return the token
   * @throws AdminTokenException if the file is missing, unreadable or holds no token
   */
  public static AdminToken read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      throw new AdminTokenException(
          "no admin token file "
              + file
              + ": start the daemon on this home once (it creates the file), or pass --token-file"
              + " FILE");
    } catch (AccessDeniedException e) {
      throw new AdminTokenException(
          "cannot read the admin token file "
              + file
              + ": permission denied (it is readable by the daemon's user only; run as that user)");
    } catch (IOException e) {
      throw new AdminTokenException(
          "cannot read the admin token file " + file + ": " + e.getMessage());
    }
    if (!text.matches("[0-9a-f]{" + 2 * BYTES + "}")) {
      throw new AdminTokenException(
          "the admin token file "
              + file
              + " does not hold a token (64 hex digits); delete it and restart the daemon to make"
              + " a new one");
    }
    return new AdminToken(text);
  }

  /** Returns the token text, as sent in {@code Authorization: Bearer <token>}. */
  public String value() {
    return new String(token, StandardCharsets.US_ASCII);
  }

  /**
   * Compares a presented token with this one in constant time (no early exit on the first differing
   * byte, so timing does not reveal how much of a guess was right).
   *
   * @param presented the presented token, or null
   * @return true if it is this token
   */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.US_ASCII));
  }

  private static void write(Path file, String hex) {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, ".token", ".tmp", ownerOnly(dir));
      Files.writeString(temp, hex + "\n", StandardCharsets.US_ASCII);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new AdminTokenException("cannot create the admin token file " + file + ": it exists");
    } catch (IOException e) {
      throw new AdminTokenException(
          "cannot create the admin token file " + file + ": " + e.getMessage());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // a leftover temporary file holds a token nobody uses
        }
      }
    }
  }

  /**
   * Tells whether users other than the owner may read or write the token file, and what that means.
   *
   * @param file an existing token file
   * @return a warning naming the file, its mode and what to do; empty if it is owner-only or the
   *     file system has no POSIX permissions
   * @throws AdminTokenException if the permissions cannot be read
   */
  public static Optional<String> exposure(Path file) {
    try {
      if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
        return Optional.empty();
      }
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (OWNER_ONLY.containsAll(mode)) {
        return Optional.empty();
      }
      return Optional.of(
          "the admin token file "
              + file
              + " was open to other users (mode "
              + PosixFilePermissions.toString(mode)
              + "); it is made owner-only (rw-------) now. Whoever read it can control this"
              + " node: delete the file and restart the daemon to make a new token");
    } catch (IOException e) {
      throw new AdminTokenException(
          "cannot read the permissions of the admin token file " + file + ": " + e.getMessage());
    }
  }

  /** Makes an existing token file owner-only again, if someone widened it. */
  private static void restrict(Path file) {
    try {
      if (Files.getFileStore(file).supportsFileAttributeView("posix")
          && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    } catch (IOException e) {
      throw new AdminTokenException(
          "cannot make the admin token file " + file + " owner-only: " + e.getMessage());
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }
}
