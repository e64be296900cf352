package dev.weir.harness.check;

import static dev.weir.harness.check.OrderingDefect.ALLOWED_LOST;
import static dev.weir.harness.check.OrderingDefect.DUPLICATE;
import static dev.weir.harness.check.OrderingDefect.LOST;
import static dev.weir.harness.check.OrderingDefect.OUT_OF_ORDER;
import static dev.weir.harness.check.OrderingDefect.PHANTOM;
import static dev.weir.harness.check.OrderingDefect.RESENT;
import static dev.weir.harness.check.OrderingDefect.STALL;
import static dev.weir.harness.check.SequenceLedger.ARRIVED;
import static dev.weir.harness.check.SequenceLedger.DROPPED;
import static dev.weir.harness.check.SequenceLedger.DUPLICATED;
import static dev.weir.harness.check.SequenceLedger.FLAGGED;
import static dev.weir.harness.check.SequenceLedger.SENT;

/**
 * One stream's side of the ordering check: what became of each sequence, matched by number whatever
 * order the trace recorded sends, arrivals and drops in, and however far apart. Each event is
 * judged as it comes (out of order, duplicate, resent, stall); what never happened (lost, phantom)
 * is judged at the end of the trace. The states live in a {@link SequenceLedger}.
 *
 * <p>A message counts as fine when it has been both sent and arrived with nothing found wrong; a
 * later copy of it takes that back.
 */
final class StreamOrder {

  private final String stream;
  private final long stallNs;
  private final OrderingTally tally;
  private final PageTimes page;
  private final SequenceLedger ledger = new SequenceLedger();

  StreamOrder(String stream, long stallNs, OrderingTally tally, PageTimes page) {
    this.stream = stream;
    this.stallNs = stallNs;
    this.tally = tally;
    this.page = page;
    tally.countStream();
  }

  /** A send of {@code sequence} at event {@code at}. */
  void sent(long sequence, long at, long wallNs) {
    tally.countSend();
    byte f = ledger.load(sequence, true);
    if ((f & SENT) != 0) {
      tally.found(RESENT, stream, sequence, at, 0, false, 0);
      return;
    }
    long index = (f & (DROPPED | ARRIVED)) == DROPPED ? ledger.index() : at;
    if ((f & ARRIVED) != 0) {
      // It arrived before its send was recorded: its wait is known only now.
      if (stalled(sequence, ledger.index(), wallNs, ledger.timeNs(), false)) {
        f |= FLAGGED;
      }
      countIfFine(f);
    }
    ledger.store((byte) (f | SENT), wallNs, index);
  }

  /** An arrival of {@code sequence} at event {@code at}, received at {@code wallNs}. */
  void arrived(long sequence, long at, long wallNs) {
    tally.countArrival();
    long maxArrived = ledger.maxArrived();
    byte f = ledger.load(sequence, false);
    if ((f & ARRIVED) != 0) {
      if ((f & DUPLICATED) == 0) {
        if ((f & (SENT | FLAGGED)) == SENT) {
          tally.uncountOk(); // it had counted as fine
        }
        tally.found(DUPLICATE, stream, sequence, at, 0, false, 0);
        ledger.store((byte) (f | DUPLICATED | FLAGGED));
      }
      return;
    }
    f |= ARRIVED;
    if (sequence < maxArrived) {
      f |= FLAGGED;
      tally.found(OUT_OF_ORDER, stream, sequence, at, maxArrived, false, 0);
    }
    if ((f & SENT) == 0) {
      ledger.store(f, wallNs, at);
      return;
    }
    if (stalled(sequence, at, ledger.timeNs(), wallNs, false)) {
      f |= FLAGGED;
    }
    countIfFine(f);
    ledger.store(f);
  }

  /** A drop of {@code sequence} at event {@code at}: if it never arrives, the loss is allowed. */
  void dropped(long sequence, long at) {
    byte f = ledger.load(sequence, false);
    if ((f & ARRIVED) == 0) {
      ledger.store((byte) (f | DROPPED), ledger.timeNs(), at);
    } else {
      ledger.store((byte) (f | DROPPED));
    }
  }

  /** Judges what never happened, at the trace's last time {@code endNs}. */
  void finish(long endNs) {
    ledger.startWalk();
    for (byte f = ledger.nextOutstanding(); f != 0; f = ledger.nextOutstanding()) {
      long sequence = ledger.sequence();
      long index = ledger.index();
      if ((f & SENT) != 0) {
        if ((f & DROPPED) != 0) {
          tally.found(ALLOWED_LOST, stream, sequence, index, 0, false, 0);
        } else {
          tally.found(LOST, stream, sequence, index, 0, false, 0);
          stalled(sequence, index, ledger.timeNs(), endNs, true);
        }
      } else if ((f & ARRIVED) != 0) {
        tally.found(PHANTOM, stream, sequence, index, 0, false, 0);
      }
    }
  }

  /** A message just sent and arrived counts as fine if nothing was found wrong with it. */
  private void countIfFine(byte f) {
    if ((f & FLAGGED) == 0) {
      tally.countOk();
    }
  }

  /**
   * The one place a wait is judged: records it, and true (with a finding named by event {@code at})
   * if it is over the bound plus what the page's times allow. The arrival is the page's time,
   * converted: it may be off by the page clock's bound; and while the page's event loop was held
   * the message could not be taken, so the held time in between is allowed, not blamed.
   *
   * @param at the event the finding names: the arrival, or the send of a message that never arrived
   * @param neverArrived the wait ran to the end of the trace
   */
  private boolean stalled(
      long sequence, long at, long sentNs, long arrivedNs, boolean neverArrived) {
    long waitNs = arrivedNs - sentNs;
    tally.waited(stream, sequence, waitNs);
    if (waitNs <= stallNs) {
      return false;
    }
    long allowedNs = neverArrived ? 0 : Units.plus(page.boundAt(at), page.heldNs(sentNs, arrivedNs));
    if (waitNs <= Units.plus(stallNs, allowedNs)) {
      tally.countHeldPast();
      return false;
    }
    tally.found(STALL, stream, sequence, at, waitNs, neverArrived, allowedNs);
    return true;
  }
}
