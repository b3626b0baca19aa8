package dev.mlops.benchmarks.feedback;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mlops.core.feedback.PredictionLogConfig;
import dev.mlops.core.feedback.PredictionLogger;
import dev.mlops.data.Record;
import dev.mlops.feedback.FieldRule;
import dev.mlops.feedback.HmacKey;
import dev.mlops.feedback.PrivacyPolicy;
import dev.mlops.model.Arm;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The prediction log on records of 20 features (one hashed with HMAC-SHA256, one dropped, 18
 * numbers) and a two-class output.
 *
 * <ul>
 *   <li>{@code loggerSustained}: {@value #RECORDS} records logged and then {@code flush()} (all
 *       written, checksummed and fsynced), so the bounded queue cannot hide a slow writer;
 *   <li>{@code plainJsonLines}, the peer: the same records (same fields, after the same privacy
 *       treatment, done beforehand) written by one thread with Jackson's streaming generator
 *       through a 64 KiB {@link BufferedOutputStream} and one fsync; no queue, no checksum;
 *   <li>{@code logCallOnly}: the cost on the prediction path, {@value #RECORDS} {@code log} calls
 *       (privacy filter and queue offer) with the flush outside the measured time.
 * </ul>
 * Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar PredictionLogBenchmark -f 1 -wi 2
 * -i 3 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PredictionLogBenchmark {
  static final int RECORDS = 50_000;
  static final int DISTINCT = 1024;

  private Path dir;
  private PredictionLogger logger;
  private PredictionOutcome[] outcomes;
  private List<Map<String, Object>> filtered;
  private FileOutputStream rawFile;
  private BufferedOutputStream raw;
  private JsonGenerator gen;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("mlops-bench-predlog");
    PrivacyPolicy privacy = PrivacyPolicy.builder()
        .field("email", FieldRule.hmac()).field("ssn", FieldRule.drop()).build();
    logger = PredictionLogger.builder(PredictionLogConfig.builder(dir.resolve("log"))
            .privacy(privacy).maxFileBytes(1L << 30).queueCapacity(2 * RECORDS).build())
        .hmacKey(HmacKey.of("benchmark-key-0123456789".getBytes(StandardCharsets.UTF_8)))
        .build();
    Random random = new Random(1);
    outcomes = new PredictionOutcome[DISTINCT];
    filtered = new ArrayList<>();
    Instant at = Instant.parse("2026-12-01T09:00:00Z");
    for (int i = 0; i < DISTINCT; i++) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("email", "user" + i + "@example.org");
      f.put("ssn", "000-00-" + i);
      for (int k = 0; k < 18; k++) {
        f.put("f" + k, random.nextGaussian());
      }
      double p = random.nextDouble();
      Map<String, Double> probs = new LinkedHashMap<>();
      probs.put("no", 1 - p);
      probs.put("yes", p);
      PredictionRequest request = PredictionRequest.builder(Record.of(f))
          .requestId("req-" + i).receivedAt(at.plusMillis(i)).build();
      outcomes[i] = new PredictionOutcome.Success(request, "bench", "1", Arm.PRIMARY,
          Duration.ofNanos(150_000), Prediction.classification(p >= 0.5 ? "yes" : "no", probs, "1",
              Duration.ofNanos(120_000)));
      Map<String, Object> g = new LinkedHashMap<>(f);
      g.remove("ssn");
      g.put("email", "hmac-sha256:" + String.format(Locale.ROOT, "%064x", i));
      filtered.add(g);
    }
    rawFile = new FileOutputStream(dir.resolve("raw.jsonl").toFile());
    raw = new BufferedOutputStream(rawFile, 1 << 16);
    gen = new JsonFactory().createGenerator(raw);
    gen.setRootValueSeparator(null);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    logger.close();
    gen.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void loggerSustained() {
    for (int i = 0; i < RECORDS; i++) {
      logger.log(outcomes[i & (DISTINCT - 1)]);
    }
    logger.flush();
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void plainJsonLines() throws IOException {
    for (int i = 0; i < RECORDS; i++) {
      PredictionOutcome o = outcomes[i & (DISTINCT - 1)];
      Prediction p = o.prediction().orElseThrow();
      gen.writeStartObject();
      gen.writeStringField("id", o.requestId());
      gen.writeStringField("at", o.receivedAt().toString());
      gen.writeStringField("model", o.modelName());
      gen.writeStringField("version", o.modelVersion());
      gen.writeStringField("arm", "primary");
      gen.writeObjectFieldStart("in");
      for (Map.Entry<String, Object> e : filtered.get(i & (DISTINCT - 1)).entrySet()) {
        if (e.getValue() instanceof Double d) {
          gen.writeNumberField(e.getKey(), d);
        } else {
          gen.writeStringField(e.getKey(), (String) e.getValue());
        }
      }
      gen.writeEndObject();
      gen.writeStringField("label", p.label().orElseThrow());
      gen.writeNumberField("score", p.score().getAsDouble());
      gen.writeObjectFieldStart("p");
      for (Map.Entry<String, Double> e : p.probabilities().entrySet()) {
        gen.writeNumberField(e.getKey(), e.getValue());
      }
      gen.writeEndObject();
      gen.writeNumberField("latency_ns", o.latency().toNanos());
      gen.writeEndObject();
      gen.writeRaw('\n');
    }
    gen.flush();
    rawFile.getFD().sync();
  }

  /** Per-call cost on the prediction path; the writer drains in between. */
  @State(Scope.Benchmark)
  public static class CallOnly {
    PredictionLogBenchmark outer;

    @Setup(Level.Trial)
    public void open(PredictionLogBenchmark b) {
      outer = b;
    }

    @TearDown(Level.Invocation)
    public void drain() {
      outer.logger.flush();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(RECORDS)
  public void logCallOnly(CallOnly state) {
    for (int i = 0; i < RECORDS; i++) {
      logger.log(outcomes[i & (DISTINCT - 1)]);
    }
  }
}
