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

    /** The file calls behind {@link LibC}; x86_64 from asm/unistd_64.h, aarch64 from asm-generic/unistd.h. */
    public static final long READ = X86_64 ? 0 : ARM64 ? 63 : -1;
    public static final long WRITE = X86_64 ? 1 : ARM64 ? 64 : -1;
    public static final long CLOSE = X86_64 ? 3 : ARM64 ? 57 : -1;
    public static final long MMAP = X86_64 ? 9 : ARM64 ? 222 : -1;
    public static final long MUNMAP = X86_64 ? 11 : ARM64 ? 215 : -1;
    public static final long PREAD64 = X86_64 ? 17 : ARM64 ? 67 : -1;
    public static final long PWRITE64 = X86_64 ? 18 : ARM64 ? 68 : -1;
    public static final long FSYNC = X86_64 ? 74 : ARM64 ? 82 : -1;
    public static final long FDATASYNC = X86_64 ? 75 : ARM64 ? 83 : -1;
    public static final long FTRUNCATE = X86_64 ? 77 : ARM64 ? 46 : -1;
    public static final long FSTATFS = X86_64 ? 138 : ARM64 ? 44 : -1;
    public static final long FADVISE64 = X86_64 ? 221 : ARM64 ? 223 : -1;
    public static final long OPENAT = X86_64 ? 257 : ARM64 ? 56 : -1;
    public static final long PPOLL = X86_64 ? 271 : ARM64 ? 73 : -1;
    public static final long FALLOCATE = X86_64 ? 285 : ARM64 ? 47 : -1;
    public static final long EVENTFD2 = X86_64 ? 290 : ARM64 ? 19 : -1;
    public static final long PREADV2 = X86_64 ? 327 : ARM64 ? 286 : -1;
    public static final long PWRITEV2 = X86_64 ? 328 : ARM64 ? 287 : -1;
    public static final long STATX = X86_64 ? 332 : ARM64 ? 291 : -1;
    /** getrusage(2), for the bench's CPU accounting. */
    public static final long GETRUSAGE = X86_64 ? 98 : ARM64 ? 165 : -1;

    private Syscalls() {
    }

    /** Whether this architecture's numbers are known. */
    public static boolean known() {
        return X86_64 || ARM64;
    }
}
