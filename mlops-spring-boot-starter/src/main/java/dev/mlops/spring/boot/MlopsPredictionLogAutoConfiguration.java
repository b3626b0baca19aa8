package dev.mlops.spring.boot;

import dev.mlops.core.feedback.PredictionLogConfig;
import dev.mlops.core.feedback.PredictionLogger;
import dev.mlops.time.MlopsClock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * A {@link PredictionLogger} writing to {@code mlops.prediction-log.directory} when
 * {@code mlops.prediction-log.enabled} is true; {@link MlopsServing} logs every outcome it serves.
 * An application {@link PredictionLogger} bean (with privacy rules, an HMAC key, sinks) replaces
 * it.
 *
 * <p>Stateless; Spring calls each bean method once, on the thread that builds the context.
 */
@AutoConfiguration(after = MlopsAutoConfiguration.class)
@ConditionalOnProperty(prefix = "mlops.prediction-log", name = "enabled", havingValue = "true")
public class MlopsPredictionLogAutoConfiguration {

  /** The logger; closing it flushes what was logged. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  PredictionLogger mlopsPredictionLogger(MlopsProperties properties, MlopsClock clock) {
    MlopsProperties.PredictionLog p = properties.getPredictionLog();
    PredictionLogConfig config = PredictionLogConfig
        .builder(PropertiesCheck.resolve(p.getDirectory()))
        .sampleRate(p.getSampleRate())
        .seed(p.getSeed())
        .queueCapacity(p.getQueueCapacity())
        .maxFileBytes(p.getMaxFileSize().toBytes())
        .rotateEvery(p.getRotateEvery())
        .retainFiles(p.getRetainFiles())
        .retainFor(p.getRetainFor())
        .build();
    return PredictionLogger.builder(config).clock(clock).build();
  }
}
