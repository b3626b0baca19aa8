package dev.mlops.cli.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless and offline, driven over the Chrome DevTools Protocol with
 * {@link java.net.http.WebSocket} and Jackson (no Selenium, no driver binary). One page target;
 * every event it sends is kept so a test can look for console errors and failed loads. Closing
 * kills the browser and all its child processes and deletes the profile folder. Not thread-safe:
 * one test thread drives it (the WebSocket listener only completes futures and appends events).
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** Where Debian and most distributions put the browser. */
  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Returns the browser binary: {@code MLOPS_CHROMIUM} if set, else the first one installed. */
  static Optional<Path> find() {
    String configured = System.getenv("MLOPS_CHROMIUM");
    Stream<String> paths = configured != null && !configured.isBlank()
        ? Stream.of(configured) : CANDIDATES.stream();
    return paths.map(Path::of).filter(Files::isExecutable).findFirst();
  }

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts the browser on about:blank and connects to its page target. */
  static HeadlessChromium start(Path binary) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("mlops-chromium-");
    Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(profile.resolve("stderr.log").toFile())
        .start();
    try {
      int port = awaitPort(process, profile);
      HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      String pageUrl = null;
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (pageUrl == null && System.nanoTime() < deadline) {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(list.body())) {
          if ("page".equals(target.path("type").asText())) {
            pageUrl = target.path("webSocketDebuggerUrl").asText();
          }
        }
        if (pageUrl == null) {
          Thread.sleep(50);
        }
      }
      if (pageUrl == null) {
        throw new IOException("chromium on port " + port + " listed no page target within " + TIMEOUT);
      }
      Holder holder = new Holder();
      WebSocket socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
          .buildAsync(URI.create(pageUrl), holder).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      HeadlessChromium browser = new HeadlessChromium(process, profile, socket);
      holder.browser = browser;
      return browser;
    } catch (IOException | InterruptedException | RuntimeException e) {
      kill(process);
      deleteTree(profile);
      throw e;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      kill(process);
      deleteTree(profile);
      throw new IOException("could not connect to chromium's page target", e);
    }
  }

  /** Reads the port chromium chose from DevToolsActivePort (first line) in the profile folder. */
  private static int awaitPort(Process process, Path profile) throws IOException, InterruptedException {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() >= 2) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      if (!process.isAlive()) {
        throw new IOException("chromium exited with " + process.exitValue() + " before listening: "
            + Files.readString(profile.resolve("stderr.log")));
      }
      Thread.sleep(50);
    }
    throw new IOException("chromium did not write " + file + " within " + TIMEOUT);
  }

  /** Sends a command and waits for its result; a protocol error is an exception. */
  JsonNode call(String method, Map<String, ?> params) throws IOException {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    socket.sendText(JSON.writeValueAsString(message), true).join();
    JsonNode reply;
    try {
      reply = result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException(method + " got no reply within " + TIMEOUT, e);
    } finally {
      pending.remove(id);
    }
    if (reply.has("error")) {
      throw new IOException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  JsonNode call(String method) throws IOException {
    return call(method, Map.of());
  }

  /** Returns the events received so far, in order. */
  List<JsonNode> events() {
    return new ArrayList<>(events);
  }

  void clearEvents() {
    events.clear();
  }

  /** Waits until an event with this method has arrived. */
  JsonNode awaitEvent(String method) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode e : events) {
        if (method.equals(e.path("method").asText())) {
          return e;
        }
      }
      Thread.sleep(20);
    }
    throw new IOException("no " + method + " event within " + TIMEOUT);
  }

  /** Evaluates an expression in the page and returns its value. */
  JsonNode evaluate(String expression) throws IOException {
    JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IOException("evaluating failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  private void received(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> f = pending.get(message.get("id").asInt());
        if (f != null) {
          f.complete(message);
        }
      } else {
        events.add(message);
      }
    } catch (IOException e) {
      events.add(JSON.createObjectNode().put("method", "test.unparsableMessage").put("text", text));
    }
  }

  /** Kills the browser and its children, then deletes the profile folder. */
  @Override
  public void close() {
    try {
      socket.abort();
    } finally {
      kill(process);
      deleteTree(profile);
    }
  }

  private static void kill(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp folder is harmless; the browser is already gone
    }
  }

  /** Joins the text frames of a message and hands complete messages to the browser. */
  private static final class Holder implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final List<String> early = new ArrayList<>();
    volatile HeadlessChromium browser;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        HeadlessChromium b = browser;
        if (b == null) {
          early.add(text);
        } else {
          early.forEach(b::received);
          early.clear();
          b.received(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
