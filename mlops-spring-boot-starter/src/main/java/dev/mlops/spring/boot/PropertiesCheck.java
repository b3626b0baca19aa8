package dev.mlops.spring.boot;

import dev.mlops.MlopsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * Checks {@link MlopsProperties} as a whole, so that a bad setting stops the application's start
 * with a message naming the property and, for files, the path looked at. Stateless.
 */
final class PropertiesCheck {
  private static final String MODELS = MlopsProperties.PREFIX + ".models.";
  private static final String MONITORING = MlopsProperties.PREFIX + ".monitoring.";
  private static final String LOG = MlopsProperties.PREFIX + ".prediction-log.";
  static final String ROLLOUT = MlopsProperties.PREFIX + ".rollout.";

  private PropertiesCheck() {}

  /** Returns every problem found, each naming its property; empty when all is well. */
  static List<String> problems(MlopsProperties properties) {
    List<String> problems = new ArrayList<>();
    ResourceLoader resources = new DefaultResourceLoader();
    for (Map.Entry<String, MlopsProperties.ModelProperties> e : properties.getModels().entrySet()) {
      checkModel(e.getKey(), e.getValue(), resources, problems);
    }
    checkMonitoring(properties.getMonitoring(), problems);
    checkLog(properties.getPredictionLog(), problems);
    checkRollout(properties, resources, problems);
    return problems;
  }

  /** Returns the absolute form of a configured path. */
  static Path resolve(String path) {
    return Path.of(path).toAbsolutePath().normalize();
  }

  private static void checkModel(String key, MlopsProperties.ModelProperties model,
      ResourceLoader resources, List<String> problems) {
    String at = MODELS + key + ".";
    boolean hasPath = model.getPath() != null && !model.getPath().isBlank();
    boolean hasResource = model.getResource() != null && !model.getResource().isBlank();
    if (hasPath == hasResource) {
      problems.add(at + "path: set exactly one of " + at + "path and " + at + "resource"
          + (hasPath ? ", not both" : ""));
    } else if (hasPath && !Files.isRegularFile(resolve(model.getPath()))) {
      problems.add(at + "path: no model file at " + resolve(model.getPath()));
    } else if (hasResource && !resources.getResource(model.getResource()).exists()) {
      problems.add(at + "resource: no model resource at " + model.getResource());
    }
    if (model.getName() != null && model.getName().isBlank()) {
      problems.add(at + "name: must not be blank");
    }
    if (model.getVersion() != null && model.getVersion().isBlank()) {
      problems.add(at + "version: must not be blank");
    }
    if (model.getIntraOpThreads() < 0) {
      problems.add(at + "intra-op-threads: must be >= 0, was " + model.getIntraOpThreads());
    }
    if (model.getInterOpThreads() < 0) {
      problems.add(at + "inter-op-threads: must be >= 0, was " + model.getInterOpThreads());
    }
    if (model.getTimeout() == null || model.getTimeout().isNegative()) {
      problems.add(at + "timeout: must be 0 (none) or positive, was " + model.getTimeout());
    }
    if (model.getReference() != null && !Files.isRegularFile(resolve(model.getReference()))) {
      problems.add(at + "reference: no reference profile at " + resolve(model.getReference()));
    }
  }

  private static void checkMonitoring(MlopsProperties.Monitoring m, List<String> problems) {
    if (m.getWindowSize() < 1) {
      problems.add(MONITORING + "window-size: must be >= 1 prediction, was " + m.getWindowSize());
    }
    Duration d = m.getWindowDuration();
    if (d != null && (d.isZero() || d.isNegative())) {
      problems.add(MONITORING + "window-duration: must be positive, was " + d);
    }
    if (!(m.getPsiThreshold() > 0) || !Double.isFinite(m.getPsiThreshold())) {
      problems.add(MONITORING + "psi-threshold: must be positive and finite, was "
          + m.getPsiThreshold());
    }
    atLeastOne(MONITORING + "window-history", m.getWindowHistory(), problems);
    atLeastOne(MONITORING + "event-capacity", m.getEventCapacity(), problems);
    atLeastOne(MONITORING + "max-classes", m.getMaxClasses(), problems);
    if (m.getAlertHealthStatus() == null || m.getAlertHealthStatus().isBlank()) {
      problems.add(MONITORING + "alert-health-status: must not be blank");
    }
  }

  private static void checkLog(MlopsProperties.PredictionLog log, List<String> problems) {
    if (!log.isEnabled()) {
      return;
    }
    if (log.getDirectory() == null || log.getDirectory().isBlank()) {
      problems.add(LOG + "directory: must be set when " + LOG + "enabled is true");
    }
    if (!(log.getSampleRate() > 0 && log.getSampleRate() <= 1)) {
      problems.add(LOG + "sample-rate: must be in (0, 1], was " + log.getSampleRate());
    }
    atLeastOne(LOG + "queue-capacity", log.getQueueCapacity(), problems);
    atLeastOne(LOG + "retain-files", log.getRetainFiles(), problems);
    if (log.getMaxFileSize() == null || log.getMaxFileSize().toBytes() < 1) {
      problems.add(LOG + "max-file-size: must be positive, was " + log.getMaxFileSize());
    }
  }

  private static void checkRollout(MlopsProperties properties, ResourceLoader resources,
      List<String> problems) {
    MlopsProperties.Rollout r = properties.getRollout();
    if (!declared(r)) {
      return;
    }
    for (String role : List.of("primary", "candidate")) {
      String key = role.equals("primary") ? r.getPrimary() : r.getCandidate();
      if (key == null || key.isBlank()) {
        problems.add(ROLLOUT + role + ": must name a model of " + MODELS + "* (a rollout needs"
            + " both primary and candidate)");
      } else if (!properties.getModels().containsKey(key)) {
        problems.add(ROLLOUT + role + ": no model '" + key + "' in " + MlopsProperties.PREFIX
            + ".models; declared: " + properties.getModels().keySet());
      }
    }
    if (r.getPrimary() != null && r.getPrimary().equals(r.getCandidate())) {
      problems.add(ROLLOUT + "candidate: must differ from " + ROLLOUT + "primary, both are '"
          + r.getPrimary() + "'");
    }
    if (r.getName() == null || r.getName().isBlank()) {
      problems.add(ROLLOUT + "name: must not be blank");
    }
    try {
      RolloutPlanSource.plan(r, resources);
    } catch (IllegalArgumentException | MlopsException e) {
      problems.add(e.getMessage());
    }
  }

  /** Returns whether a rollout is declared: a primary or a candidate is named. */
  static boolean declared(MlopsProperties.Rollout rollout) {
    return rollout.getPrimary() != null || rollout.getCandidate() != null;
  }

  private static void atLeastOne(String property, long value, List<String> problems) {
    if (value < 1) {
      problems.add(property + ": must be >= 1, was " + value);
    }
  }
}
