package dev.weir.harness.transport;

import dev.weir.harness.browser.PageClock;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A page's report of messages by sequence, timed by the page: the transports' JS halves report
 * deliveries this way, and the frontend probe what it consumed. Its form is {@code
 * weir.report('weir-deliveries/<transport>', {transport, stream, origin, now, d: [sequence, time,
 * sequence, time, ...]})}, times in the page's {@code performance.now()} milliseconds, {@code
 * origin} its document's {@code performance.timeOrigin}. A delivery's time is its page time on
 * Java's clock by the page's {@link PageClock}, which the report's send and arrival also sample:
 * the report's own trip, which a busy renderer can stretch to tens of milliseconds, does not make
 * deliveries look later.
 */
public record DeliveryReport(
    String transport, String stream, double origin, double now, double[] pairs) {

  /**
   * The report kind on the bridge for {@code transport}'s reports: one kind per transport, so a
   * page's listeners pick their own reports out by name and parse only those.
   */
  public static String kind(String transport) {
    return "weir-deliveries/" + transport;
  }

  private static final JsonFactory FACTORY = new JsonFactory();

  /** Receives one delivery. */
  @FunctionalInterface
  public interface Listener {
    /** @param deliveredNanos when the page had it, on Java's clock ({@link System#nanoTime()}) */
    void delivered(String stream, long sequence, long deliveredNanos);
  }

  /** @throws IllegalArgumentException when {@code json} is not a delivery report */
  public static DeliveryReport parse(String json) {
    String transport = null;
    String stream = null;
    double origin = Double.NaN;
    double now = Double.NaN;
    double[] pairs = null;
    try (JsonParser parser = FACTORY.createParser(json)) {
      expect(parser.nextToken() == JsonToken.START_OBJECT, json);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "transport" -> transport = parser.getText();
          case "stream" -> stream = parser.getText();
          case "origin" -> origin = parser.getValueAsDouble();
          case "now" -> now = parser.getValueAsDouble();
          case "d" -> pairs = numbers(parser, json);
          default -> parser.skipChildren();
        }
        expect(value != null, json);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Malformed delivery report from the page: " + json, e);
    }
    expect(transport != null && stream != null && !Double.isNaN(origin) && !Double.isNaN(now)
        && pairs != null && pairs.length % 2 == 0, json);
    return new DeliveryReport(transport, stream, origin, now, pairs);
  }

  private static double[] numbers(JsonParser parser, String json) throws IOException {
    expect(parser.currentToken() == JsonToken.START_ARRAY, json);
    double[] out = new double[64];
    int n = 0;
    for (JsonToken t; (t = parser.nextToken()) != JsonToken.END_ARRAY; ) {
      expect(t != null && t.isNumeric(), json);
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = parser.getValueAsDouble();
    }
    return Arrays.copyOf(out, n);
  }

  private static void expect(boolean ok, String json) {
    if (!ok) {
      throw new IllegalArgumentException(
          "expected a delivery report {transport, stream, origin, now, d: [sequence, time, ...]}, got "
              + (json.length() <= 120 ? json : json.substring(0, 117) + "..."));
    }
  }

  /**
   * Hands each delivery to {@code listener}, timed on Java's clock: the report arrived at {@code
   * arrivalNanos}, which samples {@code clock}, and the clock places the page's times. The clock is
   * held still meanwhile, so what the listener records is covered by the bound it last told.
   */
  public void deliver(long arrivalNanos, PageClock clock, Listener listener) {
    clock.holding(() -> {
      clock.heard(origin, now, arrivalNanos);
      for (int i = 0; i < pairs.length; i += 2) {
        listener.delivered(stream, (long) pairs[i], clock.nanoTimeOf(origin, pairs[i + 1]));
      }
    });
  }
}
