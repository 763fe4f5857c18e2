package io.aio4j.linux.abi;

/** Syscall numbers for this architecture ({@code <asm/unistd.h>}); -1 where unknown. */
public final class Syscalls {
    private static final boolean X86_64 = Native.ARCH.equals("amd64") || Native.ARCH.equals("x86_64");
    private static final boolean ARM64 = Native.ARCH.equals("aarch64");

    public static final long IO_SETUP = X86_64 ? 206 : ARM64 ? 0 : -1;
    public static final long IO_DESTROY = X86_64 ? 207 : ARM64 ? 1 : -1;
    public static final long IO_GETEVENTS = X86_64 ? 208 : ARM64 ? 4 : -1;
    public static final long IO_SUBMIT = X86_64 ? 209 : ARM64 ? 2 : -1;
    public static final long IO_CANCEL = X86_64 ? 210 : ARM64 ? 3 : -1;
    public static final long IO_PGETEVENTS = X86_64 ? 333 : ARM64 ? 292 : -1;
    /** The io_uring calls have the same numbers on every architecture. */
    public static final long IO_URING_SETUP = X86_64 || ARM64 ? 425 : -1;
    public static final long IO_URING_ENTER = X86_64 || ARM64 ? 426 : -1;
    public static final long IO_URING_REGISTER = X86_64 || ARM64 ? 427 : -1;

    private Syscalls() {
    }

    /** Whether this architecture's numbers are known. */
    public static boolean known() {
        return X86_64 || ARM64;
    }
}
