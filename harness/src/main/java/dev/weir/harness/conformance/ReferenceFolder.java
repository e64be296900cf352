package dev.weir.harness.conformance;

import dev.weir.simulator.io.AtomicFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the bundled reference frontend is: the repository's folder when weir runs from a checkout,
 * else the copy the harness jar carries, unpacked once into {@code ~/.cache/weir/reference/<hash>}
 * (a folder per content, so two weir versions never share one). A page is served from a folder,
 * which a jar entry is not: hence the copy.
 */
final class ReferenceFolder {

  private ReferenceFolder() {}

  /** The checkout's reference when there is one up the tree, else the class path's. */
  static Path find() {
    return Frontend.findBundled(Frontend.REFERENCE).orElseGet(ReferenceFolder::fromClassPath);
  }

  /** The reference in the class path: its folder when it is one, else unpacked from the jar. */
  static Path fromClassPath() {
    URL index = ReferenceFolder.class.getResource("reference/index.html");
    if (index == null) {
      throw new IllegalStateException("No reference frontend: not in a weir checkout (looked for "
          + Frontend.REFERENCE + " from " + Path.of("").toAbsolutePath() + " up) nor in the class path");
    }
    try {
      URI uri = index.toURI();
      if (uri.getScheme().equals("file")) {
        return Path.of(uri).getParent();
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return unpack(jar.provider().getPath(uri).getParent(),
            Path.of(System.getProperty("user.home"), ".cache", "weir", "reference"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack the reference frontend: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Copies the folder {@code source} (in any file system) into {@code cache/<sha-256 of its
   * files>}, unless that is there already; a copy appears whole or not at all (it is made under a
   * temporary name and renamed).
   */
  static Path unpack(Path source, Path cache) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
    }
    MessageDigest sha = sha256();
    for (Path file : files) {
      sha.update(source.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(file));
    }
    Path target = cache.resolve(HexFormat.of().formatHex(sha.digest()).substring(0, 16));
    if (Files.isRegularFile(target.resolve("index.html"))) {
      return target;
    }
    Files.createDirectories(cache);
    Path building = Files.createTempDirectory(cache, ".unpacking-");
    try {
      for (Path file : files) {
        Path copy = building.resolve(source.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
      Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      // Another process unpacked the same content first: theirs is as good.
    } finally {
      AtomicFolder.delete(building); // nothing left once moved
    }
    return target;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
