package dev.mlops.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link MlopsExtension} for a {@link java.nio.file.Path} to an empty directory in which the
 * test writes a prediction log; the directory is deleted after the test. Each test gets its own;
 * every parameter so annotated in one test gets the same one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PredictionLog {}
