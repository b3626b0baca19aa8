package dev.mlops.testkit;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link MlopsTest}. For each test it resolves these parameters
 * (of the test method, or of its {@code @BeforeEach} and {@code @AfterEach} methods):
 * <ul>
 *   <li>{@link TestClock}: a clock at {@link TestClock#DEFAULT_START} that moves only when the
 *       test moves it;
 *   <li>{@link TestResources}: the registry whose leak check fails the test when a tracked model
 *       or store was left open;
 *   <li>{@code @}{@link ExperimentStore} {@link Path} and {@code @}{@link PredictionLog}
 *       {@link Path}: empty directories for the test's experiment store and prediction log;
 *   <li>Micrometer's {@code MeterRegistry} or {@code SimpleMeterRegistry}, when the host has
 *       Micrometer: a {@code SimpleMeterRegistry} on the test's {@link TestClock} (moving the clock
 *       moves its timers and step meters), closed after the test.
 * </ul>
 * The same test gets the same clock, registry and directories wherever it asks. After the test it
 * lists the tracked resources still open, closes everything registered, deletes the directories
 * and then fails the test naming each leak.
 *
 * <p>Micrometer is an optional dependency: the extension recognises its types by name and only
 * then loads the class that creates the registry. The extension holds no state of its own
 * (everything lives in JUnit's per-test store), so one instance serves tests running in parallel.
 */
public final class MlopsExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MlopsExtension.class);

  /** Creates the extension; JUnit does this through {@link MlopsTest}. */
  public MlopsExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == Path.class) {
      return parameter.isAnnotated(ExperimentStore.class) || parameter.isAnnotated(PredictionLog.class);
    }
    return type == TestClock.class || type == TestResources.class || isMeterRegistry(type);
  }

  private static boolean isMeterRegistry(Class<?> type) {
    return type.getName().equals(MeterRegistries.METER_REGISTRY)
        || type.getName().equals(MeterRegistries.SIMPLE_METER_REGISTRY);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = testStore(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == TestClock.class) {
      return clock(store);
    }
    if (isMeterRegistry(type)) {
      return store.getOrComputeIfAbsent(MeterRegistries.METER_REGISTRY, k -> MeterRegistries.create(clock(store)));
    }
    if (type == TestResources.class) {
      return resources(store);
    }
    String name = parameter.isAnnotated(ExperimentStore.class) ? "experiments" : "predictions";
    return store.getOrComputeIfAbsent("dir." + name, k -> directory(store, name), Path.class);
  }

  private static TestClock clock(ExtensionContext.Store store) {
    return store.getOrComputeIfAbsent(TestClock.class, k -> TestClock.create(), TestClock.class);
  }

  private static TestResources resources(ExtensionContext.Store store) {
    return store.getOrComputeIfAbsent(TestResources.class, k -> new TestResources(), TestResources.class);
  }

  /** The test method's store: a {@code @BeforeEach} parameter shares the test's objects. */
  private static ExtensionContext.Store testStore(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }

  private static Path directory(ExtensionContext.Store store, String name) {
    Path root = store.getOrComputeIfAbsent("root", k -> {
      try {
        return Files.createTempDirectory("mlops-test-");
      } catch (IOException e) {
        throw new ParameterResolutionException("cannot create a temporary directory: " + e, e);
      }
    }, Path.class);
    try {
      return Files.createDirectories(root.resolve(name));
    } catch (IOException e) {
      throw new ParameterResolutionException("cannot create " + root.resolve(name) + ": " + e, e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    ExtensionContext.Store store = testStore(context);
    TestResources resources = store.get(TestResources.class, TestResources.class);
    List<String> leaks = resources == null ? List.of() : resources.leaks();
    List<Exception> closeFailures = resources == null ? List.of() : resources.closeAll();
    Object registry = store.get(MeterRegistries.METER_REGISTRY);
    if (registry != null) {
      MeterRegistries.close(registry);
    }
    Path root = store.get("root", Path.class);
    if (root != null) {
      deleteTree(root);
    }
    if (!leaks.isEmpty()) {
      AssertionError error = new AssertionError(
          "left open at the end of the test (close it, or register it with closeAfter): "
              + String.join(", ", leaks));
      closeFailures.forEach(error::addSuppressed);
      throw error;
    }
    if (!closeFailures.isEmpty()) {
      AssertionError error = new AssertionError("closing the test's resources failed");
      closeFailures.forEach(error::addSuppressed);
      throw error;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
          if (failure != null) {
            throw failure;
          }
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
    });
  }
}
