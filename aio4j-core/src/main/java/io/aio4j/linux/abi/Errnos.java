package io.aio4j.linux.abi;

/** The errno values the ABI layer itself tests for (Linux numbering, the same on x86-64 and aarch64). */
public final class Errnos {
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;
    public static final int EINVAL = 22;
    public static final int ENOSYS = 38;
    public static final int ETIME = 62;
    public static final int EOPNOTSUPP = 95;

    private Errnos() {
    }
}
