package dev.mlops.testkit.feedback;

import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.feedback.PredictionSink;
import java.util.List;

/** The testkit's own sink passes the sink kit, shared between writers included. */
class RecordingPredictionSinkContractTest extends PredictionSinkContractTest {
  private final RecordingPredictionSink sink = new RecordingPredictionSink();

  @Override
  protected PredictionSink newSink() {
    return sink;
  }

  @Override
  protected List<LoggedPrediction> readBack() {
    return sink.records();
  }

  @Override
  protected boolean sharedBetweenLoggers() {
    return true;
  }
}
