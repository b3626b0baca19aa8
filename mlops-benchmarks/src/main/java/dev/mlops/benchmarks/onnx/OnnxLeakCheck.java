package dev.mlops.benchmarks.onnx;

import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.data.Record;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.onnx.OnnxModelOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One million predictions on the tiny MLP with ZipMap output (the path with the most native values
 * to close), printing resident memory every 100 000. Flat numbers after warm-up mean nothing
 * leaks. Run: {@code java -Xms128m -Xmx128m -XX:+AlwaysPreTouch -cp
 * mlops-benchmarks/target/benchmarks.jar dev.mlops.benchmarks.onnx.OnnxLeakCheck [count]}.
 */
public final class OnnxLeakCheck {
  private OnnxLeakCheck() {}

  /**
   * Runs the check.
   *
   * @param args optional prediction count (default 1 000 000)
   * @throws IOException if /proc/self/status cannot be read
   */
  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    List<Record> records = TinyMlp.records(64);
    try (OnnxModel model = OnnxModel.fromBytes(TinyMlp.model(ProbabilityOutput.ZIP_MAP),
        OnnxModelOptions.builder().intraOpThreads(1).build())) {
      for (int i = 1; i <= count; i++) {
        model.predict(records.get(i & 63));
        if (i % 100_000 == 0) {
          System.gc();
          System.out.printf(Locale.ROOT, "%,9d predictions  RSS %,7d KiB%n", i, residentKib());
        }
      }
    }
  }

  private static long residentKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
