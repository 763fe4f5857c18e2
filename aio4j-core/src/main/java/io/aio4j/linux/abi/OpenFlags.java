package io.aio4j.linux.abi;

/** open(2) flags for this architecture ({@code <asm-generic/fcntl.h>}; x86-64 and aarch64 differ). */
public final class OpenFlags {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_CREAT = 0x40;
    public static final int O_EXCL = 0x80;
    public static final int O_TRUNC = 0x200;
    public static final int O_APPEND = 0x400;
    public static final int O_DSYNC = 0x1000;
    public static final int O_SYNC = 0x101000;
    public static final int O_CLOEXEC = 0x80000;
    private static final boolean ARM64 = Native.ARCH.equals("aarch64");
    /** x86-64: 040000; aarch64: 0200000. */
    public static final int O_DIRECT = ARM64 ? 0x10000 : 0x4000;
    /** x86-64: 0200000; aarch64: 040000. */
    public static final int O_DIRECTORY = ARM64 ? 0x4000 : 0x10000;

    private OpenFlags() {
    }
}
