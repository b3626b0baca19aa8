package dev.mlops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelInferenceExceptionTest {

  @Test
  void theOldConstructorMeansAnEngineFailure() {
    ModelInferenceException e = new ModelInferenceException(
        "churn", "age", "a number", "String 'x'", "wrong type", null);
    assertThat(e.kind()).isEqualTo(FailureKind.ENGINE);
  }

  @Test
  void kindIsKeptAndTheMessageUnchanged() {
    ModelInferenceException e = new ModelInferenceException(FailureKind.INVALID_INPUT,
        "churn", "age", "a number", "String 'x'", "wrong type", null);
    assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
    assertThat(e).hasMessage(
        "model 'churn', input 'age': wrong type (expected a number, actual String 'x')");
  }

  @Test
  void kindIsRequired() {
    assertThatThrownBy(() -> new ModelInferenceException(null, "m", null, null, null, "p", null))
        .isInstanceOf(NullPointerException.class).hasMessage("kind");
  }
}
