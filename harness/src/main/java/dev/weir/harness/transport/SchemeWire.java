package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One streamed response: each message becomes a frame (4-byte big-endian payload length, 1 byte
 * kind: 0 JSON, 1 raw, 8-byte big-endian sequence, then the payload) that CEF reads as the
 * response body, which the page reads with {@code fetch} and a {@code ReadableStream}.
 */
final class SchemeWire implements TransportWire {

  /** Bytes before each frame's payload. */
  static final int HEADER = 13;

  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
  private final Runnable onEnd;
  private final Runnable onAbort;
  private volatile boolean open = true;

  /**
   * @param onEnd run once when the stream has ended, from either side
   * @param onAbort run when the page stops reading (it aborted, or went away) while still open
   */
  SchemeWire(Runnable onEnd, Runnable onAbort) {
    this.onEnd = onEnd;
    this.onAbort = onAbort;
  }

  @Override
  public void send(long sequence, Payload message) {
    if (!open) {
      throw new IllegalStateException("the stream is closed");
    }
    frames.add(frame(sequence, message));
  }

  private static byte[] frame(long sequence, Payload message) {
    boolean json = message instanceof Payload.Json;
    byte[] payload =
        json
            ? ((Payload.Json) message).text().getBytes(StandardCharsets.UTF_8)
            : ((Payload.Bytes) message).bytes();
    return ByteBuffer.allocate(HEADER + payload.length)
        .putInt(payload.length)
        .put((byte) (json ? 0 : 1))
        .putLong(sequence)
        .put(payload)
        .array();
  }

  /** Ends the response body: the page's reader sees the stream end. */
  @Override
  public void close() {
    end();
  }

  private void end() {
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false;
      frames.add(END); // ends the body, or wakes a read blocked in take()
    }
    onEnd.run(); // outside the lock: it wakes producers that may hold a window's lock
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** The page aborted: the body ends and the subscription with it. */
  @Override
  public void detach() {
    end();
  }

  /** The response body; closing it (the page aborted or went away) ends the subscription. */
  InputStream body() {
    return new InputStream() {
      private byte[] frame;
      private int offset;
      private boolean ended;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      /** Blocks for the first frame only, then adds whatever else is already queued. */
      @Override
      public int read(byte[] into, int off, int len) throws IOException {
        int copied = 0;
        while (copied < len && !ended) {
          if (frame == null || offset == frame.length) {
            frame = copied == 0 ? take() : frames.poll();
            offset = 0;
            if (frame == null) {
              break;
            }
            if (frame == END) {
              ended = true;
              break;
            }
          }
          int n = Math.min(len - copied, frame.length - offset);
          System.arraycopy(frame, offset, into, off + copied, n);
          offset += n;
          copied += n;
        }
        return copied == 0 && ended ? -1 : copied;
      }

      private byte[] take() throws IOException {
        try {
          return frames.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for the next message");
        }
      }

      @Override
      public void close() {
        if (open) {
          onAbort.run();
        }
      }
    };
  }
}
