package io.fulcrum.bench;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;
import exchange.core2.core.orderbook.OrderBookNaiveImpl;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drives an exchange-core 0.5.3 {@link IOrderBook} ({@link OrderBookDirectImpl} or
 * {@link OrderBookNaiveImpl}) the way its matching engine does: one reused {@link OrderCommand}
 * per book, filled in for each row and handed to {@code newOrder} (GTC or IOC), {@code cancelOrder}
 * or {@code moveOrder}. The fills are then read from the command's {@link MatcherTradeEvent}
 * chain (events of type {@code TRADE}: one per maker fill, {@code size} lots), as exchange-core's
 * own result handlers read them.
 *
 * <p>Configured as exchange-core configures itself in production: a futures symbol (no
 * exchange-pair reserve-price checks), scales of 1, the object pool sizes of its
 * {@code MatchingEngineRouter} (shared by all books of one factory, as the router shares one pool
 * among its books), and its events helper, which in 0.5.3 allocates each event
 * ({@code ExchangeCore.EVENTS_POOLING} is a compile-time {@code false}). Debug logging is off.
 */
final class ExchangeCoreDriver extends BookDriver {
    /** A futures contract with unit scales and no fees: only matching is exercised. */
    private static final CoreSymbolSpecification SYMBOL = CoreSymbolSpecification.builder()
            .symbolId(1)
            .type(SymbolType.FUTURES_CONTRACT)
            .baseCurrency(1)
            .quoteCurrency(2)
            .baseScaleK(1)
            .quoteScaleK(1)
            .takerFee(0)
            .makerFee(0)
            .marginBuy(0)
            .marginSell(0)
            .build();

    private final String engine;
    private final IOrderBook book;
    private final OrderCommand cmd = new OrderCommand();

    private ExchangeCoreDriver(OrderFlow flow, String engine, IOrderBook book) {
        super(flow);
        this.engine = engine;
        this.book = book;
    }

    /** Direct books sharing one object pool sized as exchange-core's matching engine sizes it. */
    static Supplier<BookDriver> directFactory(OrderFlow flow) {
        Map<Integer, Integer> sizes = new HashMap<>();
        sizes.put(ObjectsPool.DIRECT_ORDER, 1024 * 1024);
        sizes.put(ObjectsPool.DIRECT_BUCKET, 1024 * 64);
        sizes.put(ObjectsPool.ART_NODE_4, 1024 * 32);
        sizes.put(ObjectsPool.ART_NODE_16, 1024 * 16);
        sizes.put(ObjectsPool.ART_NODE_48, 1024 * 8);
        sizes.put(ObjectsPool.ART_NODE_256, 1024 * 4);
        ObjectsPool pool = new ObjectsPool(sizes);
        return () -> new ExchangeCoreDriver(flow, EXCHANGE_CORE_DIRECT, new OrderBookDirectImpl(SYMBOL, pool,
                OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER, LoggingConfiguration.DEFAULT));
    }

    /** A naive book (tree map of price buckets), which takes no pool. */
    static BookDriver naive(OrderFlow flow) {
        return new ExchangeCoreDriver(flow, EXCHANGE_CORE_NAIVE, new OrderBookNaiveImpl(SYMBOL, null,
                OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER, LoggingConfiguration.DEFAULT));
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public void apply(int i) {
        OrderCommand c = cmd;
        c.orderId = orderId[i];
        c.uid = uid[i];
        c.matcherEvent = null;
        switch (type[i]) {
            case OrderFlow.GTC, OrderFlow.IOC -> {
                c.command = OrderCommandType.PLACE_ORDER;
                c.orderType = type[i] == OrderFlow.GTC ? OrderType.GTC : OrderType.IOC;
                c.action = buy[i] ? OrderAction.BID : OrderAction.ASK;
                c.price = price[i];
                c.reserveBidPrice = price[i];
                c.size = size[i];
                book.newOrder(c);
            }
            case OrderFlow.CANCEL -> {
                c.command = OrderCommandType.CANCEL_ORDER;
                CommandResultCode code = book.cancelOrder(c);
                if (code != CommandResultCode.SUCCESS) {
                    throw outOfStep(i, code.toString());
                }
            }
            case OrderFlow.MOVE -> {
                c.command = OrderCommandType.MOVE_ORDER;
                c.price = price[i];
                CommandResultCode code = book.moveOrder(c);
                if (code != CommandResultCode.SUCCESS) {
                    throw outOfStep(i, code.toString());
                }
            }
            default -> throw outOfStep(i, "unknown type");
        }
        for (MatcherTradeEvent e = c.matcherEvent; e != null; e = e.nextEvent) {
            if (e.eventType == MatcherEventType.TRADE) {
                trades++;
                lots += e.size;
            }
        }
    }

    @Override
    public OrderFlow.Expected result() {
        return result(book.getOrdersNum(OrderAction.BID), book.getTotalOrdersVolume(OrderAction.BID),
                book.getOrdersNum(OrderAction.ASK), book.getTotalOrdersVolume(OrderAction.ASK));
    }

    /** The book, to inspect. */
    IOrderBook book() {
        return book;
    }
}
