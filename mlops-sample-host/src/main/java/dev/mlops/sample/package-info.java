/**
 * A sample host application: {@link dev.mlops.sample.ScoringService} validates each request
 * against a {@link dev.mlops.data.DatasetSpec}, serves it through a canary rollout of a candidate
 * model with a monitor on the inputs, and logs every prediction. Its tests show how a host tests
 * that integration with the public testkit API only.
 */
package dev.mlops.sample;
