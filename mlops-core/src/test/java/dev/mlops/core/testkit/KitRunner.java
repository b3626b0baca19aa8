package dev.mlops.core.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs a contract kit's subclass on the JUnit Platform from inside a test, to show the kit
 * failing a deliberately broken implementation (mlops-testkit's own tests hold the same helper).
 */
public final class KitRunner {
  private KitRunner() {}

  /**
   * What a run came to.
   *
   * @param succeeded tests that passed
   * @param failed tests that failed
   * @param failures "display name: message" of each failed test
   */
  public record Result(long succeeded, long failed, List<String> failures) {}

  /** Runs every test of {@code testClass}. */
  public static Result run(Class<?> testClass) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
    var summary = listener.getSummary();
    return new Result(summary.getTestsSucceededCount(), summary.getTestsFailedCount(),
        summary.getFailures().stream()
            .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException().getMessage())
            .toList());
  }
}
