package dev.mlops.testkit.model;

import dev.mlops.FailureKind;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import java.util.List;
import java.util.Map;

/** The fake model keeps the contract it stands in for. */
class FakeModelContractTest extends ModelContractTest {
  @Override
  protected Model model() {
    return FakeModel.classifier("churn", "no", "yes", "maybe")
        .when(r -> r.isMissing("age")).fail(FailureKind.INVALID_INPUT)
        .otherwiseSeeded(11)
        .build();
  }

  @Override
  protected List<Record> validRecords() {
    return List.of(Record.of(Map.of("age", 31.0)), Record.of(Map.of("age", 64.0)),
        Record.of(Map.of("age", 18.0, "city", "Oslo")));
  }
}
