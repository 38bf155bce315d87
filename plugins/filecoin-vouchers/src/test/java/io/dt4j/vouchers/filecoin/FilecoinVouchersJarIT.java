package io.dt4j.vouchers.filecoin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.RequestValidator;
import io.dt4j.api.Revalidator;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.VoucherType;
import io.dt4j.vouchers.filecoin.retrieval.RetrievalVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/** The packaged plugin jar, as Maven built it, loaded by PF4J from a plugins folder. */
class FilecoinVouchersJarIT {
  private static final String PLUGIN_ID = "filecoin-vouchers";
  private static final Path JAR = Path.of(System.getProperty("filecoin.vouchers.jar"));

  @TempDir Path plugins;

  @Test
  void pf4jLoadsThePluginAndFindsEveryExtensionInItsOwnClassLoader() throws Exception {
    Files.copy(JAR, plugins.resolve(JAR.getFileName()));
    PluginManager manager = new DefaultPluginManager(plugins);
    manager.loadPlugins();
    manager.startPlugins();
    try {
      PluginWrapper plugin = manager.getPlugin(PLUGIN_ID);
      assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
      assertThat(plugin.getDescriptor().getVersion()).isEqualTo("0.1.0");

      @SuppressWarnings("rawtypes")
      List<VoucherType> types = manager.getExtensions(VoucherType.class, PLUGIN_ID);
      assertThat(types)
          .extracting(type -> type.identifier().value())
          .containsExactlyInAnyOrder(
              "StorageDataTransferVoucher",
              "RetrievalDealProposal/1",
              "RetrievalDealProposal",
              "RetrievalDealPayment/1",
              "RetrievalDealPayment",
              "RetrievalDealResponse/1",
              "RetrievalDealResponse");
      assertThat(manager.getExtensions(RequestValidator.class, PLUGIN_ID)).hasSize(2);
      assertThat(manager.getExtensions(Revalidator.class, PLUGIN_ID)).hasSize(1);
      assertThat(types.get(0).getClass().getClassLoader()).isSameAs(plugin.getPluginClassLoader());

      VoucherType<?> proposals =
          types.stream()
              .filter(t -> t.identifier().equals(TypeIdentifier.of("RetrievalDealProposal/1")))
              .findFirst()
              .orElseThrow();
      Object decoded = proposals.decode(GoVectors.bytes(GoVectors.PROPOSAL_V1));
      assertThat(decoded.getClass().getClassLoader()).isSameAs(plugin.getPluginClassLoader());
      assertThat(decoded.toString()).contains(RetrievalVersion.V1.name(), GoVectors.GO_CID);
    } finally {
      manager.stopPlugins();
      manager.unloadPlugins();
    }
  }

  @Test
  void theJarHoldsOnlyThePluginsOwnClasses() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> classes =
          Collections.list(jar.entries()).stream()
              .map(JarEntry::getName)
              .filter(name -> name.endsWith(".class"))
              .toList();

      assertThat(classes)
          .isNotEmpty()
          .allMatch(name -> name.startsWith("io/dt4j/vouchers/filecoin/"));
      assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id")).isEqualTo(PLUGIN_ID);
      assertThat(jar.getEntry("META-INF/extensions.idx")).isNotNull();
    }
  }
}
