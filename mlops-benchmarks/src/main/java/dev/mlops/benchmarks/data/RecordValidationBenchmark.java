package dev.mlops.benchmarks.data;

import dev.mlops.core.data.SpecInference;
import dev.mlops.core.data.SpecValidator;
import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.NumericRange;
import dev.mlops.data.Record;
import dev.mlops.data.ValidationReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validates one serving record of 20 features (2 categorical, 18 numeric) against an inferred
 * spec (goal: at most 1 µs). The peer is {@link #handwrittenChecks}: the same lookups and
 * comparisons written inline for this one spec, without reporting. Run with
 * {@code -prof gc} to see that a valid record allocates nothing: {@code java -jar
 * mlops-benchmarks/target/benchmarks.jar RecordValidationBenchmark -f 1 -wi 2 -i 3 -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RecordValidationBenchmark {
  private SpecValidator validator;
  private Record record;
  private List<String> names;
  private double[] lo;
  private double[] hi;
  private List<Set<String>> domains;

  @Setup
  public void setUp() {
    Dataset data = BenchData.mixed(10_000, 20);
    DatasetSpec spec = SpecInference.infer(data);
    validator = SpecValidator.of(spec);
    record = Record.of(data.row(17).toMap());
    names = spec.featureNames();
    lo = new double[names.size()];
    hi = new double[names.size()];
    domains = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      FeatureSpec f = spec.features().get(i);
      NumericRange r = f.range().orElse(null);
      lo[i] = r == null ? 0 : r.min();
      hi[i] = r == null ? 0 : r.max();
      CategoricalDomain d = f.domain().orElse(null);
      domains.add(d == null ? null : new HashSet<>(d.values()));
    }
    if (!validator.validate(record).valid() || handwrittenChecks() != 0) {
      throw new IllegalStateException("benchmark record must be valid");
    }
  }

  @Benchmark
  public ValidationReport validateRecord() {
    return validator.validate(record);
  }

  @Benchmark
  public int handwrittenChecks() {
    int bad = 0;
    for (int i = 0; i < names.size(); i++) {
      Object v = record.get(names.get(i));
      Set<String> domain = domains.get(i);
      if (domain != null) {
        if (!(v instanceof String s) || !domain.contains(s)) {
          bad++;
        }
      } else if (!(v instanceof Double d) || d < lo[i] || d > hi[i]) {
        bad++;
      }
    }
    return bad;
  }
}
