package dev.mlops.core.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.StoreException;
import dev.mlops.core.io.ChecksummedLines;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rollout's crash-safe journal: one JSON record per checksummed line ({@link ChecksummedLines},
 * the experiment store's framing), appended and never rewritten. Transitions are fsynced before
 * the controller acts on them; window checkpoints too. A line cut short by a crash (no newline) is
 * dropped and the file truncated to its last whole line when reopened; a damaged whole line is an
 * error naming the file and the line.
 *
 * <p>Not thread-safe: the controller writes under its lock.
 */
final class RolloutJournal implements AutoCloseable {
  /** The journal format this SDK writes and reads: {@value}. */
  static final int FORMAT = 1;
  /** Longest accepted line: {@value} bytes. */
  static final int MAX_LINE_BYTES = 1 << 22;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {};

  private final Path file;
  private final FileChannel channel;

  private RolloutJournal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Reads the whole lines of an existing journal; empty when the file does not exist. */
  static List<Map<String, Object>> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new StoreException(file.toString(), "cannot read the rollout journal: " + e.getMessage(), e);
    }
    List<Map<String, Object>> records = new ArrayList<>();
    int start = 0;
    int line = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      try {
        String json = ChecksummedLines.unframe(bytes, start, i, MAX_LINE_BYTES);
        records.add(MAPPER.readValue(json, RECORD));
      } catch (IllegalArgumentException | JsonProcessingException e) {
        throw new StoreException(file.toString(), "line " + line + " of the rollout journal is damaged: "
            + e.getMessage(), e);
      }
      start = i + 1;
      line++;
    }
    return records;
  }

  /** Opens a journal for appending, cutting off a torn last line left by a crash. */
  static RolloutJournal open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      long size = channel.size();
      long whole = size;
      ByteBuffer one = ByteBuffer.allocate(1);
      while (whole > 0) {
        one.clear();
        channel.read(one, whole - 1);
        if (one.get(0) == '\n') {
          break;
        }
        whole--;
      }
      if (whole < size) {
        channel.truncate(whole);
        channel.force(true);
      }
      channel.position(whole);
      return new RolloutJournal(file, channel);
    } catch (IOException e) {
      throw new StoreException(file.toString(), "cannot open the rollout journal: " + e.getMessage(), e);
    }
  }

  Path file() {
    return file;
  }

  /** Appends one record; with {@code sync} it is on disk when this returns. */
  void append(Map<String, Object> record, boolean sync) {
    try {
      ByteBuffer line = ByteBuffer.wrap(ChecksummedLines.frame(MAPPER.writeValueAsString(record)));
      while (line.hasRemaining()) {
        channel.write(line);
      }
      if (sync) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new StoreException(file.toString(), "cannot append to the rollout journal: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new StoreException(file.toString(), "cannot close the rollout journal: " + e.getMessage(), e);
    }
  }
}
