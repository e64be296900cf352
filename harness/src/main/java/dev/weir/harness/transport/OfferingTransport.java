package dev.weir.harness.transport;

import dev.weir.harness.trace.Trace;
import java.util.function.Consumer;

/** What every transport answers from its offers: its kind, trace, offers and live count. */
abstract class OfferingTransport implements Transport {

  final Offers offers;

  OfferingTransport(Offers offers) {
    this.offers = offers;
  }

  @Override
  public final String kind() {
    return offers.kind();
  }

  @Override
  public final Trace trace() {
    return offers.trace();
  }

  @Override
  public void offer(String stream, Offer offer, Consumer<Sender> onSubscribe) {
    offers.put(stream, offer, onSubscribe);
  }

  @Override
  public final int openSubscriptions() {
    return offers.live();
  }
}
