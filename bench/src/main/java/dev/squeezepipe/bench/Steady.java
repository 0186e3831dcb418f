package dev.squeezepipe.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/**
 * A pass timed once the JVM is warm: passes are repeated until one spends under 5% of its time in the JIT
 * compilers (at most {@value #MAX_WARM_UP} warm-up passes), then {@value #TIMED_PASSES} more are timed and the median
 * one is kept, so a pass that something else on the host slowed, or a lucky one, does not decide the figure (bare
 * passes right before and after the Kafka passes differed by up to 12% within one run). In a JVM holding the broker,
 * the services and the benchmark's clients, the compilers took a third of a core for a whole 5,000-request pass
 * after a 500-request warm-up, which a service that has run for a while does not pay. With the broker in a child
 * JVM, the Kafka clients' compilations still took 2-24% of the seventh pass, hence up to ten warm-up passes; on C1
 * only, as {@code ./pipeline bench predict} runs the predictor, the second warm-up pass was already quiet.
 *
 * @param first the first (cold) pass, for comparison
 * @param timed the median of the timed passes after the warm-up
 * @param passes how many passes ran in all
 * @param jitShare JIT compile time over wall time during the timed passes
 */
record Steady<T>(T first, T timed, int passes, double jitShare) {

    static final int MAX_WARM_UP = 10;
    static final int TIMED_PASSES = 3;
    private static final double STEADY_JIT_SHARE = 0.05;

    static <T> Steady<T> time(Callable<T> pass, ToDoubleFunction<T> seconds) throws Exception {
        T first = null;
        int passes = 0;
        while (passes < MAX_WARM_UP) {
            double jitBefore = jitSeconds();
            T run = pass.call();
            passes++;
            first = first == null ? run : first;
            if (jitSeconds() - jitBefore < STEADY_JIT_SHARE * seconds.applyAsDouble(run)) {
                break;
            }
        }
        double jitBefore = jitSeconds();
        List<T> timed = new ArrayList<>();
        for (int i = 0; i < TIMED_PASSES; i++) {
            timed.add(pass.call());
        }
        double jit = jitSeconds() - jitBefore;
        timed.sort(Comparator.comparingDouble(seconds));
        return new Steady<>(first, timed.get(timed.size() / 2), passes + TIMED_PASSES,
                jit / timed.stream().mapToDouble(seconds).sum());
    }

    /**
     * The compilers this JVM runs: {@code C1+C2} (HotSpot's default), {@code C1} (TieredStopAtLevel 1-3, as
     * {@code ./pipeline bench predict} runs), {@code C2} (tiered compilation off) or {@code interpreter}.
     */
    static String compilers() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot == null) {
            return "unknown";
        }
        if (!Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue())) {
            return "C2";
        }
        int stopAt = Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue());
        return stopAt == 0 ? "interpreter" : stopAt < 4 ? "C1" : "C1+C2";
    }

    /** Total time the JIT compilers have spent so far (0 where the JVM does not tell). */
    private static double jitSeconds() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() / 1e3 : 0;
    }
}
