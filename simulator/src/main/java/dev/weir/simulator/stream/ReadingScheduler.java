package dev.weir.simulator.stream;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The discrete-event scheduler: merges per-sensor reading sequences into one, ordered by
 * (emission time, sensor id). Within a sensor the sequence is already in (time, index, copy)
 * order, so ties never need more keys. Each sensor is a cursor in a priority queue keyed by its
 * next reading; popping the least and re-inserting it costs O(log sensors) per reading.
 */
final class ReadingScheduler implements Iterator<Reading> {

  private static final Comparator<Cursor> ORDER =
      Comparator.<Cursor>comparingLong(c -> c.head.timeNs()).thenComparing(c -> c.head.sensor());

  private final PriorityQueue<Cursor> queue = new PriorityQueue<>(ORDER);
  private final VirtualClock clock;

  ReadingScheduler(List<Iterator<Reading>> sensors, VirtualClock clock) {
    this.clock = clock;
    for (Iterator<Reading> sensor : sensors) {
      if (sensor.hasNext()) {
        queue.add(new Cursor(sensor, sensor.next()));
      }
    }
  }

  @Override
  public boolean hasNext() {
    return !queue.isEmpty();
  }

  @Override
  public Reading next() {
    Cursor cursor = queue.poll();
    if (cursor == null) {
      throw new NoSuchElementException("the simulation has no more readings");
    }
    Reading reading = cursor.head;
    clock.advanceTo(reading.timeNs());
    if (cursor.rest.hasNext()) {
      cursor.head = cursor.rest.next();
      queue.add(cursor);
    }
    return reading;
  }

  private static final class Cursor {
    final Iterator<Reading> rest;
    Reading head;

    Cursor(Iterator<Reading> rest, Reading head) {
      this.rest = rest;
      this.head = head;
    }
  }
}
