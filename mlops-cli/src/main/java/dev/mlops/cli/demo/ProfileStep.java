package dev.mlops.cli.demo;

import dev.mlops.core.drift.ProfileDriftDetector;
import dev.mlops.core.profile.ProfileCodec;
import dev.mlops.core.profile.Profiles;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.profile.DatasetProfile;
import dev.mlops.profile.NumericProfile;
import dev.mlops.profile.ProfileDrift;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Profiles the reference half on three "hosts" (thirds of its rows), merges their profiles,
 * checks the merge against the profile of the whole half, writes it, and computes drift from
 * profiles against the current half with the drift step's injected shift.
 */
final class ProfileStep implements DemoStep {
  static final String PROFILE_FILE = "reference-profile.json";

  @Override
  public String title() {
    return "Profiles: merge the profiles of three hosts and detect drift from profiles";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    Dataset data = context.dataset();
    List<String> features = new ArrayList<>(data.columnNames());
    features.remove("id");
    data = data.select(features);
    int[][] halves = DriftStep.halves(data.rowCount(), context.seed());
    Dataset reference = data.selectRows(halves[0]);
    Dataset current = data.selectRows(halves[1]);
    DatasetProfile whole = Profiles.of(reference);
    for (String name : DriftStep.SHIFTED) {
      double[] values = current.numeric(name).toArray();
      // the drift step's shift: one population standard deviation of the reference
      double shift = DriftStep.SHIFT_SD
          * Math.sqrt(((NumericProfile) whole.find(name).orElseThrow()).variance());
      for (int i = 0; i < values.length; i++) {
        values[i] += shift;
      }
      current = current.withColumn(NumericColumn.of(name, values));
    }
    int[] rows = halves[0];
    List<DatasetProfile> hosts = new ArrayList<>();
    for (int h = 0; h < 3; h++) {
      int from = h * rows.length / 3;
      int to = (h + 1) * rows.length / 3;
      int[] part = new int[to - from];
      Arrays.setAll(part, i -> from + i);
      hosts.add(Profiles.of(reference.selectRows(part)));
    }
    DatasetProfile merged = Profiles.merge(hosts);
    NumericProfile radius = (NumericProfile) merged.find("mean_radius").orElseThrow();
    NumericProfile radiusWhole = (NumericProfile) whole.find("mean_radius").orElseThrow();
    var out = context.out();
    out.printf(Locale.ROOT, "3 host profiles of %s rows merged: %d rows, %d columns;"
        + " mean_radius count %d (whole: %d), mean %.4f (whole: %.4f), median %.3f%n",
        hosts.stream().map(p -> Long.toString(p.rowCount())).toList(), merged.rowCount(),
        merged.columns().size(), radius.count(), radiusWhole.count(), radius.mean(),
        radiusWhole.mean(), radius.quantile(0.5));
    Path file = context.outputDir().resolve(PROFILE_FILE);
    ProfileCodec.write(merged, file, ProfileCodec.Format.JSON);
    ProfileDrift drift = ProfileDriftDetector.defaults()
        .detect(ProfileCodec.read(file), Profiles.of(current));
    out.printf(Locale.ROOT, "drift from profiles: %s (%d of %d columns drifted); profile: %s%n",
        drift.report().datasetDrift() ? "yes" : "no", drift.report().driftedColumns(),
        drift.report().columnsTested(), file);
  }
}
