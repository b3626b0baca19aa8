package dev.mlops.core.model;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A model whose score is the record's "x" (negative x fails), that records every batch size and
 * the thread that ran it, and can hold its first batch until the test opens a gate.
 */
final class GatedModel implements Model {
  final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  final List<Thread> batchThreads = new CopyOnWriteArrayList<>();
  final CountDownLatch firstBatchEntered = new CountDownLatch(1);
  final CountDownLatch gate;
  volatile boolean closed;

  GatedModel(boolean gated) {
    this.gate = new CountDownLatch(gated ? 1 : 0);
  }

  static Record x(double x) {
    return Record.of(Map.of("x", x));
  }

  @Override
  public String name() {
    return "gated";
  }

  @Override
  public String version() {
    return "v1";
  }

  @Override
  public Prediction predict(Record record) {
    return predictBatch(List.of(record)).get(0);
  }

  @Override
  public List<Prediction> predictBatch(List<? extends Record> records) {
    batchSizes.add(records.size());
    batchThreads.add(Thread.currentThread());
    firstBatchEntered.countDown();
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    List<Prediction> out = new ArrayList<>();
    for (Record r : records) {
      double x = r.getDouble("x");
      if (x < 0) {
        throw new ModelInferenceException(FailureKind.INVALID_INPUT, "gated", "x", ">= 0",
            Double.toString(x), "negative", null);
      }
      out.add(Prediction.regression(x, "v1", Duration.ZERO));
    }
    return out;
  }

  @Override
  public void close() {
    closed = true;
  }
}
