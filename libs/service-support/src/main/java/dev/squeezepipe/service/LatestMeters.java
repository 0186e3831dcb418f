package dev.squeezepipe.service;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Meters registered per key (a run, a checkpoint), of which only the latest {@code kept} keys' stay registered: the
 * oldest key's meters are removed when one more comes, so that a long-lived service's series do not grow for ever.
 *
 * @param <V> what holds one key's meters and the values they read
 */
public final class LatestMeters<V> {

    private final MeterRegistry registry;
    private final int kept;
    private final Function<V, List<Meter>> metersOf;
    private final Map<String, V> byKey = new LinkedHashMap<>();

    public LatestMeters(MeterRegistry registry, int kept, Function<V, List<Meter>> metersOf) {
        this.registry = registry;
        this.kept = kept;
        this.metersOf = metersOf;
    }

    /** The meters of {@code key}, registered by {@code create} on first use; the oldest key's go past the limit. */
    public synchronized V get(String key, Function<String, V> create) {
        V meters = byKey.computeIfAbsent(key, create);
        Iterator<V> oldest = byKey.values().iterator();
        while (byKey.size() > kept) {
            metersOf.apply(oldest.next()).forEach(registry::remove);
            oldest.remove();
        }
        return meters;
    }
}
