package dev.mlops.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class (or method) as testing an ML integration: it registers
 * {@link MlopsExtension}, which injects a {@link TestClock}, a {@link TestResources} leak check
 * and fresh directories for an experiment store ({@link ExperimentStore}) and a prediction log
 * ({@link PredictionLog}), and cleans all of them up after each test.
 *
 * <pre>{@code
 * @MlopsTest
 * class ChurnServiceTest {
 *   @Test
 *   void servesTheModel(TestClock clock, TestResources resources, @ExperimentStore Path store) {
 *     Model model = resources.track(FakeModel.builder("churn").label("yes").build());
 *     ...
 *     model.close();   // forget this and the test fails: "left open: model 'churn' ..."
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(MlopsExtension.class)
public @interface MlopsTest {}
