package io.aio4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The process-wide table of live contexts (seed 003): small integer ids, O(1) lock-free lookup,
 * growth by copying. Writers (open, close) take a lock; readers never do. JVM shutdown closes
 * every live context.
 */
public final class ContextTable {
    private static final VarHandle ELEMENTS = MethodHandles.arrayElementVarHandle(IoContext[].class);
    private static final Object LOCK = new Object();
    /** Index 0 is never used, so 0 is never a valid id (as aio_context_t 0 is not). */
    private static volatile IoContext[] table = new IoContext[64];
    private static int live;
    /** Ids handed out (reserved or published); guarded by LOCK. */
    private static final java.util.BitSet reserved = new java.util.BitSet();
    private static int searchFrom = 1;
    private static boolean hookInstalled;

    private ContextTable() {
    }

    /**
     * Reserves an id for a context under construction. Readers see nothing at that id until
     * {@link #publish}; a reserved id is not handed out twice.
     */
    static int reserve() {
        synchronized (LOCK) {
            if (!hookInstalled) {
                hookInstalled = true;
                Runtime.getRuntime().addShutdownHook(new Thread(ContextTable::closeAll, "aio4j-shutdown"));
            }
            IoContext[] t = table;
            for (int i = searchFrom; i < t.length; i++) {
                if (ELEMENTS.getVolatile(t, i) == null && !reserved.get(i)) {
                    return take(i);
                }
            }
            int i = t.length;
            IoContext[] grown = new IoContext[t.length * 2];
            System.arraycopy(t, 0, grown, 0, t.length);
            table = grown; // volatile publish of the copy
            return take(i);
        }
    }

    private static int take(int i) {
        reserved.set(i);
        live++;
        searchFrom = i + 1;
        return i;
    }

    /** Makes a fully constructed context visible at its reserved id. */
    static void publish(int id, IoContext ctx) {
        synchronized (LOCK) {
            // release: a reader that finds the context sees it fully constructed
            ELEMENTS.setRelease(table, id, ctx);
        }
    }

    /** Frees an id (reserved or published). */
    static void remove(int id, IoContext ctx) {
        synchronized (LOCK) {
            IoContext[] t = table;
            if (id <= 0 || id >= t.length || !reserved.get(id)) {
                return;
            }
            Object cur = ELEMENTS.getVolatile(t, id);
            if (cur == ctx || cur == null) {
                ELEMENTS.setRelease(t, id, null);
                reserved.clear(id);
                live--;
                searchFrom = Math.min(searchFrom, id);
            }
        }
    }

    /**
     * The live context with this id. O(1), lock-free, from any thread.
     *
     * @param id a context's {@link IoContext#id()}
     * @return the context, or null if no live context has this id
     */
    public static IoContext lookup(int id) {
        IoContext[] t = table;
        // acquire: pairs with the release in place()
        return id > 0 && id < t.length ? (IoContext) ELEMENTS.getAcquire(t, id) : null;
    }

    /** {@return the number of live contexts} */
    public static int size() {
        synchronized (LOCK) {
            return live;
        }
    }

    /** {@return a snapshot of the live contexts} */
    public static List<IoContext> snapshot() {
        IoContext[] t = table;
        List<IoContext> out = new ArrayList<>();
        for (int i = 1; i < t.length; i++) {
            IoContext c = (IoContext) ELEMENTS.getAcquire(t, i);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static void closeAll() {
        for (IoContext c : snapshot()) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // shutting down: keep closing the others
            }
        }
    }
}
