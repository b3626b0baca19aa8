package dev.mlops.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchScorerTest {

  /** Classifies x >= 0 as "pos" with probability sigmoid(x). */
  private static final class SignClassifier implements Model {
    final List<Integer> chunks = new ArrayList<>();

    @Override
    public String name() {
      return "sign";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public Prediction predict(Record record) {
      return predictBatch(List.of(record)).get(0);
    }

    @Override
    public List<Prediction> predictBatch(List<? extends Record> records) {
      chunks.add(records.size());
      List<Prediction> out = new ArrayList<>();
      for (Record r : records) {
        double p = 1 / (1 + Math.exp(-r.getDouble("x")));
        Map<String, Double> probs = new LinkedHashMap<>();
        probs.put("neg", 1 - p);
        probs.put("pos", p);
        out.add(Prediction.classification(p >= 0.5 ? "pos" : "neg", probs, "1", Duration.ZERO));
      }
      return out;
    }

    @Override
    public void close() {}
  }

  @Test
  void scoresInChunksAndAppendsLabelScoreAndProbabilities() {
    double[] x = new double[25];
    for (int i = 0; i < x.length; i++) {
      x[i] = i - 12;
    }
    Dataset data = Dataset.of(NumericColumn.of("x", x));
    SignClassifier model = new SignClassifier();
    List<Integer> progress = new ArrayList<>();
    Dataset scored = BatchScorer.of(model, 10).score(data, progress::add);
    assertThat(model.chunks).containsExactly(10, 10, 5);
    assertThat(progress).containsExactly(10, 20, 25);
    assertThat(scored.columnNames()).containsExactly(
        "x", "prediction_label", "prediction_score", "probability_neg", "probability_pos");
    assertThat(scored.row(0).getString("prediction_label")).isEqualTo("neg");
    assertThat(scored.row(24).getString("prediction_label")).isEqualTo("pos");
    assertThat(scored.numeric("probability_pos").value(24)).isEqualTo(1 / (1 + Math.exp(-12)));
    assertThat(scored.numeric("prediction_score").value(12)).isEqualTo(0.5);
  }

  @Test
  void refusesToOverwriteAColumn() {
    Dataset data = Dataset.of(NumericColumn.of("x", 1), NumericColumn.of("prediction_score", 2));
    assertThatThrownBy(() -> BatchScorer.of(new SignClassifier()).score(data))
        .hasMessage("dataset 'dataset' already has a column 'prediction_score'; rename it before scoring");
    assertThatThrownBy(() -> BatchScorer.of(new SignClassifier(), 0))
        .hasMessage("chunkSize must be >= 1, was 0");
  }
}
