package dev.mlops.onnx;

import dev.mlops.core.model.ElementType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The declared type of one model input or output.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the input or output name
 * @param kind tensor, sequence of maps, ...
 * @param elementType the tensor's element type; for a sequence of maps the map's value type
 * @param keyType the map key type for {@link ValueKind#SEQUENCE_OF_MAPS} and {@link ValueKind#MAP}
 * @param shape the tensor's dimensions (empty for a scalar or a non-tensor)
 */
public record TensorInfo(
    String name,
    ValueKind kind,
    ElementType elementType,
    Optional<ElementType> keyType,
    List<Dimension> shape) {

  /** Copies the shape and checks arguments. */
  public TensorInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(elementType, "elementType");
    Objects.requireNonNull(keyType, "keyType");
    shape = List.copyOf(shape);
  }

  /** A tensor of the given element type and shape. */
  public static TensorInfo tensor(String name, ElementType type, List<Dimension> shape) {
    return new TensorInfo(name, ValueKind.TENSOR, type, Optional.empty(), shape);
  }

  /** Returns the shape as text, e.g. {@code [N, 30]}. */
  public String shapeText() {
    return shape.stream().map(Dimension::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Returns the type as text, e.g. {@code tensor(float)[N, 30]} or
   * {@code seq(map(int64, float))}.
   */
  public String typeText() {
    String elem = elementType.name().toLowerCase(java.util.Locale.ROOT);
    String key = keyType.map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).orElse("?");
    return switch (kind) {
      case TENSOR -> "tensor(" + elem + ")" + shapeText();
      case SEQUENCE_OF_MAPS -> "seq(map(" + key + ", " + elem + "))";
      case MAP -> "map(" + key + ", " + elem + ")";
      case SEQUENCE -> "seq(" + elem + ")";
      case OTHER -> "other";
    };
  }
}
