package io.aio4j.linux.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Reference;

/**
 * The system calls aio4j makes, each through libc's {@code syscall(2)} by number
 * ({@link Syscalls}). Each returns {@code >= 0} or {@code -errno}, retries EINTR where the call
 * is restartable, never throws for a failed call, and allocates nothing.
 *
 * <p>Why one entry point: every distinct downcall shape makes the JDK spin a stub class and a
 * dozen lambda forms, and compile them. Twenty libc functions cost 170-200 ms of a cold start
 * here, and most of the JIT's start-up work (seed 003's 512-thread job spent a third of its CPU
 * in the compilers). Through {@code syscall} there is one shape, made on first use. The raw calls
 * also skip libc's cancellation-point bookkeeping. Only on Linux with known syscall numbers
 * ({@link Syscalls#known()}); every user of this class checks that first.
 *
 * <p>Pointer arguments are {@link MemorySegment}s or, for memory the caller keeps mapped itself,
 * {@code long} addresses. A segment must be native and alive ({@link IllegalArgumentException},
 * {@link IllegalStateException} otherwise, as FFM would throw); it is kept reachable for the call.
 * Unlike a segment passed as an FFM {@code ADDRESS}, a shared arena closed by another thread
 * during the call is not held off: callers pass memory they own (their own confined arenas,
 * context-owned memory). The one exception, {@link #pread(int, MemorySegment, long, long)} and
 * {@link #pwrite(int, MemorySegment, long, long)}, keeps a typed downcall for that reason.
 */
public final class LibC {
    private static final class Syscall {
        static final MethodHandle H = Native.errnoCall("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(1));
    }

    /** posix_fadvise advice. */
    public static final int POSIX_FADV_DONTNEED = 4;
    /** mmap protection and flags. */
    public static final int PROT_READ = 1;
    public static final int PROT_WRITE = 2;
    public static final int MAP_SHARED = 1;
    public static final int MAP_POPULATE = 0x8000;
    /** eventfd flags. */
    public static final int EFD_CLOEXEC = 0x80000;
    public static final int EFD_NONBLOCK = 0x800;
    /** RWF_NOWAIT for preadv2. */
    public static final int RWF_NOWAIT = 0x8;
    /** openat's "relative to the working directory". */
    private static final long AT_FDCWD = -100;
    /** The kernel's sigset_t size, ppoll's last argument. */
    static final long SIGSET_BYTES = 8;

    private LibC() {
    }

    /**
     * syscall(2) with up to six arguments: the result or -errno. EINTR is returned to the caller,
     * who knows whether the call may be restarted.
     */
    public static long syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6) {
        MemorySegment st = Native.state();
        try {
            long r = (long) Syscall.H.invokeExact(st, nr, a1, a2, a3, a4, a5, a6);
            return r == -1L ? -Native.errno(st) : r;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Native.bug(t);
        }
    }

    /** {@link #syscall} restarted while it fails with EINTR. */
    private static long restarting(long nr, long a1, long a2, long a3, long a4, long a5, long a6) {
        while (true) {
            long r = syscall(nr, a1, a2, a3, a4, a5, a6);
            if (r != -Errnos.EINTR) {
                return r;
            }
        }
    }

    /** The address of a native, live segment (0 for {@link MemorySegment#NULL}). */
    static long address(MemorySegment s) {
        if (s.address() == 0 && s.byteSize() == 0) {
            return 0;
        }
        if (!s.isNative()) {
            throw new IllegalArgumentException("a heap segment cannot be passed to a system call");
        }
        if (!s.scope().isAlive()) {
            throw new IllegalStateException("Already closed");
        }
        return s.address();
    }

    /** open(2) of a NUL-terminated path (openat relative to the working directory): fd or -errno. */
    public static int open(MemorySegment path, int flags, int mode) {
        long r = restarting(Syscalls.OPENAT, AT_FDCWD, address(path), flags, mode, 0, 0);
        Reference.reachabilityFence(path);
        return (int) r;
    }

    /** close(2): 0 or -errno. EINTR is not retried (the descriptor is gone on Linux). */
    public static int close(int fd) {
        return (int) syscall(Syscalls.CLOSE, fd, 0, 0, 0, 0, 0);
    }

    /**
     * pread(2) of a segment: bytes read (0 at EOF) or -errno. This call and {@link #pwrite(int,
     * MemorySegment, long, long)} keep libc's typed functions, with the buffer passed as an FFM
     * {@code ADDRESS}: the JDK then holds the segment's arena for the call, so a concurrent close of
     * a shared arena fails instead of freeing memory the kernel is writing (the portable engine
     * relies on it for memory the caller promised to keep open). One more downcall shape, made
     * only when the portable engine does a plain read or write.
     */
    public static long pread(int fd, MemorySegment buf, long count, long offset) {
        return segmentCall(SegmentRw.PREAD, fd, buf, count, offset);
    }

    /** pwrite(2) of a segment (see {@link #pread(int, MemorySegment, long, long)}): bytes written or -errno. */
    public static long pwrite(int fd, MemorySegment buf, long count, long offset) {
        return segmentCall(SegmentRw.PWRITE, fd, buf, count, offset);
    }

