package io.aio4j;

import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;

/**
 * The shared size of the Lincheck runs, kept small for {@code ./mvnw verify} on a 2-core machine
 * (model checking explores interleavings exhaustively within each scenario, so small scenarios
 * already cover the SPSC/MPSC handovers). Raise with {@code -Daio4j.lincheck.iterations=200} for
 * a longer run by hand. Lincheck's stress mode is not used: its spinning threads need more cores.
 */
public final class LincheckBudget {
    private LincheckBudget() {
    }

    /**
     * Model-checking options: one operation before, {@code threads} threads of
     * {@code actorsPerThread} operations in parallel, one after (at most
     * {@code 2 + threads * actorsPerThread} operations per scenario).
     */
    @SuppressWarnings("exports") // test-only: Lincheck's options type is on the class path
    public static ModelCheckingOptions modelChecking(int threads, int actorsPerThread) {
        return new ModelCheckingOptions()
                .iterations(Integer.getInteger("aio4j.lincheck.iterations", 5))
                .invocationsPerIteration(Integer.getInteger("aio4j.lincheck.invocations", 100))
                .actorsBefore(1)
                .threads(threads)
                .actorsPerThread(actorsPerThread)
                .actorsAfter(1);
    }
}
