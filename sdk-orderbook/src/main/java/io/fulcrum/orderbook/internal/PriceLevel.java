package io.fulcrum.orderbook.internal;

/**
 * The orders resting at one price on one side, in arrival order (first in, first out), with
 * their total open size kept up to date so that depth is read without walking the queue.
 *
 * <p>Example: bids of 2 lots (order 1) then 3 lots (order 2) at 1,000 form a level with head
 * order 1, tail order 2, total size 5 and order count 2. A taker at 1,000 meets order 1 first.
 */
public final class PriceLevel {
    private final long price;
    private long totalSize;
    private int orderCount;
    private OrderNode head;
    private OrderNode tail;

    /** An empty level at {@code price}. */
    public PriceLevel(long price) {
        this.price = price;
    }

    public long price() {
        return price;
    }

    /** The sum of the open sizes of the orders in this level. */
    public long totalSize() {
        return totalSize;
    }

    public int orderCount() {
        return orderCount;
    }

    public boolean isEmpty() {
        return head == null;
    }

    /** The order with the highest time priority, or {@code null} if the level is empty. */
    public OrderNode head() {
        return head;
    }

    /** The order that arrived last, or {@code null} if the level is empty. */
    public OrderNode tail() {
        return tail;
    }

    /**
     * Queues {@code node} at the back: it has the lowest time priority in this level.
     *
     * @throws ArithmeticException if the level's total would overflow; nothing changes then
     */
    public void append(OrderNode node) {
        // Computed before linking, so an overflow leaves the level untouched.
        long newTotal = Math.addExact(totalSize, node.openSize());
        node.level = this;
        node.prev = tail;
        node.next = null;
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
        }
        tail = node;
        totalSize = newTotal;
        orderCount++;
    }

    /** Unlinks {@code node}, which must be queued in this level, wherever it stands. */
    public void remove(OrderNode node) {
        if (node.prev == null) {
            head = node.next;
        } else {
            node.prev.next = node.next;
        }
        if (node.next == null) {
            tail = node.prev;
        } else {
            node.next.prev = node.prev;
        }
        totalSize -= node.openSize();
        orderCount--;
        // Cleared so a removed node cannot be mistaken for a resting one or keep others alive.
        node.level = null;
        node.prev = null;
        node.next = null;
    }

    /**
     * Lowers the open size of {@code node}, queued in this level, by {@code quantity}, leaving
     * its place in the queue unchanged. The caller keeps the result positive; an order that
     * fills completely is {@linkplain #remove removed} instead.
     */
    public void reduce(OrderNode node, long quantity) {
        node.reduceOpenSize(quantity);
        totalSize -= quantity;
    }
}
