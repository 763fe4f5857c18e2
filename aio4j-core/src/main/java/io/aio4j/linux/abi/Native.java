package io.aio4j.linux.abi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The FFM plumbing of the Linux ABI layer: the linker, libc's symbols, and errno captured per
 * call ({@code Linker.Option.captureCallState("errno")}) into a per-thread segment, so wrappers
 * allocate nothing per call.
 */
public final class Native {
    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup LIBC = LINKER.defaultLookup();
    static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final long ERRNO_OFFSET = CAPTURE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> STATE = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE));

    /** The OS name is Linux. */
    public static final boolean IS_LINUX = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    /** The CPU architecture, as os.arch spells it (amd64, aarch64). */
    public static final String ARCH = System.getProperty("os.arch", "");

    private Native() {
    }

    /** A downcall to a libc function that captures errno; its first parameter is the capture segment. */
    static MethodHandle errnoCall(String name, FunctionDescriptor fd, Linker.Option... more) {
        MemorySegment sym = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        Linker.Option[] opts = new Linker.Option[more.length + 1];
        opts[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(more, 0, opts, 1, more.length);
        return LINKER.downcallHandle(sym, fd, opts);
    }

    /** This thread's errno capture segment. */
    static MemorySegment state() {
        return STATE.get();
    }

    /** The errno captured in {@code state}. */
    static int errno(MemorySegment state) {
        return state.get(ValueLayout.JAVA_INT, ERRNO_OFFSET);
    }

    /** Turns an unexpected Throwable from invokeExact into an error (signatures are fixed, so this is a bug). */
    static AssertionError bug(Throwable t) {
        return new AssertionError("downcall failed unexpectedly", t);
    }
}
