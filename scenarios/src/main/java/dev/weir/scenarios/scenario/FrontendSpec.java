package dev.weir.scenarios.scenario;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The page under test: {@code frontend: {dir, config}}.
 *
 * @param dir an absolute folder holding an {@code index.html}; empty for the bundled reference
 *     frontend
 * @param config what the page is told through its URL
 */
public record FrontendSpec(Optional<Path> dir, FrontendConfig config) {

  /** The bundled reference with its defaults. */
  public static final FrontendSpec REFERENCE = new FrontendSpec(Optional.empty(), FrontendConfig.NONE);
}
