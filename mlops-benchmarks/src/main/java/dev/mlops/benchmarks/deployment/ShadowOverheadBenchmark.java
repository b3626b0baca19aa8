package dev.mlops.benchmarks.deployment;

import dev.mlops.core.deployment.ShadowConfig;
import dev.mlops.core.deployment.ShadowStrategy;
import dev.mlops.data.Record;
import dev.mlops.core.model.PredictionOutcomes;
import dev.mlops.model.Arm;
import dev.mlops.time.MlopsClock;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What shadow mode adds to the primary's latency (target: at most 1 % on p99) with a candidate ten
 * times slower than the primary, side by side with the primary alone in the same run. The models
 * burn CPU ({@code primaryMicros} and ten times that); the shadow runs on one owned thread with a
 * bounded queue, so most copies are dropped once it is saturated, as designed. Sample mode gives
 * the percentiles: {@code java -jar mlops-benchmarks/target/benchmarks.jar ShadowOverheadBenchmark
 * -f 1 -wi 2 -i 3 -w 1 -r 1}. On a machine with fewer free cores than benchmark thread plus shadow
 * thread, the two compete for CPU and the overhead measured is that competition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ShadowOverheadBenchmark {
  @Param({"50"})
  public long primaryMicros;

  private SpinModel primary;
  private ShadowStrategy shadow;
  private PredictionRequest request;
  private final MlopsClock clock = MlopsClock.system();

  @Setup(Level.Trial)
  public void setUp() {
    primary = new SpinModel("v1", primaryMicros * 1_000);
    SpinModel candidate = new SpinModel("v2", primaryMicros * 10_000);
    shadow = ShadowStrategy.builder(primary, candidate)
        .config(ShadowConfig.defaults().withThreads(1).withQueueCapacity(64)).build();
    request = PredictionRequest.of("r", Record.of(Map.of("x", 1.0)));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    shadow.close();
  }

  /** The primary called the way every strategy calls it, timed into an outcome, with no shadow. */
  @Benchmark
  public PredictionOutcome primaryAlone() {
    return PredictionOutcomes.invoke(primary, request, Arm.PRIMARY, clock);
  }

  @Benchmark
  public PredictionOutcome primaryWithShadow() {
    return shadow.serve(request);
  }
}
