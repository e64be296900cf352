package dev.weir.scenarios.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so {@code weir --version} needs no separate bookkeeping. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = WeirCli.class.getPackage().getImplementationVersion();
    return new String[] {"weir " + (v == null ? "(development build)" : v),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
  }
}
