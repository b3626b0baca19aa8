package dev.mlops.benchmarks.onnx;

import dev.mlops.data.Record;
import dev.mlops.model.Prediction;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.onnx.OnnxModelOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three costs that bound what dynamic batching can gain on a machine, measured in one run so
 * that {@link DynamicBatchingBenchmark}'s ratio can be checked against a cost model:
 *
 * <ul>
 *   <li>{@code singleCall}: one unbatched {@link OnnxModel#predict} (t<sub>call</sub>);
 *   <li>{@code batchCallPerRecord}: one {@code predictBatch} of {@value #BATCH} records, per
 *       record (t<sub>batch</sub> ÷ B);
 *   <li>{@code parkUnparkRoundTrip}: two threads handing a token back and forth with {@link
 *       LockSupport#park}/{@code unpark}, the wake-up every batched follower pays at least once
 *       when callers outnumber cores (a round trip is two hand-offs);
 *   <li>{@code spinRoundTrip}: the same hand-off with both threads spinning on a volatile, its
 *       cost when every waiting caller has a core of its own.
 * </ul>
 *
 * With more callers than cores each batched record costs at least t<sub>batch</sub> ÷ B + one
 * hand-off of CPU, so batching can beat unbatched calls by at most t<sub>call</sub> ÷
 * (t<sub>batch</sub> ÷ B + hand-off); BENCHMARKS.md works that bound out. Run: {@code java -jar
 * mlops-benchmarks/target/benchmarks.jar BatchingLimitsBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class BatchingLimitsBenchmark {
  static final int BATCH = 32;

  /** Hidden width, as in {@link DynamicBatchingBenchmark}: 16 (tiny) or 1024 (wide). */
  @Param({"16", "1024"})
  public int hidden;

  private OnnxModel model;
  private List<Record> records;
  private List<Record> batch;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    model = OnnxModel.fromBytes(TinyMlp.model(hidden),
        OnnxModelOptions.builder().intraOpThreads(1).build());
    records = TinyMlp.records(64);
    batch = records.subList(0, BATCH);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    model.close();
  }

  @Benchmark
  public Prediction singleCall() {
    return model.predict(records.get(next++ & 63));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<Prediction> batchCallPerRecord() {
    return model.predictBatch(batch);
  }

  /** A second thread that answers each token it is handed and parks in between. */
  @State(Scope.Thread)
  public static class ParkPartner {
    volatile int token;
    volatile boolean running = true;
    volatile Thread caller;
    Thread partner;

    @Setup(Level.Trial)
    public void start() {
      caller = Thread.currentThread();
      partner = new Thread(() -> {
        while (running) {
          if (token == 1) {
            token = 0;
            LockSupport.unpark(caller);
          } else {
            LockSupport.park(this);
          }
        }
      }, "park-partner");
      partner.setDaemon(true);
      partner.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
      running = false;
      LockSupport.unpark(partner);
      partner.join();
    }
  }

  @Benchmark
  public int parkUnparkRoundTrip(ParkPartner p) {
    p.token = 1;
    LockSupport.unpark(p.partner);
    while (p.token != 0) {
      LockSupport.park(this);
    }
    return p.token;
  }

  /** A second thread that answers each token it is handed and spins in between. */
  @State(Scope.Thread)
  public static class SpinPartner {
    volatile int token;
    volatile boolean running = true;
    Thread partner;

    @Setup(Level.Trial)
    public void start() {
      partner = new Thread(() -> {
        while (running) {
          if (token == 1) {
            token = 0;
          } else {
            Thread.onSpinWait();
          }
        }
      }, "spin-partner");
      partner.setDaemon(true);
      partner.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
      running = false;
      partner.join();
    }
  }

  @Benchmark
  public int spinRoundTrip(SpinPartner p) {
    p.token = 1;
    while (p.token != 0) {
      Thread.onSpinWait();
    }
    return p.token;
  }
}
