/**
 * Spring Boot auto-configuration of mlops-java: {@link dev.mlops.spring.boot.MlopsProperties}
 * ({@code mlops.*}), the declared models ({@link dev.mlops.spring.boot.MlopsModels}), their
 * monitors on the application's {@code MeterRegistry}, the prediction log, a rollout and the
 * {@link dev.mlops.spring.boot.MlopsServing} front. Every bean backs off when the application
 * defines its own; nothing is created when the module it needs is absent.
 */
package dev.mlops.spring.boot;
