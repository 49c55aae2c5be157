package io.fulcrum.orderbook;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.MatchingEngine;
import org.junit.jupiter.api.Nested;

/** The reference book passes the same contracts, so disagreements in the random test point at a real bug. */
class NaiveOrderBookTest extends OrderBookContract {
    static final Engines NAIVE = new Engines() {
        @Override
        public NaiveOrderBook create(MarketSpec spec, SelfTradePrevention selfTrade, MatchingPolicy policy) {
            return new NaiveOrderBook(spec, selfTrade, policy);
        }

        @Override
        public void checkInvariants(MatchingEngine book) {
            ((NaiveOrderBook) book).checkInvariants();
        }
    };

    @Override
    protected Engines engines() {
        return NAIVE;
    }

    @Nested
    class FillOrKill extends FillOrKillContract {
        @Override
        protected Engines engines() {
            return NAIVE;
        }
    }

    @Nested
    class Icebergs extends IcebergContract {
        @Override
        protected Engines engines() {
            return NAIVE;
        }
    }

    @Nested
    class BudgetOrders extends BudgetOrderContract {
        @Override
        protected Engines engines() {
            return NAIVE;
        }
    }

    @Nested
    class SelfTrades extends SelfTradePreventionContract {
        @Override
        protected Engines engines() {
            return NAIVE;
        }
    }

    @Nested
    class ProRata extends ProRataContract {
        @Override
        protected Engines engines() {
            return NAIVE;
        }
    }

    @Nested
    class BatchAuctions extends BatchAuctionContract {
        @Override
        protected Engines engines() {
            return NAIVE;
        }
    }
}
