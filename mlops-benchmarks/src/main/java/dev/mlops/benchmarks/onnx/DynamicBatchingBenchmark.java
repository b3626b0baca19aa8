package dev.mlops.benchmarks.onnx;

import dev.mlops.core.model.BatchingConfig;
import dev.mlops.core.model.BatchingModel;
import dev.mlops.data.Record;
import dev.mlops.model.Prediction;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.onnx.OnnxModelOptions;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 32 concurrent callers predicting single records on an MLP, straight to {@link OnnxModel}
 * ({@code unbatched}) or through {@link BatchingModel} ({@code batched}, max batch {@code
 * maxBatch}, queue delay {@code delayMicros}). Run in {@link Mode#SampleTime} for p99 latency and {@link Mode#Throughput}
 * for calls per second (goal: batched at least 3x unbatched on 2 cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(32)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DynamicBatchingBenchmark {

  @Param({"100"})
  public long delayMicros;

  @Param({"32"})
  public int maxBatch;

  /** Hidden width: 16 is the tiny 8-16-2 MLP, 1024 an 8-1024-1024-2 one (4 MiB of weights). */
  @Param({"16", "1024"})
  public int hidden;

  private OnnxModel direct;
  private BatchingModel batched;
  private List<Record> records;

  @Setup(Level.Trial)
  public void setUp() {
    OnnxModelOptions options = OnnxModelOptions.builder().intraOpThreads(1).build();
    direct = OnnxModel.fromBytes(TinyMlp.model(hidden), options);
    batched = BatchingModel.wrap(OnnxModel.fromBytes(TinyMlp.model(hidden), options),
        BatchingConfig.builder().maxBatchSize(maxBatch).maxQueueDelayMicros(delayMicros).build());
    records = TinyMlp.records(64);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    System.out.println("\nbatching metrics: mean batch " + batched.metrics().meanBatchSize()
        + ", p99 queue time " + batched.metrics().queueTimeQuantile(0.99));
    direct.close();
    batched.close();
  }

  @Benchmark
  public Prediction unbatched() {
    return direct.predict(records.get(ThreadLocalRandom.current().nextInt(64)));
  }

  @Benchmark
  public Prediction batched() {
    return batched.predict(records.get(ThreadLocalRandom.current().nextInt(64)));
  }
}
