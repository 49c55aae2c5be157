package io.fulcrum.orderbook;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.MatchSink;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MatchSink} that writes down every callback in order, and accepts every fill except
 * those its veto rule refuses (as a venue's post-trade margin check would).
 */
final class RecordingSink implements MatchSink {
    /** Decides which potential fills the venue refuses. */
    @FunctionalInterface
    interface Veto {
        boolean refuses(long makerOrderId, long takerOrderId);
    }

    /** Decides how the venue answers an auction cross: {@link MatchSink#CROSS} or a {@code REMOVE_*}. */
    @FunctionalInterface
    interface CrossAnswer {
        int answer(long buyOrderId, long sellOrderId);
    }

    /** A callback the engine made. */
    sealed interface Event permits Match, Rested, Reduced, Replenished, Cross {}

    /** An {@link MatchSink#onCross} call, whatever the sink answered. */
    record Cross(long buy, long sell, long price, long quantity) implements Event {}

    /** An {@link MatchSink#onMatch} call, whatever the sink answered. */
    record Match(long maker, long makerOwner, long taker, long price, long quantity) implements Event {}

    /** An {@link MatchSink#onRested} call. */
    record Rested(long orderId, Side side, long price, long openSize) implements Event {}

    /** An {@link MatchSink#onReduced} call. */
    record Reduced(long orderId, long reducedBy, long openSize, CancelReason reason) implements Event {}

    /** An {@link MatchSink#onReplenished} call. */
    record Replenished(long orderId, long price, long visibleSize) implements Event {}

    private final Veto veto;
    private CrossAnswer crossAnswer = (buy, sell) -> CROSS;
    private final List<Event> events = new ArrayList<>();

    RecordingSink() {
        this((maker, taker) -> false);
    }

    RecordingSink(Veto veto) {
        this.veto = veto;
    }

    /** A sink that refuses every fill against the makers {@code makerOrderIds}. */
    static RecordingSink vetoing(long... makerOrderIds) {
        return new RecordingSink((maker, taker) -> {
            for (long id : makerOrderIds) {
                if (id == maker) {
                    return true;
                }
            }
            return false;
        });
    }

    @Override
    public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
        events.add(new Match(makerOrderId, makerOwner, takerOrderId, price, quantity));
        return !veto.refuses(makerOrderId, takerOrderId);
    }

    @Override
    public void onRested(long orderId, Side side, long price, long openSize) {
        events.add(new Rested(orderId, side, price, openSize));
    }

    @Override
    public void onReduced(long orderId, long reducedBy, long openSize, CancelReason reason) {
        events.add(new Reduced(orderId, reducedBy, openSize, reason));
    }

    @Override
    public void onReplenished(long orderId, long price, long visibleSize) {
        events.add(new Replenished(orderId, price, visibleSize));
    }

    /** Answers auction crosses with {@code answer} from now on. */
    RecordingSink answeringCrosses(CrossAnswer answer) {
        this.crossAnswer = answer;
        return this;
    }

    @Override
    public int onCross(long buyOrderId, long sellOrderId, long price, long quantity) {
        events.add(new Cross(buyOrderId, sellOrderId, price, quantity));
        return crossAnswer.answer(buyOrderId, sellOrderId);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }
}