    private static final class SegmentRw {
        static final MethodHandle PREAD = Native.errnoCall("pread64",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
        static final MethodHandle PWRITE = Native.errnoCall("pwrite64",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    }

    /** pread/pwrite on a segment, EINTR retried; {@code h} is a static final handle, so it inlines. */
    private static long segmentCall(MethodHandle h, int fd, MemorySegment buf, long count, long offset) {
        MemorySegment st = Native.state();
        try {
            while (true) {
                long r = (long) h.invokeExact(st, fd, buf, count, offset);
                if (r >= 0) {
                    return r;
                }
                int e = Native.errno(st);
                if (e != Errnos.EINTR) {
                    return -e;
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Native.bug(t);
        }
    }

    /**
     * pread(2) into a raw address, for memory owned by another thread (a confined arena) whose
     * liveness the caller has checked: bytes read or -errno.
     */
    public static long pread(int fd, long addr, long count, long offset) {
        return restarting(Syscalls.PREAD64, fd, addr, count, offset, 0, 0);
    }

    /** pwrite(2) from a raw address (see {@link #pread(int, long, long, long)}): bytes or -errno. */
    public static long pwrite(int fd, long addr, long count, long offset) {
        return restarting(Syscalls.PWRITE64, fd, addr, count, offset, 0, 0);
    }

    /**
     * preadv2(2) with RWF_* flags (0 = preadv): bytes read or -errno (-EAGAIN for RWF_NOWAIT that
     * would block). The raw call takes the offset as low and high words; on 64-bit the low word
     * carries all of it, and -1 keeps its meaning (the file position).
     */
    public static long preadv2(int fd, MemorySegment iov, int iovcnt, long offset, int flags) {
        long r = restarting(Syscalls.PREADV2, fd, address(iov), iovcnt, offset, 0, flags);
        Reference.reachabilityFence(iov);
        return r;
    }

    /** pwritev2(2) with RWF_* flags (0 = pwritev): bytes written or -errno. */
    public static long pwritev2(int fd, MemorySegment iov, int iovcnt, long offset, int flags) {
        long r = restarting(Syscalls.PWRITEV2, fd, address(iov), iovcnt, offset, 0, flags);
        Reference.reachabilityFence(iov);
        return r;
    }

    /** fsync(2): 0 or -errno. */
    public static int fsync(int fd) {
        return (int) restarting(Syscalls.FSYNC, fd, 0, 0, 0, 0, 0);
    }

    /** fdatasync(2): 0 or -errno. */
    public static int fdatasync(int fd) {
        return (int) restarting(Syscalls.FDATASYNC, fd, 0, 0, 0, 0, 0);
    }

    /** fallocate(2): 0 or -errno. */
    public static int fallocate(int fd, int mode, long offset, long len) {
        return (int) restarting(Syscalls.FALLOCATE, fd, mode, offset, len, 0, 0);
    }

    /** ftruncate(2): 0 or -errno. */
    public static int ftruncate(int fd, long length) {
        return (int) restarting(Syscalls.FTRUNCATE, fd, length, 0, 0, 0, 0);
    }

    /** posix_fadvise(2) (the fadvise64 call; on 64-bit its arguments are posix_fadvise's): 0 or -errno. */
    public static int posixFadvise(int fd, long offset, long len, int advice) {
        return (int) syscall(Syscalls.FADVISE64, fd, offset, len, advice, 0, 0);
    }

    /** statx(2) into {@code buf} ({@link Statx#LAYOUT}): 0 or -errno. */
    public static int statx(int dirfd, MemorySegment path, int flags, int mask, MemorySegment buf) {
        long r = syscall(Syscalls.STATX, dirfd, address(path), flags, mask, address(buf), 0);
        Reference.reachabilityFence(path);
        Reference.reachabilityFence(buf);
        return (int) r;
    }

    /** fstatfs(2) into {@code buf} ({@link Statfs#LAYOUT}): 0 or -errno. */
    public static int fstatfs(int fd, MemorySegment buf) {
        long r = syscall(Syscalls.FSTATFS, fd, address(buf), 0, 0, 0, 0);
        Reference.reachabilityFence(buf);
        return (int) r;
    }

    /** eventfd(2) (the eventfd2 call, which takes the flags): fd or -errno. */
    public static int eventfd(int initval, int flags) {
        return (int) syscall(Syscalls.EVENTFD2, initval, flags, 0, 0, 0, 0);
    }

    /** read(2): bytes or -errno (EINTR is returned, not retried, so waits stay interruptible). */
    public static long read(int fd, MemorySegment buf, long count) {
        long r = syscall(Syscalls.READ, fd, address(buf), count, 0, 0, 0);
        Reference.reachabilityFence(buf);
        return r;
    }

    /** write(2): bytes or -errno. */
    public static long write(int fd, MemorySegment buf, long count) {
        long r = restarting(Syscalls.WRITE, fd, address(buf), count, 0, 0, 0);
        Reference.reachabilityFence(buf);
        return r;
    }

    /** mmap(2): the address, or -errno. */
    public static long mmap(long addr, long length, int prot, int flags, int fd, long offset) {
        return syscall(Syscalls.MMAP, addr, length, prot, flags, fd, offset);
    }

    /** munmap(2): 0 or -errno. */
    public static int munmap(long addr, long length) {
        return (int) syscall(Syscalls.MUNMAP, addr, length, 0, 0, 0, 0);
    }
}
