package io.fulcrum.venue;

import io.fulcrum.api.spi.HealthIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * The plainest {@link HealthIndex}: every account's thresholds in a list, every query a scan.
 * The venue's tests use it to check the kernel's side of the contract (thresholds placed so
 * that nothing is missed) independently of a fast index.
 */
final class ListHealthIndex implements HealthIndex {
    private record Entry(int instrument, long threshold, boolean onFall) {}

    private final Map<Long, List<Entry>> entries = new TreeMap<>();
    int queries;
    int reported;

    @Override
    public void track(long account, int count, int[] instruments, long[] thresholds, boolean[] triggersOnFall) {
        List<Entry> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Entry(instruments[i], thresholds[i], triggersOnFall[i]));
        }
        entries.put(account, list);
    }

    @Override
    public void untrack(long account) {
        entries.remove(account);
    }

    @Override
    public void reached(int instrument, long from, long to, LongConsumer accounts) {
        queries++;
        if (from == to) {
            return;
        }
        boolean fall = to < from;
        entries.forEach((account, list) -> {
            for (Entry e : list) {
                if (e.instrument() == instrument && e.onFall() == fall && (fall ? e.threshold() >= to : e.threshold() <= to)) {
                    reported++;
                    accounts.accept(account);
                    return;
                }
            }
        });
    }

    @Override
    public int trackedAccounts() {
        return entries.size();
    }
}
