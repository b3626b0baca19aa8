package dev.mlops.spring.sample;

import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A fraud-scoring service: {@code POST /score} through a canary from fraud-v1 to fraud-v2, both
 * monitored against their training profile, with {@code /actuator/mlops},
 * {@code /actuator/health} and {@code /actuator/prometheus}. Everything mlops-java does here is
 * configured in {@code application.yml}.
 */
@SpringBootApplication
public class SampleApplication {

  /** Writes the demo models into {@code ./sample-models} (or {@code -Dsample.models}) and starts. */
  public static void main(String[] args) {
    SampleModels.writeIfAbsent(Path.of(System.getProperty("sample.models", "sample-models")));
    SpringApplication.run(SampleApplication.class, args);
  }
}
