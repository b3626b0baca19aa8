package dev.mlops.testkit.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.Record;
import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.model.Arm;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import java.time.Instant;
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
 * What every {@link DeploymentStrategy} must do: name itself, answer with the primary or the
 * candidate (never the shadow), and be sticky — a keyed request goes to the same arm on every
 * call, whatever was routed before it and from however many threads — and serve a request from
 * the arm it routes it to.
 *
 * <pre>{@code
 * class MyStrategyContractTest extends DeploymentStrategyContractTest {
 *   protected DeploymentStrategy strategy() { return MyStrategy.of(primary, candidate, 0.1); }
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

  /** Returns the routing keys the kit routes; by default {@code user-0 .. user-999}. */
  protected List<String> routingKeys() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      keys.add("user-" + i);
    }
    return keys;
  }

  /** Returns the features of the kit's requests; by default one numeric feature {@code x}. */
  protected Record features() {
    return Record.of(Map.of("x", 1.0));
  }

  private PredictionRequest request(String key) {
    return PredictionRequest.builder(features()).requestId("contract-" + key).routingKey(key)
        .receivedAt(Instant.EPOCH).build();
  }

  @Test
  void namesItself() {
    assertThat(strategy().name()).as("name").isNotBlank();
  }

  @Test
  void answersWithThePrimaryOrTheCandidate() {
    DeploymentStrategy s = strategy();
    for (String key : routingKeys()) {
      assertThat(s.route(request(key))).as("arm for '%s'", key).isIn(Arm.PRIMARY, Arm.CANDIDATE);
    }
  }

  @Test
  void aKeyGetsTheSameArmEveryTime() {
    DeploymentStrategy s = strategy();
    Map<String, Arm> first = routeAll(s, routingKeys());
    for (String key : routingKeys()) {
      Arm again = s.route(request(key));
      assertThat(s.route(request(key))).as("arm for '%s' routed twice in a row", key).isEqualTo(again);
    }
    assertThat(routeAll(s, routingKeys())).as("arms on the second pass").isEqualTo(first);
  }

  @Test
  void aKeysArmDoesNotDependOnTheKeysRoutedBeforeIt() {
    List<String> keys = routingKeys();
    List<String> reversed = new ArrayList<>(keys);
    Collections.reverse(reversed);
    Map<String, Arm> forward = routeAll(strategy(), keys);
    Map<String, Arm> backward = routeAll(strategy(), reversed);
    for (String key : keys) {
      assertThat(backward.get(key)).as("arm of '%s' when the keys come in reverse order", key)
          .isEqualTo(forward.get(key));
    }
  }

  @Test
  void concurrentRoutingAgreesWithSequentialRouting() throws Exception {
    DeploymentStrategy s = strategy();
    List<String> keys = routingKeys();
    Map<String, Arm> sequential = routeAll(s, keys);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Map<String, Arm>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> routeAll(s, keys)));
      }
      for (Future<Map<String, Arm>> f : futures) {
        assertThat(f.get(1, TimeUnit.MINUTES)).as("arms of one thread").isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void servesARequestFromTheArmItRoutesItTo() {
    DeploymentStrategy s = strategy();
    for (String key : routingKeys().subList(0, Math.min(50, routingKeys().size()))) {
      PredictionRequest r = request(key);
      PredictionOutcome outcome = s.serve(r);
      assertThat(outcome.arm()).as("arm that served '%s'", key).isEqualTo(s.route(r));
      assertThat(outcome.requestId()).as("request id of the outcome").isEqualTo(r.requestId());
    }
  }

  private Map<String, Arm> routeAll(DeploymentStrategy s, List<String> keys) {
    Map<String, Arm> out = new LinkedHashMap<>();
    for (String key : keys) {
      out.put(key, s.route(request(key)));
    }
    return out;
  }
}
