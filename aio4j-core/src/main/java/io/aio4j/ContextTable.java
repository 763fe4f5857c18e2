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
    private static int searchFrom = 1;
    private static boolean hookInstalled;

    private ContextTable() {
    }

    static int register(IoContext ctx) {
        synchronized (LOCK) {
            if (!hookInstalled) {
                hookInstalled = true;
                Runtime.getRuntime().addShutdownHook(new Thread(ContextTable::closeAll, "aio4j-shutdown"));
            }
            IoContext[] t = table;
            for (int i = searchFrom; i < t.length; i++) {
                if (ELEMENTS.getVolatile(t, i) == null) {
                    return place(t, i, ctx);
                }
            }
            int i = t.length;
            IoContext[] grown = new IoContext[t.length * 2];
            System.arraycopy(t, 0, grown, 0, t.length);
            table = grown; // volatile publish of the copy
            return place(grown, i, ctx);
        }
    }

    private static int place(IoContext[] t, int i, IoContext ctx) {
        // release: a reader that finds the context sees it fully constructed
        ELEMENTS.setRelease(t, i, ctx);
        live++;
        searchFrom = i + 1;
        return i;
    }

    static void remove(int id, IoContext ctx) {
        synchronized (LOCK) {
            IoContext[] t = table;
            if (id > 0 && id < t.length && ELEMENTS.getVolatile(t, id) == ctx) {
                ELEMENTS.setRelease(t, id, null);
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
