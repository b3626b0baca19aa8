/** {@code ./mlops demo}: the lifecycle demo, one {@code DemoStep} per capability. */
package dev.mlops.cli.demo;
