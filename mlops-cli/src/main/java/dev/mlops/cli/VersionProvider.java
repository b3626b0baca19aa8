package dev.mlops.cli;

import picocli.CommandLine;

/** Prints the SDK version recorded in the jar manifest, or in the build's properties. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "mlops " + CliVersion.get(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
