package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;

/**
 * ppoll(2), with {@code struct pollfd}, to wait on one descriptor with a nanosecond timeout. The
 * timeout is a {@code struct timespec}, which on the 64-bit targets is laid out as
 * {@link KernelTimespec}:
 * <pre>
 * int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *tmo_p, const sigset_t *sigmask);
 * struct pollfd { int fd; short events; short revents; };          // 8 bytes
 * </pre>
 */
public final class Ppoll {
    public static final StructLayout POLLFD = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("fd"),
            ValueLayout.JAVA_SHORT.withName("events"),
            ValueLayout.JAVA_SHORT.withName("revents"));
    public static final short POLLIN = 0x1;

    private static final long FD = POLLFD.byteOffset(MemoryLayout.PathElement.groupElement("fd"));
    private static final long EVENTS = POLLFD.byteOffset(MemoryLayout.PathElement.groupElement("events"));
    private static final long REVENTS = POLLFD.byteOffset(MemoryLayout.PathElement.groupElement("revents"));

    private Ppoll() {
    }

    /** Sets one pollfd. */
    public static void pollfd(MemorySegment pollfd, int fd, short events) {
        pollfd.set(ValueLayout.JAVA_INT, FD, fd);
        pollfd.set(ValueLayout.JAVA_SHORT, EVENTS, events);
        pollfd.set(ValueLayout.JAVA_SHORT, REVENTS, (short) 0);
    }

    public static short revents(MemorySegment pollfd) {
        return pollfd.get(ValueLayout.JAVA_SHORT, REVENTS);
    }

    /**
     * ppoll(fds, nfds, timeout, NULL): the number of ready descriptors (0 on timeout) or -errno.
     * EINTR is returned, not retried. {@code timeout} ({@link KernelTimespec#LAYOUT}) NULL waits forever.
     */
    public static int ppoll(MemorySegment fds, long nfds, MemorySegment timeout) {
        // the raw call writes the time left back into timeout (glibc's wrapper hides that with a
        // copy): callers set it before every call
        long r = LibC.syscall(Syscalls.PPOLL, LibC.address(fds), nfds, LibC.address(timeout), 0, LibC.SIGSET_BYTES, 0);
        Reference.reachabilityFence(fds);
        Reference.reachabilityFence(timeout);
        return (int) r;
    }
}
