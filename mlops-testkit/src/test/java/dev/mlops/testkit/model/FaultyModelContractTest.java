package dev.mlops.testkit.model;

import dev.mlops.data.Record;
import dev.mlops.model.Model;
import java.util.List;
import java.util.Map;

/** A faulty wrapper that spoils by input is still a model: it keeps the contract. */
class FaultyModelContractTest extends ModelContractTest {
  @Override
  protected Model model() {
    return FaultyModel.wrap(FakeModel.classifier("churn", "no", "yes").otherwiseSeeded(3).build())
        .on(FaultSelector.fractionOfInputs(0.5, 9)).flipLabel();
  }

  @Override
  protected List<Record> validRecords() {
    return List.of(Record.of(Map.of("age", 1.0)), Record.of(Map.of("age", 2.0)), Record.of(Map.of("age", 3.0)));
  }
}
