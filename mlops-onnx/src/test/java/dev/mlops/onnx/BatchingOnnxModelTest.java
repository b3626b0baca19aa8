package dev.mlops.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.model.BatchingConfig;
import dev.mlops.core.model.BatchingModel;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.data.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The batching front over a real ONNX model returns what the model returns alone. */
class BatchingOnnxModelTest {

  @Test
  void batchedAnswersEqualDirectAnswers() throws Exception {
    List<Record> records = Fixtures.randomRecords(8, 11);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (OnnxModel direct = OnnxModel.fromBytes(Fixtures.logistic(ProbabilityOutput.ZIP_MAP),
            OnnxModelOptions.defaults());
        BatchingModel batched = BatchingModel.wrap(
            OnnxModel.fromBytes(Fixtures.logistic(ProbabilityOutput.ZIP_MAP),
                OnnxModelOptions.defaults()),
            BatchingConfig.builder().maxBatchSize(8).maxQueueDelay(Duration.ofHours(1)).build())) {
      List<Future<dev.mlops.model.Prediction>> futures = new ArrayList<>();
      for (Record r : records) {
        futures.add(pool.submit(() -> batched.predict(r)));
      }
      for (int i = 0; i < records.size(); i++) {
        var expected = direct.predict(records.get(i));
        var actual = futures.get(i).get();
        assertThat(actual.label()).isEqualTo(expected.label());
        assertThat(actual.probabilities().get("malignant"))
            .isCloseTo(expected.probabilities().get("malignant"), within(1e-6));
      }
      assertThat(batched.metrics().batchSizes()).containsEntry(8, 1L);
    } finally {
      pool.shutdownNow();
    }
  }
}
