package dev.mlops.core.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's experiments, {@code experiments.jsonl}: one framed record per experiment,
 * {@code {"t":"experiment","id":"1","name":"...","created":<ms>}}. Several processes create
 * experiments safely: creation re-reads the file under an exclusive {@link FileLock}, through the
 * channel that holds the lock. Linux drops a process's POSIX lock on a file when the process
 * closes <em>any</em> descriptor of it, so no other descriptor of the file may be opened and
 * closed in this JVM while the lock is held: every read of the file, by any tracker of the JVM,
 * takes the JVM-wide monitor of the file first (that monitor also keeps two trackers of one JVM
 * from asking the OS for overlapping locks). Guarded by the owning {@link StoreIndex}'s lock.
 */
final class ExperimentLog implements LogScanner.Handler {
  private static final ConcurrentHashMap<Path, Object> JVM_MONITORS = new ConcurrentHashMap<>();

  private final Path file;
  private final LogScanner.Position position = new LogScanner.Position();
  private final Map<String, String> idByName = new LinkedHashMap<>();
  private final Map<String, String> nameById = new LinkedHashMap<>();
  private final List<StoreProblem> problems = new ArrayList<>();
  private StoreProblem tailProblem;

  ExperimentLog(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  void refresh() {
    synchronized (monitor()) {
      if (!Files.exists(file)) {
        return;
      }
      try {
        long tail = LogScanner.scan(file, position, this);
        tailProblem = tail > 0 ? LogScanner.incompleteTail(file, position.line + 1, tail) : null;
      } catch (IOException e) {
        throw new StoreException(file.toString(), "cannot read the experiments: " + e, e);
      }
    }
  }

  /** Reads new lines through the channel that holds the lock (see the class comment). */
  private void refresh(FileChannel locked) throws IOException {
    long tail = LogScanner.scan(locked, file, position, this);
    tailProblem = tail > 0 ? LogScanner.incompleteTail(file, position.line + 1, tail) : null;
  }

  private Object monitor() {
    return JVM_MONITORS.computeIfAbsent(file, f -> new Object());
  }

  Optional<String> idOf(String name) {
    return Optional.ofNullable(idByName.get(name));
  }

  Optional<String> nameOf(String id) {
    return Optional.ofNullable(nameById.get(id));
  }

  List<String> names() {
    return List.copyOf(idByName.keySet());
  }

  List<StoreProblem> problems() {
    List<StoreProblem> all = new ArrayList<>(problems);
    if (tailProblem != null) {
      all.add(tailProblem);
    }
    return all;
  }

  /** Returns the id of the named experiment, appending it to the file if it is new. */
  String getOrCreate(String name, long nowMillis) {
    refresh();
    Optional<String> known = idOf(name);
    if (known.isPresent()) {
      return known.get();
    }
    synchronized (monitor()) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
              StandardOpenOption.WRITE)) {
        FileLock lock = ch.lock(); // released when the channel closes
        assert lock.isValid();
        refresh(ch); // another process may have created it while we waited for the lock
        known = idOf(name);
        if (known.isPresent()) {
          return known.get();
        }
        String id = Long.toString(position.line + 1); // unique: one line per experiment
        String json = RunLogFormat.JSON.createObjectNode().put("t", "experiment").put("id", id)
            .put("name", name).put("created", nowMillis).toString();
        long size = ch.size();
        if (size > 0 && !endsWithNewline(ch, size)) {
          // terminate a line cut off by a crashed writer so it stays one (skipped) corrupt line
          ch.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
          size++;
        }
        ByteBuffer buf = ByteBuffer.wrap(LogLine.frame(json));
        while (buf.hasRemaining()) {
          size += ch.write(buf, size);
        }
        ch.force(true);
        refresh(ch);
        return id;
      } catch (IOException e) {
        throw new StoreException(file.toString(), "cannot create experiment '" + name + "': " + e, e);
      }
    }
  }

  private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    ch.read(last, size - 1);
    return last.get(0) == '\n';
  }

  @Override
  public void line(long lineNumber, String json) {
    try {
      JsonNode n = RunLogFormat.parse(json);
      String id = RunLogFormat.text(n, "id");
      String name = RunLogFormat.text(n, "name");
      if (!idByName.containsKey(name)) {
        idByName.put(name, id);
        nameById.put(id, name);
      }
    } catch (RuntimeException e) {
      problems.add(new StoreProblem(StoreProblem.Kind.CORRUPT_LINE, file, lineNumber, e.getMessage()));
    }
  }

  @Override
  public void problem(StoreProblem problem) {
    problems.add(problem);
  }
}
