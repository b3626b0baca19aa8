package dev.mlops.testkit.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.deployment.RoutingDecision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeploymentStrategy} must do: name itself, answer every key with a complete
 * decision, and be sticky — a key gets the same decision on every call, whatever other keys were
 * routed before it and from however many threads, while the configuration is unchanged.
 *
 * <pre>{@code
 * class CanaryContractTest extends DeploymentStrategyContractTest {
 *   protected DeploymentStrategy strategy() { return CanaryStrategy.of("v1", "v2", 0.1); }
 * }
 * }</pre>
 *
 * <p>JUnit creates one instance per test method; this class keeps no shared state.
 */
public abstract class DeploymentStrategyContractTest {
  /** Threads the concurrency check routes from: {@value}. */
  protected static final int THREADS = 4;

  /** Creates the kit; subclasses are instantiated by JUnit. */
  protected DeploymentStrategyContractTest() {}

  /**
   * Returns a new strategy; every call returns one of the same configuration.
   *
   * @return the strategy under test
   */
  protected abstract DeploymentStrategy strategy();

  /** Returns the keys the kit routes; by default {@code user-0 .. user-999}. */
  protected List<String> routingKeys() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      keys.add("user-" + i);
    }
    return keys;
  }

  @Test
  void namesItself() {
    assertThat(strategy().name()).as("name").isNotBlank();
  }

  @Test
  void everyDecisionIsComplete() {
    DeploymentStrategy s = strategy();
    for (String key : routingKeys()) {
      RoutingDecision d = s.route(key);
      assertThat(d).as("decision for '%s'", key).isNotNull();
      assertThat(d.servingVersion()).as("serving version for '%s'", key).isNotBlank();
      assertThat(d.reason()).as("reason for '%s'", key).isNotBlank();
    }
  }

  @Test
  void aKeyGetsTheSameDecisionEveryTime() {
    DeploymentStrategy s = strategy();
    Map<String, RoutingDecision> first = routeAll(s, routingKeys());
    for (String key : routingKeys()) {
      RoutingDecision again = s.route(key);
      assertThat(s.route(key)).as("decision for '%s' routed twice in a row", key).isEqualTo(again);
    }
    Map<String, RoutingDecision> second = routeAll(s, routingKeys());
    assertThat(second).as("decisions on the second pass").isEqualTo(first);
  }

  @Test
  void aKeysDecisionDoesNotDependOnTheKeysRoutedBeforeIt() {
    List<String> keys = routingKeys();
    List<String> reversed = new ArrayList<>(keys);
    Collections.reverse(reversed);
    Map<String, RoutingDecision> forward = routeAll(strategy(), keys);
    Map<String, RoutingDecision> backward = routeAll(strategy(), reversed);
    for (String key : keys) {
      assertThat(backward.get(key).servingVersion())
          .as("serving version of '%s' when the keys come in reverse order", key)
          .isEqualTo(forward.get(key).servingVersion());
    }
  }

  @Test
  void concurrentRoutingAgreesWithSequentialRouting() throws Exception {
    DeploymentStrategy s = strategy();
    List<String> keys = routingKeys();
    Map<String, RoutingDecision> sequential = routeAll(s, keys);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Map<String, RoutingDecision>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> routeAll(s, keys)));
      }
      for (Future<Map<String, RoutingDecision>> f : futures) {
        assertThat(f.get(1, TimeUnit.MINUTES)).as("decisions of one thread").isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, RoutingDecision> routeAll(DeploymentStrategy s, List<String> keys) {
    Map<String, RoutingDecision> out = new LinkedHashMap<>();
    for (String key : keys) {
      out.put(key, s.route(key));
    }
    return out;
  }
}
