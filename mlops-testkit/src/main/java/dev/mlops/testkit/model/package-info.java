/**
 * Model doubles and checks: {@link dev.mlops.testkit.model.FakeModel} (a scripted model),
 * {@link dev.mlops.testkit.model.FaultyModel} (makes any model slow, failing or wrong on the calls
 * a {@link dev.mlops.testkit.model.FaultSelector} picks), {@link dev.mlops.testkit.model.ModelAssert}
 * and the {@link dev.mlops.testkit.model.ModelContractTest} kit.
 */
package dev.mlops.testkit.model;
