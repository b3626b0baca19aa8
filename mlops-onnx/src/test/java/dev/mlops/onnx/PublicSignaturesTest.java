package dev.mlops.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No ONNX Runtime type appears in a public signature of the adapter. */
class PublicSignaturesTest {
  private static final List<Class<?>> PUBLIC_TYPES = List.of(OnnxModel.class,
      OnnxModelOptions.class, OnnxModelOptions.Builder.class, FeatureMapping.class, Tensor.class,
      ExecutionProvider.class, GraphOptimization.class);

  @Test
  void publicSignaturesUseNoOnnxRuntimeType() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : PUBLIC_TYPES) {
      List<Executable> members = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
      members.addAll(Arrays.asList(type.getDeclaredConstructors()));
      for (Executable m : members) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        String signature = m.toGenericString();
        if (signature.contains("ai.onnxruntime")) {
          leaks.add(signature);
        }
      }
      Arrays.stream(type.getFields()).map(f -> f.toGenericString())
          .filter(s -> s.contains("ai.onnxruntime")).forEach(leaks::add);
    }
    assertThat(leaks).isEmpty();
    assertThat(PUBLIC_TYPES).allSatisfy(t -> assertThat(Modifier.isPublic(t.getModifiers())).isTrue());
  }
}
