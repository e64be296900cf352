package dev.weir.simulator.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file written under a hidden temporary name beside its target and renamed onto it only when
 * complete.
 *
 * <p>Readers of the target see the old file or the whole new one, never a prefix: {@link #commit()}
 * forces the bytes to storage and renames atomically; {@link #abort()} deletes the temporary file
 * and leaves the target as it was. A crash between the two leaves only a dot-file ending in
 * {@code .tmp}, never mistaken for a recording.
 */
public final class AtomicFile {

  private static final AtomicLong COUNTER = new AtomicLong();

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private boolean open = true;

  private AtomicFile(Path target, Path temp, FileChannel channel) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
  }

  /**
   * Starts writing {@code target}, creating missing parent directories; nothing appears at the
   * target until {@link #commit()}.
   */
  public static AtomicFile create(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    // Not Files.createTempFile: its owner-only permissions would stick to the committed file, which
    // should get the usual permissions (umask) like any file the user writes.
    for (int attempt = 0; ; attempt++) {
      Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
          + COUNTER.incrementAndGet() + ".tmp");
      try {
        return new AtomicFile(absolute, temp,
            FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW));
      } catch (FileAlreadyExistsException stale) {
        if (attempt == 100) {
          throw stale;
        }
      }
    }
  }

  /** What fills a file written whole by {@link #write(Path, Content)}. */
  @FunctionalInterface
  public interface Content {
    /** Writes the file's bytes into {@code out}, without closing it. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} whole in one call: {@code content} fills a temporary file, which is then
   * committed; if {@code content} or the commit fails, it is aborted and the target left as it was.
   */
  public static void write(Path target, Content content) throws IOException {
    AtomicFile file = create(target);
    try {
      content.writeTo(Channels.newOutputStream(file.channel()));
      file.commit();
    } catch (IOException | RuntimeException e) {
      file.abort();
      throw e;
    }
  }

  /** The temporary file's channel, positioned at its start. */
  public FileChannel channel() {
    return channel;
  }

  /** A UTF-8 writer on {@link #channel()}; flush it before {@link #commit()}. */
  public Writer utf8Writer() {
    return Channels.newWriter(channel, StandardCharsets.UTF_8);
  }

  /** The path the file will have. */
  public Path target() {
    return target;
  }

  /** Forces the bytes to storage and renames the file onto its target; aborts and rethrows on failure. */
  public void commit() throws IOException {
    if (!open) {
      throw new IllegalStateException("file for " + target + " was already committed or aborted");
    }
    try {
      channel.force(true);
      channel.close();
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      open = false;
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** Deletes what was written; the target is left as it was. Safe to call more than once. */
  public void abort() {
    open = false;
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing only releases the descriptor; the file is deleted next either way.
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // Nothing more can be done; the temporary name is hidden and never mistaken for a complete file.
    }
  }
}
