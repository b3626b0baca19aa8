package dev.mlops.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.ValueInfo;
import dev.mlops.core.model.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Translates ONNX Runtime's type descriptions into the SDK's {@link TensorInfo}. */
final class OrtTypes {
  private static final String TENSOR_TYPE_PREFIX = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";

  private OrtTypes() {}

  static TensorInfo describe(NodeInfo node) {
    ValueInfo info = node.getInfo();
    if (info instanceof ai.onnxruntime.TensorInfo t) {
      long[] shape = t.getShape();
      String[] names = t.getDimensionNames();
      List<Dimension> dims = new ArrayList<>();
      for (int i = 0; i < shape.length; i++) {
        String symbol = names != null && i < names.length && names[i] != null ? names[i] : "";
        dims.add(shape[i] >= 0 ? Dimension.of(shape[i]) : Dimension.symbolic(symbol));
      }
      return TensorInfo.tensor(node.getName(), elementType(t.onnxType.name()), dims);
    }
    if (info instanceof SequenceInfo s) {
      if (s.isSequenceOfMaps()) {
        MapInfo m = s.mapInfo;
        return new TensorInfo(node.getName(), ValueKind.SEQUENCE_OF_MAPS, javaType(m.valueType),
            Optional.of(javaType(m.keyType)), List.of());
      }
      return new TensorInfo(node.getName(), ValueKind.SEQUENCE, javaType(s.sequenceType),
          Optional.empty(), List.of());
    }
    if (info instanceof MapInfo m) {
      return new TensorInfo(node.getName(), ValueKind.MAP, javaType(m.valueType),
          Optional.of(javaType(m.keyType)), List.of());
    }
    return new TensorInfo(node.getName(), ValueKind.OTHER, ElementType.UNKNOWN, Optional.empty(),
        List.of());
  }

  private static ElementType elementType(String onnxTypeName) {
    String name = onnxTypeName.startsWith(TENSOR_TYPE_PREFIX)
        ? onnxTypeName.substring(TENSOR_TYPE_PREFIX.length())
        : onnxTypeName;
    for (ElementType t : ElementType.values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return ElementType.UNKNOWN;
  }

  private static ElementType javaType(OnnxJavaType type) {
    return elementType(type.name());
  }
}
