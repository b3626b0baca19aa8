package dev.mlops.spring.boot;

import dev.mlops.deployment.NoKeyPolicy;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.core.feedback.PredictionLogConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The {@code mlops.*} settings of an application: its models, how they are monitored, the
 * prediction log and a rollout between two of the models.
 *
 * <pre>{@code
 * mlops:
 *   models:
 *     fraud-v1: { path: models/fraud-v1.onnx }
 *     fraud-v2: { resource: classpath:models/fraud-v2.onnx, version: "2" }
 *   rollout:
 *     primary: fraud-v1
 *     candidate: fraud-v2
 *     steps: [ { weight: 0.05, requests: 500 }, { weight: 1.0 } ]
 *     gates: [ { metric: error.rate, at-most: 0.01 } ]
 * }</pre>
 *
 * <p>Every default is the SDK's own (named in each field's documentation). The instance validates
 * itself when it is bound ({@link #validate}): a bad value fails the application's
 * start with a message that names the property. Mutable, as Spring binding needs; not
 * thread-safe, read once at start.
 */
@ConfigurationProperties(prefix = MlopsProperties.PREFIX)
public class MlopsProperties implements Validator {
  /** The prefix of every property: {@value}. */
  public static final String PREFIX = "mlops";

  /** The models, by key: the key is the model's name unless {@code name} is set. */
  private final Map<String, ModelProperties> models = new LinkedHashMap<>();
  private final Monitoring monitoring = new Monitoring();
  private final PredictionLog predictionLog = new PredictionLog();
  private final Rollout rollout = new Rollout();

  /** Returns the models by key. */
  public Map<String, ModelProperties> getModels() {
    return models;
  }

  /** Returns how models are monitored. */
  public Monitoring getMonitoring() {
    return monitoring;
  }

  /** Returns the prediction log's settings. */
  public PredictionLog getPredictionLog() {
    return predictionLog;
  }

  /** Returns the rollout's settings. */
  public Rollout getRollout() {
    return rollout;
  }

  /** Validates only this class (Spring Boot calls it when it binds the properties). */
  @Override
  public boolean supports(Class<?> type) {
    return MlopsProperties.class.isAssignableFrom(type);
  }

  /**
   * Checks every setting; each problem is one global error whose message starts with the full
   * property name ({@code mlops.models.fraud.path: no model file at /srv/fraud.onnx}).
   */
  @Override
  public void validate(Object target, Errors errors) {
    for (String problem : PropertiesCheck.problems((MlopsProperties) target)) {
      errors.reject("mlops.invalid", problem);
    }
  }

  /** One ONNX model ({@code mlops.models.<key>.*}); mutable for binding, not thread-safe. */
  public static class ModelProperties {
    /** File system path of the ONNX model (absolute, or relative to the working directory). */
    private String path;
    /** Spring resource location of the ONNX model, e.g. classpath:models/fraud.onnx. */
    private String resource;
    /** The model's name; defaults to its key. */
    private String name;
    /** The model's version; defaults to sha256: and the first 12 hex digits of the file. */
    private String version;
    /** ONNX Runtime intra-op threads; 0 lets ONNX Runtime decide. */
    private int intraOpThreads;
    /** ONNX Runtime inter-op threads; 0 lets ONNX Runtime decide. */
    private int interOpThreads;
    /** Deadline of one run; 0 for none (ONNX Runtime has none). */
    private Duration timeout = Duration.ZERO;
    /** Whether NaN or missing values reach the model instead of being rejected. */
    private boolean allowMissing;
    /** Class labels in probability order; defaults to what the model records. */
    private List<String> classes = new ArrayList<>();
    /**
     * Path of a reference profile JSON (ReferenceProfileJson) each monitoring window is compared
     * with; with it the monitor raises drift alerts.
     */
    private String reference;
    /**
     * Whether a model that cannot be loaded fails the application's start. When false the
     * application starts and the model's health is DOWN.
     */
    private boolean failFast = true;

    /** Returns the model file path, or null. */
    public String getPath() {
      return path;
    }

    /** Sets the model file path. */
    public void setPath(String path) {
      this.path = path;
    }

    /** Returns the resource location, or null. */
    public String getResource() {
      return resource;
    }

    /** Sets the resource location. */
    public void setResource(String resource) {
      this.resource = resource;
    }

    /** Returns the name, or null for the key. */
    public String getName() {
      return name;
    }

    /** Sets the name. */
    public void setName(String name) {
      this.name = name;
    }

    /** Returns the version, or null for the content digest. */
    public String getVersion() {
      return version;
    }

    /** Sets the version. */
    public void setVersion(String version) {
      this.version = version;
    }

    /** Returns the intra-op threads. */
    public int getIntraOpThreads() {
      return intraOpThreads;
    }

    /** Sets the intra-op threads. */
    public void setIntraOpThreads(int intraOpThreads) {
      this.intraOpThreads = intraOpThreads;
    }

    /** Returns the inter-op threads. */
    public int getInterOpThreads() {
      return interOpThreads;
    }

    /** Sets the inter-op threads. */
    public void setInterOpThreads(int interOpThreads) {
      this.interOpThreads = interOpThreads;
    }

    /** Returns the run deadline. */
    public Duration getTimeout() {
      return timeout;
    }

    /** Sets the run deadline. */
    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }

    /** Returns whether missing values reach the model. */
    public boolean isAllowMissing() {
      return allowMissing;
    }

    /** Sets whether missing values reach the model. */
    public void setAllowMissing(boolean allowMissing) {
      this.allowMissing = allowMissing;
    }

    /** Returns the class labels. */
    public List<String> getClasses() {
      return classes;
    }

    /** Sets the class labels. */
    public void setClasses(List<String> classes) {
      this.classes = classes;
    }

    /** Returns the reference profile path, or null. */
    public String getReference() {
      return reference;
    }

    /** Sets the reference profile path. */
    public void setReference(String reference) {
      this.reference = reference;
    }

    /** Returns whether a load failure fails the start. */
    public boolean isFailFast() {
      return failFast;
    }

    /** Sets whether a load failure fails the start. */
    public void setFailFast(boolean failFast) {
      this.failFast = failFast;
    }
  }

  /**
   * How every model is monitored ({@code mlops.monitoring.*}); mutable for binding, not thread-
   * safe.
   */
  public static class Monitoring {
    /** Whether each model is wrapped in a monitor (and its meters bound). */
    private boolean enabled = true;
    /** Predictions per monitoring window (WindowPolicy.DEFAULT_COUNT). */
    private long windowSize = WindowPolicy.DEFAULT_COUNT;
    /** Wall time per monitoring window; when set it replaces window-size. */
    private Duration windowDuration;
    /** PSI above which a feature drifted (0.2, Siddiqi 2006). */
    private double psiThreshold = MonitorConfig.DEFAULT_PSI_THRESHOLD;
    /** Closed windows kept for snapshots. */
    private int windowHistory = MonitorConfig.DEFAULT_WINDOW_HISTORY;
    /** Monitor events that may wait for listeners before new ones are dropped. */
    private int eventCapacity = MonitorConfig.DEFAULT_EVENT_CAPACITY;
    /** Distinct output classes counted. */
    private int maxClasses = MonitorConfig.DEFAULT_MAX_CLASSES;
    /**
     * Health status of a model with active alerts (an alert is active until its rule could have
     * fired again and did not). DEGRADED is not in Spring Boot's default
     * status order, so it leaves the aggregate UP; add it to
     * management.endpoint.health.status.order to change that.
     */
    private String alertHealthStatus = "DEGRADED";

    /** Returns whether models are monitored. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether models are monitored. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns the predictions per window. */
    public long getWindowSize() {
      return windowSize;
    }

    /** Sets the predictions per window. */
    public void setWindowSize(long windowSize) {
      this.windowSize = windowSize;
    }

    /** Returns the wall time per window, or null. */
    public Duration getWindowDuration() {
      return windowDuration;
    }

    /** Sets the wall time per window. */
    public void setWindowDuration(Duration windowDuration) {
      this.windowDuration = windowDuration;
    }

    /** Returns the PSI threshold. */
    public double getPsiThreshold() {
      return psiThreshold;
    }

    /** Sets the PSI threshold. */
    public void setPsiThreshold(double psiThreshold) {
      this.psiThreshold = psiThreshold;
    }

    /** Returns the closed windows kept. */
    public int getWindowHistory() {
      return windowHistory;
    }

    /** Sets the closed windows kept. */
    public void setWindowHistory(int windowHistory) {
      this.windowHistory = windowHistory;
    }

    /** Returns the event queue capacity. */
    public int getEventCapacity() {
      return eventCapacity;
    }

    /** Sets the event queue capacity. */
    public void setEventCapacity(int eventCapacity) {
      this.eventCapacity = eventCapacity;
    }

    /** Returns the classes counted. */
    public int getMaxClasses() {
      return maxClasses;
    }

    /** Sets the classes counted. */
    public void setMaxClasses(int maxClasses) {
      this.maxClasses = maxClasses;
    }

    /** Returns the health status code of a model with active alerts. */
    public String getAlertHealthStatus() {
      return alertHealthStatus;
    }

    /** Sets the health status code of a model with active alerts. */
    public void setAlertHealthStatus(String alertHealthStatus) {
      this.alertHealthStatus = alertHealthStatus;
    }
  }

  /**
   * The prediction log ({@code mlops.prediction-log.*}); see docs/feedback.md; mutable for binding,
   * not thread-safe.
   */
  public static class PredictionLog {
    /** Whether served predictions are logged. */
    private boolean enabled;
    /** The folder of the log files. */
    private String directory;
    /** Share of requests logged, chosen by request id and seed. */
    private double sampleRate = PredictionLogConfig.DEFAULT_SAMPLE_RATE;
    /** Seed of the sampling. */
    private long seed = PredictionLogConfig.DEFAULT_SEED;
    /** Records that may wait for the writer before new ones are dropped. */
    private int queueCapacity = PredictionLogConfig.DEFAULT_QUEUE_CAPACITY;
    /** Size at which a new file is started. */
    private DataSize maxFileSize = DataSize.ofBytes(PredictionLogConfig.DEFAULT_MAX_FILE_BYTES);
    /** Age at which a new file is started. */
    private Duration rotateEvery = PredictionLogConfig.DEFAULT_ROTATE_EVERY;
    /** Files kept after a rotation. */
    private int retainFiles = PredictionLogConfig.DEFAULT_RETAIN_FILES;
    /** Age beyond which files are deleted after a rotation. */
    private Duration retainFor = PredictionLogConfig.DEFAULT_RETAIN_FOR;

    /** Returns whether predictions are logged. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether predictions are logged. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns the log folder, or null. */
    public String getDirectory() {
      return directory;
    }

    /** Sets the log folder. */
    public void setDirectory(String directory) {
      this.directory = directory;
    }

    /** Returns the sample rate. */
    public double getSampleRate() {
      return sampleRate;
    }

    /** Sets the sample rate. */
    public void setSampleRate(double sampleRate) {
      this.sampleRate = sampleRate;
    }

    /** Returns the sampling seed. */
    public long getSeed() {
      return seed;
    }

    /** Sets the sampling seed. */
    public void setSeed(long seed) {
      this.seed = seed;
    }

    /** Returns the queue capacity. */
    public int getQueueCapacity() {
      return queueCapacity;
    }

    /** Sets the queue capacity. */
    public void setQueueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
    }

    /** Returns the file size limit. */
    public DataSize getMaxFileSize() {
      return maxFileSize;
    }

    /** Sets the file size limit. */
    public void setMaxFileSize(DataSize maxFileSize) {
      this.maxFileSize = maxFileSize;
    }

    /** Returns the file age limit. */
    public Duration getRotateEvery() {
      return rotateEvery;
    }

    /** Sets the file age limit. */
    public void setRotateEvery(Duration rotateEvery) {
      this.rotateEvery = rotateEvery;
    }

    /** Returns the files kept. */
    public int getRetainFiles() {
      return retainFiles;
    }

    /** Sets the files kept. */
    public void setRetainFiles(int retainFiles) {
      this.retainFiles = retainFiles;
    }

    /** Returns the retention age. */
    public Duration getRetainFor() {
      return retainFor;
    }

    /** Sets the retention age. */
    public void setRetainFor(Duration retainFor) {
      this.retainFor = retainFor;
    }
  }

  /**
   * A rollout from one declared model to another ({@code mlops.rollout.*}); mutable for binding,
   * not thread-safe.
   */
  public static class Rollout {
    /** The rollout's name (journal header, events, salt default). */
    private String name = "rollout";
    /** Key of the model in production. */
    private String primary;
    /** Key of the model being rolled out. */
    private String candidate;
    /** Salt of the sticky buckets; defaults to the rollout's name. */
    private String salt;
    /** What a request without a routing key gets. */
    private NoKeyPolicy noKeyPolicy = NoKeyPolicy.PRIMARY;
    /** Seed of the RANDOM no-key policy. */
    private long seed;
    /** Spring resource location of a PLAN.json (docs/deployment.md); replaces steps and gates. */
    private String planFile;
    /** The steps, in order. */
    private List<Step> steps = new ArrayList<>();
    /** The gates judged at the end of every analysed step. */
    private List<Gate> gates = new ArrayList<>();
    /** Failed analyses tolerated before rollback; 0 rolls back on the first. */
    private int failureLimit;
    /** Host-reported metrics gates may use. */
    private List<String> hostMetrics = new ArrayList<>();
    /** Journal file: the rollout resumes from it after a restart. */
    private String journal;
    /** Whether accuracy gates wait for labels. */
    private boolean labelsExpected;
    /** Whether windows are judged without acting on the verdicts. */
    private boolean dryRun;

    /** Returns the name. */
    public String getName() {
      return name;
    }

    /** Sets the name. */
    public void setName(String name) {
      this.name = name;
    }

    /** Returns the primary model's key, or null. */
    public String getPrimary() {
      return primary;
    }

    /** Sets the primary model's key. */
    public void setPrimary(String primary) {
      this.primary = primary;
    }

    /** Returns the candidate model's key, or null. */
    public String getCandidate() {
      return candidate;
    }

    /** Sets the candidate model's key. */
    public void setCandidate(String candidate) {
      this.candidate = candidate;
    }

    /** Returns the salt, or null for the name. */
    public String getSalt() {
      return salt;
    }

    /** Sets the salt. */
    public void setSalt(String salt) {
      this.salt = salt;
    }

    /** Returns the no-key policy. */
    public NoKeyPolicy getNoKeyPolicy() {
      return noKeyPolicy;
    }

    /** Sets the no-key policy. */
    public void setNoKeyPolicy(NoKeyPolicy noKeyPolicy) {
      this.noKeyPolicy = noKeyPolicy;
    }

    /** Returns the seed. */
    public long getSeed() {
      return seed;
    }

    /** Sets the seed. */
    public void setSeed(long seed) {
      this.seed = seed;
    }

    /** Returns the plan file location, or null. */
    public String getPlanFile() {
      return planFile;
    }

    /** Sets the plan file location. */
    public void setPlanFile(String planFile) {
      this.planFile = planFile;
    }

    /** Returns the steps. */
    public List<Step> getSteps() {
      return steps;
    }

    /** Sets the steps. */
    public void setSteps(List<Step> steps) {
      this.steps = steps;
    }

    /** Returns the gates. */
    public List<Gate> getGates() {
      return gates;
    }

    /** Sets the gates. */
    public void setGates(List<Gate> gates) {
      this.gates = gates;
    }

    /** Returns the failure limit. */
    public int getFailureLimit() {
      return failureLimit;
    }

    /** Sets the failure limit. */
    public void setFailureLimit(int failureLimit) {
      this.failureLimit = failureLimit;
    }

    /** Returns the host metrics. */
    public List<String> getHostMetrics() {
      return hostMetrics;
    }

    /** Sets the host metrics. */
    public void setHostMetrics(List<String> hostMetrics) {
      this.hostMetrics = hostMetrics;
    }

    /** Returns the journal path, or null. */
    public String getJournal() {
      return journal;
    }

    /** Sets the journal path. */
    public void setJournal(String journal) {
      this.journal = journal;
    }

    /** Returns whether labels are expected. */
    public boolean isLabelsExpected() {
      return labelsExpected;
    }

    /** Sets whether labels are expected. */
    public void setLabelsExpected(boolean labelsExpected) {
      this.labelsExpected = labelsExpected;
    }

    /** Returns whether the rollout is a dry run. */
    public boolean isDryRun() {
      return dryRun;
    }

    /** Sets whether the rollout is a dry run. */
    public void setDryRun(boolean dryRun) {
      this.dryRun = dryRun;
    }
  }

  /**
   * One rollout step ({@code mlops.rollout.steps[i].*}), as a PLAN.json step; mutable for binding,
   * not thread-safe.
   */
  public static class Step {
    /** Whether the candidate only shadows the primary in this step. */
    private boolean shadow;
    /** Share of the traffic the candidate serves, in [0, 1]. */
    private Double weight;
    /** Candidate requests that close the step's analysis window. */
    private Long requests;
    /** Wall time that closes the step's analysis window. */
    private Duration duration;

    /** Returns whether this is a shadow step. */
    public boolean isShadow() {
      return shadow;
    }

    /** Sets whether this is a shadow step. */
    public void setShadow(boolean shadow) {
      this.shadow = shadow;
    }

    /** Returns the weight, or null. */
    public Double getWeight() {
      return weight;
    }

    /** Sets the weight. */
    public void setWeight(Double weight) {
      this.weight = weight;
    }

    /** Returns the window's requests, or null. */
    public Long getRequests() {
      return requests;
    }

    /** Sets the window's requests. */
    public void setRequests(Long requests) {
      this.requests = requests;
    }

    /** Returns the window's duration, or null. */
    public Duration getDuration() {
      return duration;
    }

    /** Sets the window's duration. */
    public void setDuration(Duration duration) {
      this.duration = duration;
    }
  }

  /**
   * One rollout gate ({@code mlops.rollout.gates[i].*}), as a PLAN.json gate; mutable for binding,
   * not thread-safe.
   */
  public static class Gate {
    /** The metric judged, e.g. error.rate or latency.p99.ms. */
    private String metric;
    /** The candidate's value must be at least this. */
    private Double atLeast;
    /** The candidate's value must be at most this. */
    private Double atMost;
    /** The candidate's value must be at most this factor of the primary's. */
    private Double atMostRelative;
    /** The candidate's value must be at least the primary's plus this margin. */
    private Double atLeastRelative;
    /** Samples below which the gate is inconclusive. */
    private Long minSamples;

    /** Returns the metric. */
    public String getMetric() {
      return metric;
    }

    /** Sets the metric. */
    public void setMetric(String metric) {
      this.metric = metric;
    }

    /** Returns the lower bound, or null. */
    public Double getAtLeast() {
      return atLeast;
    }

    /** Sets the lower bound. */
    public void setAtLeast(Double atLeast) {
      this.atLeast = atLeast;
    }

    /** Returns the upper bound, or null. */
    public Double getAtMost() {
      return atMost;
    }

    /** Sets the upper bound. */
    public void setAtMost(Double atMost) {
      this.atMost = atMost;
    }

    /** Returns the relative upper bound, or null. */
    public Double getAtMostRelative() {
      return atMostRelative;
    }

    /** Sets the relative upper bound. */
    public void setAtMostRelative(Double atMostRelative) {
      this.atMostRelative = atMostRelative;
    }

    /** Returns the relative lower bound, or null. */
    public Double getAtLeastRelative() {
      return atLeastRelative;
    }

    /** Sets the relative lower bound. */
    public void setAtLeastRelative(Double atLeastRelative) {
      this.atLeastRelative = atLeastRelative;
    }

    /** Returns the minimum samples, or null. */
    public Long getMinSamples() {
      return minSamples;
    }

    /** Sets the minimum samples. */
    public void setMinSamples(Long minSamples) {
      this.minSamples = minSamples;
    }
  }
}
