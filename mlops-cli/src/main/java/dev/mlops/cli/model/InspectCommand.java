package dev.mlops.cli.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mlops.onnx.OnnxModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mlops model inspect MODEL.onnx [--format text|json]}: inputs, outputs, types, shapes,
 * opsets, producer, how outputs decode and the derived input spec. Exit 0, or 2 when the file is
 * not a loadable model.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Show an ONNX model's inputs, outputs, types, shapes, opsets, producer and the "
        + "input spec derived from them.")
final class InspectCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { TEXT, JSON }

  @Parameters(index = "0", paramLabel = "MODEL.onnx", description = "The model file.")
  Path modelFile;

  @Option(names = "--format", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (OnnxModel model = OnnxModel.load(modelFile)) {
      if (format == Format.JSON) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println(json.writeValueAsString(ModelDescription.toMap(model)));
      } else {
        ModelDescription.printText(model, out);
      }
    }
    out.flush();
    return 0;
  }
}
