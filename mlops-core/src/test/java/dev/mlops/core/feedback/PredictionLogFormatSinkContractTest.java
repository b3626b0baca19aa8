package dev.mlops.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.feedback.PredictionSink;
import dev.mlops.testkit.feedback.PredictionSinkContractTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prediction log's own encoding, behind the sink interface, passes the sink kit: every record
 * the logger writes comes back from {@link PredictionLogReader} exactly as it was logged.
 */
class PredictionLogFormatSinkContractTest extends PredictionSinkContractTest {
  @TempDir Path dir;

  /** Encodes with the logger's encoder into a log file the reader reads; fsyncs on flush. */
  private final class LogFormatSink implements PredictionSink {
    private final LineBuffer buffer = new LineBuffer();
    private final PredictionLogFormat.Encoder encoder = new PredictionLogFormat.Encoder(buffer);
    private final FileChannel file;
    private boolean closed;

    LogFormatSink() throws IOException {
      file = FileChannel.open(dir.resolve(LogFiles.PREFIX + "20260101T000000000Z-0" + LogFiles.SUFFIX),
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public void accept(LoggedPrediction record) throws IOException {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      encoder.append(record);
    }

    @Override
    public void flush() throws IOException {
      ByteBuffer bytes = ByteBuffer.wrap(buffer.array(), 0, buffer.size());
      while (bytes.hasRemaining()) {
        file.write(bytes);
      }
      file.force(true);
      buffer.clear();
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        flush();
        file.close();
        closed = true;
      }
    }
  }

  @Override
  protected PredictionSink newSink() throws IOException {
    return new LogFormatSink();
  }

  @Override
  protected List<LoggedPrediction> readBack() {
    PredictionLogReader.Contents contents = PredictionLogReader.of(dir).readAll();
    assertThat(contents.problems()).as("lines the reader skipped").isEmpty();
    return contents.records();
  }
}
