package dev.squeezepipe.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps the {@code kept} entries used last (put, merged or read) and drops the least recently used beyond
 * them: how a long-lived service bounds what it learns from topics it re-reads for ever. Not thread-safe: callers
 * synchronize.
 */
public final class LeastRecentlyUsed {

    private LeastRecentlyUsed() {}

    /** An empty map holding at most {@code kept} entries. */
    public static <K, V> Map<K, V> map(int kept) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > kept;
            }
        };
    }
}
