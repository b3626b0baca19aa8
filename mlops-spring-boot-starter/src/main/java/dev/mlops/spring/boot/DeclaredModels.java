package dev.mlops.spring.boot;

import dev.mlops.MlopsException;
import dev.mlops.core.monitoring.AlertRules;
import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.core.monitoring.ReferenceProfileJson;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.onnx.OnnxModelOptions;
import dev.mlops.time.MlopsClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Loads the ONNX models of {@code mlops.models.*} and wraps each in its monitor. The only class
 * of the starter that names {@code mlops-onnx}, so the rest loads without it. Stateless.
 */
final class DeclaredModels {
  private DeclaredModels() {}

  /**
   * Loads every declared model.
   *
   * @throws IllegalStateException naming the property and path, for a model that cannot be
   *     loaded and has {@code fail-fast} (the default)
   */
  static MlopsModels load(MlopsProperties properties, ResourceLoader resources, MlopsClock clock,
      List<MonitorConfigCustomizer> customizers) {
    MlopsModels.Builder models = MlopsModels.builder();
    List<Model> loaded = new ArrayList<>();
    try {
      for (Map.Entry<String, MlopsProperties.ModelProperties> e
          : properties.getModels().entrySet()) {
        String key = e.getKey();
        MlopsProperties.ModelProperties p = e.getValue();
        Model model;
        try {
          model = loadOnnx(key, p, resources, clock);
        } catch (MlopsException | IOException failure) {
          String reason = location(key, p) + ": cannot load the model: " + failure.getMessage();
          if (p.isFailFast()) {
            throw new IllegalStateException(reason, failure);
          }
          models.failed(key, reason);
          continue;
        }
        loaded.add(model);
        if (properties.getMonitoring().isEnabled()) {
          model = monitored(key, model, p, properties, customizers, clock);
          loaded.set(loaded.size() - 1, model);
        }
        models.add(key, model);
      }
    } catch (RuntimeException failure) {
      // the start fails: release the native sessions of the models loaded so far
      loaded.forEach(Model::close);
      throw failure;
    }
    return models.build();
  }

  private static String location(String key, MlopsProperties.ModelProperties p) {
    String at = MlopsProperties.PREFIX + ".models." + key + ".";
    return p.getPath() != null
        ? at + "path (" + PropertiesCheck.resolve(p.getPath()) + ")"
        : at + "resource (" + p.getResource() + ")";
  }

  private static Model loadOnnx(String key, MlopsProperties.ModelProperties p,
      ResourceLoader resources, MlopsClock clock) throws IOException {
    OnnxModelOptions.Builder options = OnnxModelOptions.builder()
        .name(p.getName() == null ? key : p.getName())
        .intraOpThreads(p.getIntraOpThreads())
        .interOpThreads(p.getInterOpThreads())
        .timeout(p.getTimeout())
        .allowMissing(p.isAllowMissing())
        .clock(clock);
    if (p.getVersion() != null) {
      options.version(p.getVersion());
    }
    if (!p.getClasses().isEmpty()) {
      options.classes(p.getClasses());
    }
    if (p.getPath() != null) {
      return OnnxModel.load(PropertiesCheck.resolve(p.getPath()), options.build());
    }
    Resource resource = resources.getResource(p.getResource());
    return OnnxModel.fromBytes(resource.getContentAsByteArray(), options.build());
  }

  private static ModelMonitor monitored(String key, Model model,
      MlopsProperties.ModelProperties p, MlopsProperties properties,
      List<MonitorConfigCustomizer> customizers, MlopsClock clock) {
    MlopsProperties.Monitoring m = properties.getMonitoring();
    MonitorConfig.Builder config = MonitorConfig.builder()
        .window(m.getWindowDuration() != null
            ? WindowPolicy.ofDuration(m.getWindowDuration())
            : WindowPolicy.ofCount(m.getWindowSize()))
        .arm(key.equals(properties.getRollout().getCandidate()) ? Arm.CANDIDATE : Arm.PRIMARY)
        .psiThreshold(m.getPsiThreshold())
        .windowHistory(m.getWindowHistory())
        .eventCapacity(m.getEventCapacity())
        .maxClasses(m.getMaxClasses());
    if (p.getReference() != null) {
      Path reference = PropertiesCheck.resolve(p.getReference());
      try {
        config.reference(ReferenceProfileJson.read(reference)).rule(AlertRules.drift());
      } catch (MlopsException | UncheckedIOException failure) {
        throw new IllegalStateException(MlopsProperties.PREFIX + ".models." + key
            + ".reference (" + reference + "): cannot read the reference profile: "
            + failure.getMessage(), failure);
      }
    }
    try {
      for (MonitorConfigCustomizer c : customizers) {
        c.customize(key, config);
      }
      return ModelMonitor.of(model, config.build(), clock);
    } catch (IllegalArgumentException failure) {
      throw new IllegalStateException(MlopsProperties.PREFIX + ".monitoring: cannot monitor '"
          + key + "': " + failure.getMessage(), failure);
    }
  }
}
