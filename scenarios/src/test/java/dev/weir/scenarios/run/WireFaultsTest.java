package dev.weir.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.conformance.Timeline;
import dev.weir.harness.transport.fault.TransportFault;
import dev.weir.scenarios.scenario.TransportFaultSpec;
import dev.weir.scenarios.scenario.TransportFaultSpec.AtMessage;
import dev.weir.scenarios.scenario.TransportFaultSpec.AtTime;
import dev.weir.scenarios.scenario.TransportFaultSpec.ForMessages;
import dev.weir.scenarios.scenario.TransportFaultSpec.ForTime;
import dev.weir.scenarios.scenario.TransportFaultSpec.UntilEnd;
import dev.weir.simulator.pacing.Speed;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Faults a scenario places by virtual time land on the messages sent in that time, at any speed;
 * lengths the wire is held stay real time.
 */
class WireFaultsTest {

  /** 100 messages 1 ms apart from t = 5 ms, played at 20x. */
  private static final Timeline STREAM = stream();

  private static Timeline stream() {
    Payload[] payloads = new Payload[100];
    long[] at = new long[100];
    Arrays.fill(payloads, Payload.json("0"));
    for (int i = 0; i < at.length; i++) {
      at[i] = 5_000_000L + i * 1_000_000L;
    }
    return Timeline.timed(payloads, at, Speed.parse("20x"));
  }

  private static List<TransportFault> faults(TransportFaultSpec... specs) {
    return WireFaults.of(List.of(specs), STREAM, 9).faults();
  }

  @Test
  void timesAndSpansBecomeTheMessagesSentWithinThem() {
    assertEquals(List.of(
            new TransportFault.Drop(10, 40, 0.5),
            new TransportFault.Reorder(20, 25, 4),
            new TransportFault.Duplicate(0, Long.MAX_VALUE, 0.1),
            new TransportFault.SlowConsumer(50, 53, Duration.ofMillis(2))),
        faults(
            new TransportFaultSpec(new AtTime(15_000_000L),
                new TransportFaultSpec.Drop(new ForTime(30_000_000L), 0.5)),
            new TransportFaultSpec(new AtMessage(20),
                new TransportFaultSpec.Reorder(new ForTime(4_500_000L), 4)),
            new TransportFaultSpec(new AtTime(0),
                new TransportFaultSpec.Duplicate(new UntilEnd(), 0.1)),
            new TransportFaultSpec(new AtMessage(50),
                new TransportFaultSpec.SlowConsumer(new ForMessages(3), 2_000_000L))));
  }

  @Test
  void heldLengthsStayRealTimeAndAFaultPastTheEndStartsAfterTheLastMessage() {
    assertEquals(List.of(
            new TransportFault.Disconnect(30, Duration.ofMillis(1500)),
            new TransportFault.Stall(100, Duration.ofMillis(300))),
        faults(
            new TransportFaultSpec(new AtTime(35_000_000L),
                new TransportFaultSpec.Disconnect(1_500_000_000L)),
            new TransportFaultSpec(new AtTime(1_000_000_000L),
                new TransportFaultSpec.Stall(300_000_000L))));
  }
}
