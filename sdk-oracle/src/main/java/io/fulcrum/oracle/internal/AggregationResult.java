package io.fulcrum.oracle.internal;

import java.util.List;

/**
 * What an internal aggregation rule makes of its inputs: a price with its confidence, and the
 * positions of the inputs it rejected before aggregating. A price of 0 means the rule accepted
 * no input at all (for example a confidence vote in which no publisher gave a confidence).
 *
 * @param price the aggregate price, positive; 0 when every input was rejected
 * @param confidence the aggregate's half-width, never negative
 * @param rejected positions (into the rule's input arrays) of the inputs left out, ascending
 */
public record AggregationResult(long price, long confidence, List<Integer> rejected) {
    public AggregationResult {
        if (price < 0) {
            throw new IllegalArgumentException("an aggregate price must not be negative: " + price);
        }
        if (confidence < 0) {
            throw new IllegalArgumentException("an aggregate confidence must not be negative: " + confidence);
        }
        rejected = List.copyOf(rejected);
    }

    /** No input was accepted: no price. */
    public static AggregationResult none(List<Integer> rejected) {
        return new AggregationResult(0, 0, rejected);
    }
}
