package dev.mlops.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import dev.mlops.testkit.KitRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model kit fails an implementation that breaks the contract, and says where. */
class ModelContractTestKitTest {

  /** Answers after close and stamps predictions with another version than it reports. */
  static final class CarelessModel implements Model {
    private final FakeModel inner = FakeModel.classifier("careless", "no", "yes").otherwiseLabel("no").build();

    @Override
    public String name() {
      return "careless";
    }

    @Override
    public String version() {
      return "v2";
    }

    @Override
    public Prediction predict(Record record) {
      return inner.predict(record);
    }

    @Override
    public void close() {}
  }

  static class CarelessModelKit extends ModelContractTest {
    @Override
    protected Model model() {
      return new CarelessModel();
    }

    @Override
    protected List<Record> validRecords() {
      return List.of(Record.of(Map.of("x", 1.0)));
    }
  }

  @Test
  void failsWhereTheContractIsBroken() {
    KitRunner.Result result = KitRunner.run(CarelessModelKit.class);
    assertThat(result.failed()).isEqualTo(2);
    assertThat(result.failures()).anySatisfy(f -> assertThat(f)
        .startsWith("predictionsCarryTheVersionAndFitTheDescriptor()")
        .contains("modelVersion of the prediction").contains("expected: \"v2\"").contains("but was: \"fake\""));
    assertThat(result.failures()).anySatisfy(f -> assertThat(f)
        .startsWith("closeIsIdempotentAndLaterCallsFailAsClosed()")
        .contains("predict after close returned instead of failing with FailureKind.CLOSED"));
  }
}
