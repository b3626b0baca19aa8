package dev.mlops.benchmarks.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.data.Record;
import dev.mlops.model.Prediction;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.onnx.OnnxModelOptions;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Per-call cost of {@link OnnxModel#predict} against hand-written ONNX Runtime calls doing the
 * same work at batch 1 on the same tiny MLP (8-16-2): build the input tensor from the record's
 * features, run, read label and probabilities, close everything. The difference is the adapter's
 * overhead (goal: at most 5 %). The raw baseline is the one place outside mlops-onnx that uses
 * ONNX Runtime directly, because it is the peer being compared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OnnxOverheadBenchmark {
  private static final Set<String> OUTPUTS = Set.of("label", "probabilities");

  private OnnxModel model;
  private OrtEnvironment env;
  private OrtSession session;
  private List<Record> records;
  private List<String> features;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws OrtException {
    byte[] bytes = TinyMlp.model(ProbabilityOutput.TENSOR);
    model = OnnxModel.fromBytes(bytes, OnnxModelOptions.builder().intraOpThreads(1).build());
    env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setIntraOpNumThreads(1);
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = env.createSession(bytes, so);
    }
    records = TinyMlp.records(64);
    features = TinyMlp.featureNames();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws OrtException {
    model.close();
    session.close();
  }

  @Benchmark
  public Prediction onnxModel() {
    return model.predict(records.get(next++ & 63));
  }

  @Benchmark
  public float rawOnnxRuntime() throws OrtException {
    Record r = records.get(next++ & 63);
    float[] x = new float[features.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.getDouble(features.get(i));
    }
    try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, x.length});
        OrtSession.Result result = session.run(Map.of("X", input), OUTPUTS)) {
      String[] label = (String[]) result.get("label").orElseThrow().getValue();
      FloatBuffer p = ((OnnxTensor) result.get("probabilities").orElseThrow()).getFloatBuffer();
      return label[0].length() + p.get(1);
    }
  }
}
