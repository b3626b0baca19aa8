package dev.mlops.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.data.Record;
import dev.mlops.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OnnxModelConcurrencyTest {
  private static final int THREADS = 16;
  private static final int CALLS = 200;

  @Test
  void sixteenThreadsGiveTheSequentialAnswers() throws Exception {
    byte[] bytes = OnnxModels.mlpClassifier(Fixtures.FEATURES, List.of("x", "y"),
        Fixtures.mlpLayers(), ProbabilityOutput.ZIP_MAP).toBytes();
    List<Record> records = Fixtures.randomRecords(CALLS, 9);
    try (OnnxModel model = OnnxModel.fromBytes(bytes, OnnxModelOptions.defaults())) {
      List<Map<String, Double>> sequential = new ArrayList<>();
      for (Record r : records) {
        sequential.add(model.predict(r).probabilities());
      }
      CyclicBarrier start = new CyclicBarrier(THREADS);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<List<Map<String, Double>>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int offset = t;
          futures.add(pool.submit(() -> {
            start.await();
            List<Map<String, Double>> out = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
              // Each thread walks the records from its own offset, half singly, half in pairs.
              int k = (i + offset) % CALLS;
              if (i % 2 == 0) {
                out.add(model.predict(records.get(k)).probabilities());
              } else {
                List<Prediction> pair = model.predictBatch(List.of(records.get(k), records.get(k)));
                assertThat(pair.get(1).probabilities()).isEqualTo(pair.get(0).probabilities());
                out.add(pair.get(0).probabilities());
              }
            }
            return out;
          }));
        }
        int total = 0;
        for (int t = 0; t < THREADS; t++) {
          List<Map<String, Double>> got = futures.get(t).get();
          for (int i = 0; i < CALLS; i++) {
            assertThat(got.get(i)).isEqualTo(sequential.get((i + t) % CALLS));
            total++;
          }
        }
        assertThat(total).isEqualTo(THREADS * CALLS);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
