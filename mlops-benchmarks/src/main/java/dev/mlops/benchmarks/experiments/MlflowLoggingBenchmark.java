package dev.mlops.benchmarks.experiments;

import com.sun.net.httpserver.HttpServer;
import dev.mlops.core.experiments.mlflow.MlflowConfig;
import dev.mlops.core.experiments.mlflow.MlflowTracker;
import dev.mlops.experiments.ActiveRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * The SDK's own cost of logging to MLflow, per 1,000-point {@code runs/log-batch}, against a
 * stand-in server on 127.0.0.1 that reads each request and answers {@code {}} at once (a real
 * MLflow 3.6 server on SQLite takes about 200 ms per such batch; the goal is at most 2 ms of SDK
 * cost). Three measurements in the same run:
 *
 * <ul>
 *   <li>{@code sdkBatchDelivered}: 1,000 {@code logMetric} calls, then {@code flush()} waits
 *       until the batch is on the server: the whole cost of a batch;
 *   <li>{@code sdkCallerOnly}: the same 1,000 calls without waiting: what the logging thread
 *       pays while the batch is sent in the background;
 *   <li>{@code rawPostPeer}: the transport floor, one POST of an already serialised 1,000-point
 *       body with {@code java.net.http}, nothing else.
 * </ul>
 *
 * Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar MlflowLoggingBenchmark -f 1 -wi 2
 * -i 3 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MlflowLoggingBenchmark {
  static final int POINTS_PER_BATCH = 1000;

  static {
    // the JDK's HttpServer writes headers and body separately; without TCP_NODELAY every answer
    // waits ~40 ms for the client's delayed ACK, which a real (gunicorn/uvicorn) server does not
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private HttpServer server;
  private ExecutorService serverThreads;
  private MlflowTracker tracker;
  private ActiveRun run;
  private HttpClient http;
  private HttpRequest rawPost;
  private long step;

  @Setup(Level.Trial)
  public void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newFixedThreadPool(2);
    server.setExecutor(serverThreads);
    server.createContext("/", ex -> {
      try (ex; InputStream in = ex.getRequestBody()) {
        in.transferTo(OutputStream.nullOutputStream());
        String path = ex.getRequestURI().getPath();
        String body = path.endsWith("experiments/get-by-name")
            ? "{\"experiment\":{\"experiment_id\":\"1\",\"name\":\"bench\",\"lifecycle_stage\":\"active\"}}"
            : path.endsWith("runs/create")
                ? "{\"run\":{\"info\":{\"run_id\":\"0123456789abcdef0123456789abcdef\",\"artifact_uri\":"
                    + "\"mlflow-artifacts:/1/0123456789abcdef0123456789abcdef/artifacts\"}}}"
                : "{}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
      }
    });
    server.start();
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    tracker = MlflowTracker.connect(MlflowConfig.builder(uri).gitDirectory(null).build());
    run = tracker.startRun("bench", "logging");
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    StringBuilder body = new StringBuilder("{\"run_id\":\"0123456789abcdef0123456789abcdef\",\"metrics\":[");
    for (int i = 0; i < POINTS_PER_BATCH; i++) {
      body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "{\"key\":\"loss\",\"value\":%s,\"timestamp\":1767225600000,\"step\":%d}", Double.toString(1.0 / (i + 1)), i));
    }
    body.append("]}");
    rawPost = HttpRequest.newBuilder(uri.resolve("/api/2.0/mlflow/runs/log-batch"))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).header("Content-Type", "application/json").build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    run.close();
    tracker.close();
    server.stop(0);
    // without this the pool's threads keep a non-forked (-f 0, smoke mode) JVM alive
    serverThreads.shutdownNow();
  }

  @Benchmark
  public void sdkBatchDelivered() {
    for (int i = 0; i < POINTS_PER_BATCH; i++) {
      run.logMetric("loss", 1.0 / (step + 1), step++);
    }
    tracker.flush();
  }

  @Benchmark
  public void sdkCallerOnly() {
    for (int i = 0; i < POINTS_PER_BATCH; i++) {
      run.logMetric("loss", 1.0 / (step + 1), step++);
    }
  }

  @Benchmark
  public int rawPostPeer() throws IOException, InterruptedException {
    return http.send(rawPost, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
