/** A sample Spring Boot service using mlops-spring-boot-starter; not published. */
package dev.mlops.spring.sample;
