package io.fulcrum.bench;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.orderbook.OrderBook;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic stream of order-book operations from a few accounts, built from a seed:
 * passive limit orders that rest, crossing orders that trade (immediate-or-cancel or
 * good-till-cancelled), and cancels of orders that still rest. It is one <em>segment</em> of
 * exactly {@code size()} operations that ends with an empty book (its last operations cancel
 * whatever still rests), so it can be replayed back to back: a replay only has to shift order
 * ids by {@link #placeCount()} per segment.
 *
 * <p>Orders are numbered by the stream: the k-th place of a segment is order {@code k} (from
 * 1), which is also the id a venue assigns when it receives the segment's places in order on an
 * empty venue. A cancel names the number of the order it cancels.
 *
 * <p>Example: {@code OrderStream.generate(42, 4, 1_000)} is 1,000 operations by 4 accounts around
 * 50,000.0 in {@link #MARKET}; generating it again with seed 42 gives the same stream.
 */
public final class OrderStream {
    /** The market the stream trades: BTC-PERP in USDC, tick 0.5, lot 0.001 BTC, 10 % / 5 % margin. */
    public static final MarketSpec MARKET = MarketSpec.builder(MarketId.of("BTC-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(4).priceDecimals(1)
            .tickSize(5).lotSize(10)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000)))
            .build();
    /** The price the stream quotes around, 50,000.0 in price units. */
    public static final long MID = 500_000;

    /** Above this many resting orders the stream cancels instead of placing, to keep the book's depth steady. */
    private static final int MAX_RESTING = 200;
    private static final long TICK = MARKET.tickSize();
    private static final long LOT = MARKET.lotSize();

    private final int accounts;
    private final boolean[] isCancel;
    private final int[] account;
    private final Side[] side;
    private final long[] price;
    private final long[] size;
    private final TimeInForce[] timeInForce;
    private final int[] order;
    private final int placeCount;
    private final int tradeCount;

    private OrderStream(int accounts, List<Op> ops, int tradeCount) {
        this.accounts = accounts;
        int n = ops.size();
        this.isCancel = new boolean[n];
        this.account = new int[n];
        this.side = new Side[n];
        this.price = new long[n];
        this.size = new long[n];
        this.timeInForce = new TimeInForce[n];
        this.order = new int[n];
        int places = 0;
        for (int i = 0; i < n; i++) {
            Op op = ops.get(i);
            isCancel[i] = op.cancel;
            account[i] = op.account;
            side[i] = op.side;
            price[i] = op.price;
            size[i] = op.size;
            timeInForce[i] = op.timeInForce;
            order[i] = op.order;
            if (!op.cancel) {
                places++;
            }
        }
        this.placeCount = places;
        this.tradeCount = tradeCount;
    }

    /**
     * Generates a segment of exactly {@code size} operations by {@code accounts} accounts from
     * {@code seed}, ending with an empty book. About a quarter of the operations are cancels, a
     * third cross the spread and the rest rest passively, 1 to 10 lots each.
     *
     * @throws IllegalArgumentException if {@code size} is below 2 or {@code accounts} below 1
     */
    public static OrderStream generate(long seed, int accounts, int size) {
        if (size < 2 || accounts < 1) {
            throw new IllegalArgumentException("need at least 2 operations and 1 account: " + size + ", " + accounts);
        }
        return new Generator(new SplittableRandom(seed), accounts).run(size);
    }

    /** The number of operations in one segment. */
    public int size() {
        return isCancel.length;
    }

    /** The number of accounts placing orders, numbered from 0. */
    public int accounts() {
        return accounts;
    }

    /** The number of orders one segment places; a replay's order numbers advance by this per segment. */
    public int placeCount() {
        return placeCount;
    }

    /** The number of fills one segment makes against a book that starts empty. */
    public int tradeCount() {
        return tradeCount;
    }

    /** True if operation {@code i} cancels an order; false if it places one. */
    public boolean isCancel(int i) {
        return isCancel[i];
    }

    /** The account (0-based) of operation {@code i}: the placer, or the owner of the cancelled order. */
    public int account(int i) {
        return account[i];
    }

    /** The side of place {@code i}. */
    public Side side(int i) {
        return side[i];
    }

    /** The limit price of place {@code i}, price units. */
    public long price(int i) {
        return price[i];
    }

    /** The size of place {@code i}, size units. */
    public long size(int i) {
        return size[i];
    }

    /** The time in force of place {@code i}. */
    public TimeInForce timeInForce(int i) {
        return timeInForce[i];
    }

    /** The segment's number (from 1) of the order operation {@code i} places or cancels. */
    public int order(int i) {
        return order[i];
    }

    private record Op(boolean cancel, int account, Side side, long price, long size, TimeInForce timeInForce,
            int order) {}

    /** Draws operations and plays them on a scratch book, so every cancel names an order that rests. */
    private static final class Generator implements MatchSink {
        private final SplittableRandom random;
        private final int accounts;
        private final OrderBook book = new OrderBook(MARKET);
        /** Orders placed that may still rest; filled ones are dropped by {@link #prune()}. */
        private final List<Integer> resting = new ArrayList<>();
        private final List<Op> ops = new ArrayList<>();
        /** The account of each order, by order number − 1: a cancel is sent by the order's owner. */
        private final List<Integer> owners = new ArrayList<>();
        private int nextOrder = 1;
        private int trades;

        Generator(SplittableRandom random, int accounts) {
            this.random = random;
            this.accounts = accounts;
        }

        OrderStream run(int size) {
            // Each operation adds at most one resting order, and each resting order needs one
            // cancel at the end: drawing while two slots are spare always leaves room for both.
            while (ops.size() + resting.size() < size) {
                double r = random.nextDouble();
                if (ops.size() + resting.size() + 2 > size) {
                    idle();
                } else if (!resting.isEmpty() && (r < 0.25 || resting.size() > MAX_RESTING)) {
                    cancel(resting.get(random.nextInt(resting.size())));
                } else if (r < 0.6) {
                    crossing(random.nextBoolean() ? TimeInForce.IOC : TimeInForce.GTC);
                } else {
                    passive();
                }
            }
            for (int ord : new ArrayList<>(resting)) {
                cancel(ord);
            }
            if (ops.size() != size || book.restingOrderCount() != 0) {
                throw new IllegalStateException("generated " + ops.size() + " operations, " + book.restingOrderCount()
                        + " orders left resting");
            }
            return new OrderStream(accounts, ops, trades);
        }

        /** A buy IOC one tick below the best ask: it neither trades nor rests, so it fills one last slot exactly. */
        private void idle() {
            long ask = book.bestAsk();
            place(Side.BUY, ask == OrderBook.NO_PRICE ? MID : ask - TICK, TimeInForce.IOC);
        }

        /** A limit order 1 to 20 ticks behind the mid on its own side: it rests unless the book is crossed there. */
        private void passive() {
            Side s = random.nextBoolean() ? Side.BUY : Side.SELL;
            long p = MID - s.sign() * TICK * (1 + random.nextInt(20));
            place(s, p, TimeInForce.GTC);
        }

        /** A limit order 0 to 4 ticks through the best opposite price (or at the mid if that side is empty). */
        private void crossing(TimeInForce tif) {
            Side s = random.nextBoolean() ? Side.BUY : Side.SELL;
            long opposite = s == Side.BUY ? book.bestAsk() : book.bestBid();
            long base = opposite == OrderBook.NO_PRICE ? MID : opposite;
            long p = base + s.sign() * TICK * random.nextInt(5);
            place(s, p, tif);
        }

        private void place(Side s, long p, TimeInForce tif) {
            int ord = nextOrder++;
            int who = random.nextInt(accounts);
            long qty = LOT * (1 + random.nextInt(10));
            owners.add(who);
            ops.add(new Op(false, who, s, p, qty, tif, ord));
            book.place(ord, who, s, p, qty, tif, this);
            prune();
        }

        private void cancel(int ord) {
            if (book.cancel(ord) < 0) {
                throw new IllegalStateException("order " + ord + " does not rest");
            }
            resting.remove(Integer.valueOf(ord));
            ops.add(new Op(true, owners.get(ord - 1), null, 0, 0, null, ord));
        }

        private void prune() {
            resting.removeIf(ord -> book.openSize(ord) < 0);
        }

        @Override
        public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
            trades++;
            return true;
        }

        @Override
        public void onRested(long orderId, Side side, long price, long openSize) {
            resting.add((int) orderId);
        }
    }
}
