package dev.mlops.benchmarks.data;

import dev.mlops.core.data.CsvReader;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads a generated CSV of {@code rows} x 30 numeric columns, with types given (one pass) and
 * inferred (two passes). Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar
 * CsvReadBenchmark -f 1 -wi 1 -i 3 -jvmArgs -Xmx2g}. With 1M rows the file is about 560 MB of text
 * while the dataset holds 240 MB of doubles, so a 2 GB heap shows that reading streams.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class CsvReadBenchmark {
  private static final int COLUMNS = 30;

  @Param({"1000000"})
  int rows;

  private Path file;
  private CsvReader typed;

  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    file = Files.createTempFile("mlops-bench", ".csv");
    Random random = new Random(7);
    Map<String, FeatureType> types = new HashMap<>();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int c = 0; c < COLUMNS; c++) {
        w.write(c == 0 ? "f0" : ",f" + c);
        types.put("f" + c, FeatureType.NUMERIC);
      }
      w.write('\n');
      StringBuilder line = new StringBuilder();
      for (int r = 0; r < rows; r++) {
        line.setLength(0);
        for (int c = 0; c < COLUMNS; c++) {
          if (c > 0) {
            line.append(',');
          }
          line.append(random.nextGaussian());
        }
        line.append('\n');
        w.write(line.toString());
      }
    }
    typed = CsvReader.builder().types(types).build();
  }

  @TearDown(Level.Trial)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public Dataset readWithDeclaredTypes() {
    return typed.read(file);
  }

  @Benchmark
  public Dataset readWithInferredTypes() {
    return CsvReader.defaults().read(file);
  }
}
