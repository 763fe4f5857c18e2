package io.aio4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Tells memory that holding a reference keeps alive from memory its owner can free at any time.
 *
 * <p>A request in flight holds its segments, so the garbage collector cannot free the memory of
 * {@code Arena.global()}, {@code Arena.ofAuto()} or a plain direct {@code ByteBuffer}: the kernel
 * may use their addresses until the completion is reaped. The memory of {@code Arena.ofShared()}
 * and {@code Arena.ofConfined()} is freed by {@code Arena.close()}, which FFM offers no public way
 * to hold off across an asynchronous window, so the core must not hand such an address to an
 * engine (it bounces the transfer through its own memory instead; see {@link BounceBuffers}).
 *
 * <p>FFM has no public "is this scope closeable". The JDK implements each kind of scope with its
 * own class, so this class learns, once, which classes the three kept-alive kinds use, by asking
 * the JDK for one scope of each, and compares a segment's scope class with them by identity (no
 * allocation, three reference compares). A class it did not learn (a closeable arena, a future
 * JDK's new kind, or a JDK that used one class for closeable and kept-alive scopes alike) answers
 * false, which makes the core bounce: unknown is treated as closeable, the safe side.
 *
 * <p>A segment made with the restricted {@code MemorySegment.reinterpret} takes the scope it is
 * given: aio4j trusts that scope, as the JDK does (the caller of a restricted method vouches for it).
 */
final class ScopeKinds {
    private static final Class<?> GLOBAL;
    private static final Class<?> AUTO;
    private static final Class<?> BUFFER;

    static {
        Class<?> shared;
        Class<?> confined;
        try (Arena a = Arena.ofShared()) {
            shared = a.scope().getClass();
        }
        try (Arena a = Arena.ofConfined()) {
            confined = a.scope().getClass();
        }
        GLOBAL = keptAlive(Arena.global().scope().getClass(), shared, confined);
        AUTO = keptAlive(Arena.ofAuto().scope().getClass(), shared, confined);
        BUFFER = keptAlive(MemorySegment.ofBuffer(ByteBuffer.allocateDirect(1)).scope().getClass(), shared, confined);
    }

    private ScopeKinds() {
    }

    /** A class no scope has, so that a kept-alive kind sharing a closeable kind's class matches nothing. */
    private static final class Never {
    }

    private static Class<?> keptAlive(Class<?> kind, Class<?> shared, Class<?> confined) {
        return kind == shared || kind == confined ? Never.class : kind;
    }

    /**
     * Whether {@code s}'s memory stays valid for as long as {@code s} is reachable: global, automatic,
     * or of a direct ByteBuffer (heap segments answer true too, but are never handed to an engine).
     * Allocates nothing.
     *
     * @param s any segment
     * @return false for memory an arena can free, and for any scope this JDK's classes do not tell apart
     */
    static boolean keptAliveByReference(MemorySegment s) {
        Class<?> c = s.scope().getClass();
        return c == GLOBAL || c == AUTO || c == BUFFER;
    }
}
