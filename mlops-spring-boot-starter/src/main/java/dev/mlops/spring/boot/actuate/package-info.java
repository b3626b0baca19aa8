/**
 * Actuator support: the {@code mlops} endpoint
 * ({@link dev.mlops.spring.boot.actuate.MlopsEndpoint}) and a health indicator per declared
 * model, created only where the application has Spring Boot's actuator on its class path.
 */
package dev.mlops.spring.boot.actuate;
