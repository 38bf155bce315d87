package io.dt4j.core.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.PluginRepository;

/**
 * PF4J's plugin repository with each jar and zip checked first by {@link PluginArchive}: a broken
 * file is reported once, with its reason, and left out, where PF4J alone would log a stack trace (a
 * jar) or skip it without a word (a zip it cannot expand).
 */
final class CheckedPluginRepository implements PluginRepository {
  private final PluginRepository delegate;
  private final List<Path> roots;
  private final List<PluginLoadError> errors = new ArrayList<>();

  CheckedPluginRepository(PluginRepository delegate, List<Path> roots) {
    this.delegate = delegate;
    this.roots = List.copyOf(roots);
  }

  List<PluginLoadError> errors() {
    return List.copyOf(errors);
  }

  @Override
  public List<Path> getPluginPaths() {
    errors.clear();
    Set<Path> broken = new HashSet<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.list(root)) {
        files.sorted().forEach(file -> check(file, broken));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the plugins directory " + root, e);
      }
    }
    List<Path> paths = new ArrayList<>(delegate.getPluginPaths());
    paths.removeIf(path -> broken.contains(path.toAbsolutePath().normalize()));
    return paths;
  }

  private void check(Path file, Set<Path> broken) {
    Optional<String> problem = PluginArchive.problem(file);
    if (problem.isPresent()) {
      errors.add(new PluginLoadError(file, problem.get()));
      broken.add(file.toAbsolutePath().normalize());
    }
  }

  @Override
  public boolean deletePluginPath(Path pluginPath) {
    return delegate.deletePluginPath(pluginPath);
  }
}
