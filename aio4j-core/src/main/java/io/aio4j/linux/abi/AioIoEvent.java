package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct io_event} (uapi {@code <linux/aio_abi.h>}), 32 bytes; named apart from
 * {@code io.aio4j.IoEvent}:
 * <pre>
 * struct io_event {
 *     __u64 data;   // the iocb's aio_data
 *     __u64 obj;    // the user address of the iocb
 *     __s64 res;    // bytes, or -errno
 *     __s64 res2;   // secondary result, 0
 * };
 * </pre>
 */
public final class AioIoEvent {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("data"),
            ValueLayout.JAVA_LONG.withName("obj"),
            ValueLayout.JAVA_LONG.withName("res"),
            ValueLayout.JAVA_LONG.withName("res2"));
    public static final long SIZE = LAYOUT.byteSize();

    private static final long DATA = off("data");
    private static final long OBJ = off("obj");
    private static final long RES = off("res");
    private static final long RES2 = off("res2");

    private AioIoEvent() {
    }

    private static long off(String name) {
        return LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement(name));
    }

    /** The data of event {@code i} of an io_event array. */
    public static long data(MemorySegment events, int i) {
        return events.get(ValueLayout.JAVA_LONG, i * SIZE + DATA);
    }

    public static long obj(MemorySegment events, int i) {
        return events.get(ValueLayout.JAVA_LONG, i * SIZE + OBJ);
    }

    public static long res(MemorySegment events, int i) {
        return events.get(ValueLayout.JAVA_LONG, i * SIZE + RES);
    }

    public static long res2(MemorySegment events, int i) {
        return events.get(ValueLayout.JAVA_LONG, i * SIZE + RES2);
    }

    /** Writes event {@code i} (for tests that build a ring in memory). */
    public static void set(MemorySegment events, int i, long data, long obj, long res, long res2) {
        long at = i * SIZE;
        events.set(ValueLayout.JAVA_LONG, at + DATA, data);
        events.set(ValueLayout.JAVA_LONG, at + OBJ, obj);
        events.set(ValueLayout.JAVA_LONG, at + RES, res);
        events.set(ValueLayout.JAVA_LONG, at + RES2, res2);
    }
}
