package io.fulcrum.bench;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.OrderId;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import io.fulcrum.venue.Venue;
import java.util.List;

/**
 * Replays an {@link OrderStream} through a whole {@link Venue}: an {@link OrderBook} market,
 * cross margin, 2 bps / 5 bps flat fees, no journal. Every operation becomes a command, so it
 * pays for what the kernel adds around the book: validation, the pre-trade margin check,
 * settlement of both sides of each fill, fees and events.
 *
 * <p>The accounts hold 10 billion USDC each, so no order is ever refused for margin however far
 * the positions drift over a long run, and the order ids the venue assigns are exactly the
 * stream's numbers plus a segment offset. Any command that is not accepted means the stream and
 * the venue are out of step, and throws.
 *
 * <p>Example: {@code new KernelReplay(stream).replaySegment()} returns {@code stream.tradeCount()}.
 */
public final class KernelReplay {
    private static final AssetSpec USDC = OrderStream.MARKET.settlement();
    private static final String FEED = "BTC-USD";
    private static final long COLLATERAL = USDC.toUnits("10000000000");

    private final OrderStream stream;
    private final Venue venue;
    private final AccountId[] accounts;
    private long nextCommand = 1;
    /** The command clock: one millisecond per command, so time never goes back. */
    private long time = 1;
    private long orderIdBase;

    /** A fresh venue with the stream's accounts funded and the index published, ready to replay {@code stream}. */
    public KernelReplay(OrderStream stream) {
        this.stream = stream;
        this.venue = Venue.builder()
                .settlementAsset(USDC)
                // The index never goes stale: the stream publishes no prices after the first.
                .market(OrderStream.MARKET, OrderBook::new, PushedPriceSource.of(FEED, Long.MAX_VALUE))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(200, 500))
                .build();
        this.accounts = new AccountId[stream.accounts()];
        for (int a = 0; a < accounts.length; a++) {
            accounts[a] = AccountId.main(a + 1);
            accept(new Command.OpenAccount(nextId(), time, accounts[a]));
            accept(new Command.Deposit(nextId(), time, accounts[a], USDC.id(), COLLATERAL));
        }
        accept(new Command.PublishPrice(nextId(), time, FEED, OrderStream.MID, 0));
    }

    /** Applies operation {@code i} of the current segment as a command and returns the number of fills it made. */
    public int apply(int i) {
        time++;
        AccountId account = accounts[stream.account(i)];
        Command command;
        if (stream.isCancel(i)) {
            command = new Command.CancelOrder(nextId(), time, account, OrderStream.MARKET.id(),
                    OrderId.of(orderIdBase + stream.order(i)));
        } else {
            command = new Command.PlaceOrder(nextId(), time, account, OrderStream.MARKET.id(), stream.side(i),
                    stream.price(i), stream.size(i), stream.timeInForce(i));
        }
        List<Event> events = accept(command).events();
        int fills = 0;
        for (int e = 0; e < events.size(); e++) {
            if (events.get(e) instanceof Event.Trade) {
                fills++;
            }
        }
        return fills;
    }

    /** Moves on to the next segment: the venue numbers its orders on from the last segment's. */
    public void nextSegment() {
        orderIdBase += stream.placeCount();
    }

    /** Applies every operation of one segment, then moves on; returns the number of fills. */
    public int replaySegment() {
        int fills = 0;
        for (int i = 0; i < stream.size(); i++) {
            fills += apply(i);
        }
        nextSegment();
        return fills;
    }

    /** The venue, to inspect. */
    public Venue venue() {
        return venue;
    }

    private CommandResult accept(Command command) {
        CommandResult result = venue.apply(command);
        if (!result.isAccepted()) {
            throw new IllegalStateException("the venue refused " + command + ": " + result.reason() + ": "
                    + result.message());
        }
        return result;
    }

    private CommandId nextId() {
        return CommandId.of(nextCommand++);
    }
}
