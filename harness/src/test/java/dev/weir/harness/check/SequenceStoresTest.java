package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ordering checker's primitive stores against java.util's: random operations, seeded, the same
 * answers. (The checker itself is compared with a model in {@link OrderingPropertyTest}.)
 */
class SequenceStoresTest {

  @Test
  void aTableAnswersAsAHashMapDoesThroughPutsAndRemovesThatShiftOthersBack() {
    SplittableRandom random = new SplittableRandom(1);
    SequenceTable table = new SequenceTable();
    Map<Long, Long> expected = new HashMap<>();
    for (int op = 0; op < 200_000; op++) {
      long sequence = random.nextInt(4) == 0 ? random.nextLong(1L << 50) : random.nextLong(2_000);
      int slot = table.slotOf(sequence);
      assertEquals(expected.containsKey(sequence), slot >= 0, "op " + op);
      if (slot >= 0) {
        assertEquals(expected.get(sequence), table.index(slot));
        assertEquals((byte) (long) expected.get(sequence), table.flags(slot));
        assertEquals(-expected.get(sequence), table.timeNs(slot));
      }
      if (slot >= 0 && random.nextBoolean()) {
        table.removeAt(slot);
        expected.remove(sequence);
      } else {
        long value = random.nextLong(100);
        table.put(sequence, (byte) value, -value, value);
        expected.put(sequence, value);
      }
      assertEquals(expected.size(), table.size());
    }
    int held = 0;
    for (int s = 0; s < table.capacity(); s++) {
      if (table.held(s)) {
        held++;
        assertEquals(expected.get(table.sequence(s)), table.index(s));
      }
    }
    assertEquals(expected.size(), held);
  }

  @Test
  void runsAnswerAsAPlainArrayThroughAppendsAndChangesFoldedIn() {
    SplittableRandom random = new SplittableRandom(2);
    SettledRuns runs = new SettledRuns();
    byte[] expected = new byte[100_000];
    int settled = 0;
    for (int op = 0; op < 200_000; op++) {
      if (settled < expected.length && (settled == 0 || random.nextInt(3) > 0)) {
        byte state = random.nextInt(8) == 0 ? (byte) random.nextInt(4) : 3;
        runs.append(settled, state);
        for (int n = random.nextInt(20); n >= 0 && settled < expected.length; n--) {
          expected[settled++] = state; // appended runs extend until the next append
        }
      } else {
        int sequence = random.nextInt(settled);
        byte state = (byte) random.nextInt(32);
        runs.change(sequence, state);
        expected[sequence] = state;
      }
      int probe = random.nextInt(settled);
      assertEquals(expected[probe], runs.state(probe), "op " + op + ", sequence " + probe);
    }
    for (int sequence = 0; sequence < settled; sequence++) {
      assertEquals(expected[sequence], runs.state(sequence), "sequence " + sequence);
    }
  }

  @Test
  void aHeapGivesSequencesBackLowestFirst() {
    SplittableRandom random = new SplittableRandom(3);
    SequenceHeap heap = new SequenceHeap();
    PriorityQueue<Long> expected = new PriorityQueue<>();
    for (int op = 0; op < 100_000; op++) {
      if (expected.isEmpty() || random.nextInt(3) > 0) {
        long sequence = random.nextLong(1_000);
        heap.push(sequence);
        expected.add(sequence);
      } else {
        assertEquals(expected.peek(), heap.min());
        assertEquals(expected.poll(), heap.pop());
      }
      assertEquals(expected.isEmpty(), heap.isEmpty());
    }
  }
}
