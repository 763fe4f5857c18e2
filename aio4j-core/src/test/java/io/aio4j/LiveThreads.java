package io.aio4j;

import java.util.Set;
import java.util.stream.Collectors;

/** Test access to the JVM's live threads by name, for tests that check when an engine starts or joins its own. */
public final class LiveThreads {
    private LiveThreads() {
    }

    /** The live threads whose whole name matches {@code regex}. */
    public static Set<Thread> named(String regex) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().matches(regex))
                .collect(Collectors.toSet());
    }
}
