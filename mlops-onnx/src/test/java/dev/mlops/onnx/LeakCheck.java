package dev.mlops.onnx;

import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.data.Record;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs many predictions on a ZipMap classifier (the output path with the most native values to
 * close) and prints the resident set size after warm-up and at the end, in KiB:
 * {@code warm=<kib> end=<kib>}. Run in a fresh JVM with a fixed, pre-touched heap so that heap
 * growth does not show up as resident memory.
 */
final class LeakCheck {
  private LeakCheck() {}

  public static void main(String[] args) throws IOException {
    int predictions = Integer.parseInt(args[0]);
    int warmup = predictions / 10;
    byte[] bytes = OnnxModels.mlpClassifier(Fixtures.FEATURES, List.of("x", "y"),
        Fixtures.mlpLayers(), ProbabilityOutput.ZIP_MAP).toBytes();
    List<Record> records = Fixtures.randomRecords(64, 5);
    double checksum = 0;
    long warm = 0;
    try (OnnxModel model = OnnxModel.fromBytes(bytes, OnnxModelOptions.builder()
        .intraOpThreads(1).build())) {
      for (int i = 0; i < predictions; i++) {
        if (i == warmup) {
          System.gc();
          warm = residentKib();
        }
        checksum += model.predict(records.get(i & 63)).score().getAsDouble();
      }
    }
    System.gc();
    System.out.println("warm=" + warm + " end=" + residentKib() + " checksum=" + checksum);
  }

  static long residentKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
