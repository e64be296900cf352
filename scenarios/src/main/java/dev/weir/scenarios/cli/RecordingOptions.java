package dev.weir.scenarios.cli;

import dev.weir.simulator.codec.ReadingEncoding;
import dev.weir.simulator.mcap.Compression;
import dev.weir.simulator.recording.RecordingWriter;
import dev.weir.simulator.recording.RunInfo;
import dev.weir.simulator.recording.SensorInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** How a command writes an MCAP recording: message encoding and chunk compression. */
final class RecordingOptions {

  /** The message encodings as users spell them. */
  enum Encoding {
    json(ReadingEncoding.JSON), binary(ReadingEncoding.BINARY);

    final ReadingEncoding encoding;

    Encoding(ReadingEncoding encoding) {
      this.encoding = encoding;
    }
  }

  /** The chunk compressions as users spell them. */
  enum Compress {
    zstd(Compression.ZSTD), lz4(Compression.LZ4), none(Compression.NONE);

    final Compression compression;

    Compress(Compression compression) {
      this.compression = compression;
    }
  }

  @Option(names = "--encoding", paramLabel = "json|binary", defaultValue = "json",
      description = "Message encoding of the recording: json (readable by Foxglove and other tools) or binary "
          + "(compact, fast). Default: ${DEFAULT-VALUE}.")
  Encoding encoding;

  @Option(names = "--compression", paramLabel = "zstd|lz4|none", defaultValue = "zstd",
      description = "Chunk compression. Default: ${DEFAULT-VALUE}.")
  Compress compression;

  RecordingWriter create(Path target, List<SensorInfo> sensors, RunInfo run) throws IOException {
    return RecordingWriter.create(target, encoding.encoding, compression.compression, sensors, run);
  }
}
