package dev.mlops.benchmarks.deployment;

import com.google.common.hash.Hashing;
import dev.mlops.core.deployment.CanaryStrategy;
import dev.mlops.core.deployment.RolloutController;
import dev.mlops.data.Record;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.model.Arm;
import dev.mlops.model.PredictionRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing decision on the primary path (target: at most 200 ns median, 0 bytes allocated per
 * call): a sticky canary at 5 % and a rollout controller at its 5 % step, deciding for keyed
 * requests whose bucket sends them to the primary. The peer computes the same bucket the obvious
 * way, with Guava's {@code Hashing.murmur3_32_fixed().hashString(salt + ":" + key)}. Run with
 * {@code -prof gc} to read {@code gc.alloc.rate.norm}: {@code java -jar
 * mlops-benchmarks/target/benchmarks.jar RoutingBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RoutingBenchmark {
  private static final int KEYS = 1024;
  private static final String SALT = "bench-rollout";

  private CanaryStrategy canary;
  private RolloutController controller;
  private PredictionRequest[] requests;
  private String[] keys;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    SpinModel primary = new SpinModel("v1", 0);
    SpinModel candidate = new SpinModel("v2", 0);
    canary = CanaryStrategy.builder(primary, candidate).salt(SALT).weightBps(500).build();
    RolloutPlan plan = RolloutPlan.builder().step(RolloutStep.canary(500, Long.MAX_VALUE))
        .step(RolloutStep.unanalysed(10_000)).build();
    controller = RolloutController.builder("bench", plan, primary, candidate).salt(SALT).build();
    Record features = Record.of(Map.of("x", 1.0));
    List<PredictionRequest> primaryPath = new ArrayList<>();
    for (int i = 0; primaryPath.size() < KEYS; i++) {
      PredictionRequest r = PredictionRequest.builder(features).requestId("r" + i).routingKey("user-" + i).build();
      if (canary.route(r) == Arm.PRIMARY) {
        primaryPath.add(r);
      }
    }
    requests = primaryPath.toArray(new PredictionRequest[0]);
    keys = primaryPath.stream().map(r -> r.routingKey().orElseThrow()).toArray(String[]::new);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    controller.close();
  }

  @Benchmark
  public Arm canaryRoute() {
    return canary.route(requests[next++ & (KEYS - 1)]);
  }

  @Benchmark
  public Arm controllerRoute() {
    return controller.route(requests[next++ & (KEYS - 1)]);
  }

  @Benchmark
  public boolean guavaHashStringPeer() {
    String key = keys[next++ & (KEYS - 1)];
    int h = Hashing.murmur3_32_fixed().hashString(SALT + ":" + key, StandardCharsets.UTF_8).asInt();
    return Integer.toUnsignedLong(h) % 10_000 < 500;
  }
}
