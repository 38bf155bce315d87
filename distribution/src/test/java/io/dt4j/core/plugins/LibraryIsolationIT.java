package io.dt4j.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.PeerId;
import io.dt4j.api.RequestValidator;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.ValidationResult;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Selectors;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin isolation (issue 11): two plugins bundling conflicting versions of one library load side
 * by side in the real plugin host, and each runs against its own version.
 */
class LibraryIsolationIT {
  private static final PeerId PEER = PeerId.fromBytes(Multihash.sha256(new byte[] {1}).toBytes());
  private static final Cid ROOT = Block.of(Multicodec.RAW, new byte[] {1}).cid();

  @TempDir Path plugins;
  @TempDir Path work;

  @Test
  void pluginsBundlingConflictingVersionsOfALibraryEachUseTheirOwn() throws Exception {
    ConflictingLibraryPlugins.writeShaded(plugins);
    ConflictingLibraryPlugins.writeZipped(plugins, work);

    try (PluginHost host = PluginHost.start(PluginHostOptions.of(plugins, true))) {
      RequestValidator one = validatorOf(host, ConflictingLibraryPlugins.SHADED_ID);
      RequestValidator two = validatorOf(host, ConflictingLibraryPlugins.ZIPPED_ID);

      assertThat(one.voucherTypes()).containsExactly(TypeIdentifier.of("isolation/1.0.0"));
      assertThat(two.voucherTypes()).containsExactly(TypeIdentifier.of("isolation/2.0.0"));
      assertThat(one.validatePush(PEER, () -> TypeIdentifier.of("x"), ROOT, Selectors.EXPLORE_ALL))
          .isEqualTo(ValidationResult.reject("HELLO"));
      assertThat(two.validatePull(PEER, () -> TypeIdentifier.of("x"), ROOT, Selectors.EXPLORE_ALL))
          .isEqualTo(ValidationResult.reject("hello hello"));

      Class<?> libOfOne = one.getClass().getClassLoader().loadClass(ConflictingLibraryPlugins.LIB);
      Class<?> libOfTwo = two.getClass().getClassLoader().loadClass(ConflictingLibraryPlugins.LIB);
      assertThat(libOfOne).isNotSameAs(libOfTwo);
      assertThat(libOfOne.getClassLoader()).isSameAs(one.getClass().getClassLoader());
      assertThat(libOfTwo.getClassLoader()).isSameAs(two.getClass().getClassLoader());
      assertThatThrownBy(() -> Class.forName(ConflictingLibraryPlugins.LIB))
          .as("the application does not see either plugin's library")
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  private static RequestValidator validatorOf(PluginHost host, String pluginId) {
    return host.extensions().stream()
        .filter(e -> e.kind() == ExtensionKind.REQUEST_VALIDATOR)
        .filter(e -> e.source().pluginId().equals(pluginId))
        .map(e -> (RequestValidator) e.instance())
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no validator from " + pluginId + ": " + host.errors()));
  }
}
