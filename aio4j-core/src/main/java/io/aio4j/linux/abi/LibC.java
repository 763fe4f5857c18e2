package io.aio4j.linux.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * libc wrappers. Each returns {@code >= 0} or {@code -errno}, retries EINTR where the call is
 * restartable, never throws, and allocates nothing. Pointer arguments are {@link MemorySegment}s
 * (FFM checks that they are native and alive for the duration of the call) or, for memory the
 * caller keeps mapped itself, {@code long} addresses.
 *
 * <p>Only available on Linux: the handles are created on first use of this class.
 */
public final class LibC {
    private static final MethodHandle OPEN = Native.errnoCall("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = Native.errnoCall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle PREAD = Native.errnoCall("pread64",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle PWRITE = Native.errnoCall("pwrite64",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle PREAD_ADDR = Native.errnoCall("pread64",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle PWRITE_ADDR = Native.errnoCall("pwrite64",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle PREADV2 = Native.errnoCall("preadv2",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final MethodHandle PWRITEV2 = Native.errnoCall("pwritev2",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final MethodHandle FSYNC = Native.errnoCall("fsync", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle FDATASYNC = Native.errnoCall("fdatasync", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle FALLOCATE = Native.errnoCall("fallocate64",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle FTRUNCATE = Native.errnoCall("ftruncate64",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle FADVISE = Native.LINKER.downcallHandle(
            Native.LIBC.find("posix_fadvise64").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
    private static final MethodHandle STATX = Native.errnoCall("statx",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle EVENTFD = Native.errnoCall("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle READ = Native.errnoCall("read",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE = Native.errnoCall("write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle MMAP = Native.errnoCall("mmap",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = Native.errnoCall("munmap", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle SYSCALL = Native.errnoCall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1));

    /** posix_fadvise advice. */
    public static final int POSIX_FADV_DONTNEED = 4;
    public static final int POSIX_FADV_WILLNEED = 3;
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

    private LibC() {
    }

    /** open(2) of a NUL-terminated path: fd or -errno. */
    public static int open(MemorySegment path, int flags, int mode) {
        MemorySegment st = Native.state();
        try {
            while (true) {
                int r = (int) OPEN.invokeExact(st, path, flags, mode);
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

    /** close(2): 0 or -errno. EINTR is not retried (the descriptor is gone on Linux). */
    public static int close(int fd) {
        MemorySegment st = Native.state();
        try {
            int r = (int) CLOSE.invokeExact(st, fd);
            return r < 0 ? -Native.errno(st) : r;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Native.bug(t);
        }
    }

    /** pread(2): bytes read (0 at EOF) or -errno. */
    public static long pread(int fd, MemorySegment buf, long count, long offset) {
        return rwSegment(PREAD, fd, buf, count, offset);
    }

    /** pwrite(2): bytes written or -errno. */
    public static long pwrite(int fd, MemorySegment buf, long count, long offset) {
        return rwSegment(PWRITE, fd, buf, count, offset);
    }

    /**
     * pread(2) into a raw address, for memory owned by another thread (a confined arena) whose
     * liveness the caller has checked: bytes read or -errno.
     */
    public static long pread(int fd, long addr, long count, long offset) {
        return rw(PREAD_ADDR, fd, addr, count, offset);
    }

    /** pwrite(2) from a raw address (see {@link #pread(int, long, long, long)}): bytes or -errno. */
    public static long pwrite(int fd, long addr, long count, long offset) {
        return rw(PWRITE_ADDR, fd, addr, count, offset);
    }

    /** pread/pwrite on a segment, EINTR retried; {@code h} is a static final handle, so it inlines. */
    private static long rwSegment(MethodHandle h, int fd, MemorySegment buf, long count, long offset) {
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

    /** preadv2/pwritev2, EINTR retried. */
    private static long rwVector(MethodHandle h, int fd, MemorySegment iov, int iovcnt, long offset, int flags) {
        MemorySegment st = Native.state();
        try {
            while (true) {
                long r = (long) h.invokeExact(st, fd, iov, iovcnt, offset, flags);
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

    private static long rw(MethodHandle h, int fd, long addr, long count, long offset) {
        MemorySegment st = Native.state();
        try {
            while (true) {
                long r = (long) h.invokeExact(st, fd, addr, count, offset);
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

    /** preadv2(2) with RWF_* flags (0 = preadv): bytes read or -errno (-EAGAIN for RWF_NOWAIT that would block). */
    public static long preadv2(int fd, MemorySegment iov, int iovcnt, long offset, int flags) {
        return rwVector(PREADV2, fd, iov, iovcnt, offset, flags);
    }

    /** pwritev2(2) with RWF_* flags (0 = pwritev): bytes written or -errno. */
    public static long pwritev2(int fd, MemorySegment iov, int iovcnt, long offset, int flags) {
        return rwVector(PWRITEV2, fd, iov, iovcnt, offset, flags);
    }

    /** fsync(2): 0 or -errno. */
    public static int fsync(int fd) {
        return intCall(FSYNC, fd);
    }

    /** fdatasync(2): 0 or -errno. */
    public static int fdatasync(int fd) {
        return intCall(FDATASYNC, fd);
    }

    private static int intCall(MethodHandle h, int fd) {
        MemorySegment st = Native.state();
        try {
            while (true) {
                int r = (int) h.invokeExact(st, fd);
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

    /** fallocate(2): 0 or -errno. */
    public static int fallocate(int fd, int mode, long offset, long len) {
        MemorySegment st = Native.state();
        try {
            while (true) {
                int r = (int) FALLOCATE.invokeExact(st, fd, mode, offset, len);
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

    /** ftruncate(2): 0 or -errno. */
    public static int ftruncate(int fd, long length) {
        MemorySegment st = Native.state();
        try {
            while (true) {
                int r = (int) FTRUNCATE.invokeExact(st, fd, length);
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

    /** posix_fadvise(2): 0 or -errno (the function returns the error number itself). */
    public static int posixFadvise(int fd, long offset, long len, int advice) {
        try {
            int r = (int) FADVISE.invokeExact(fd, offset, len, advice);
            return -r;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Native.bug(t);
        }
    }

    /** statx(2) into {@code buf} ({@link Statx#LAYOUT}): 0 or -errno. */
    public static int statx(int dirfd, MemorySegment path, int flags, int mask, MemorySegment buf) {
        MemorySegment st = Native.state();
        try {
            int r = (int) STATX.invokeExact(st, dirfd, path, flags, mask, buf);
            return r < 0 ? -Native.errno(st) : r;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Native.bug(t);
        }
    }

    /** eventfd(2): fd or -errno. */
    public static int eventfd(int initval, int flags) {
        MemorySegment st = Native.state();
        try {
            int r = (int) EVENTFD.invokeExact(st, initval, flags);
            return r < 0 ? -Native.errno(st) : r;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Native.bug(t);
        }
    }

    /** read(2): bytes or -errno (EINTR is returned, not retried, so waits stay interruptible). */
    public static long read(int fd, MemorySegment buf, long count) {
        MemorySegment st = Native.state();
        try {
            long r = (long) READ.invokeExact(st, fd, buf, count);
            return r < 0 ? -Native.errno(st) : r;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Native.bug(t);
        }
    }

    /** write(2): bytes or -errno. */
    public static long write(int fd, MemorySegment buf, long count) {
        MemorySegment st = Native.state();
        try {
            while (true) {
                long r = (long) WRITE.invokeExact(st, fd, buf, count);
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

    /** mmap(2): the address, or -errno (MAP_FAILED is reported as -errno). */
    public static long mmap(long addr, long length, int prot, int flags, int fd, long offset) {
        MemorySegment st = Native.state();
        try {
            long r = (long) MMAP.invokeExact(st, addr, length, prot, flags, fd, offset);
            return r == -1L ? -Native.errno(st) : r;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Native.bug(t);
        }
    }

    /** munmap(2): 0 or -errno. */
    public static int munmap(long addr, long length) {
        MemorySegment st = Native.state();
        try {
            int r = (int) MUNMAP.invokeExact(st, addr, length);
            return r < 0 ? -Native.errno(st) : r;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Native.bug(t);
        }
    }

    /**
     * syscall(2) with up to six arguments: the result or -errno. EINTR is returned to the caller,
     * who knows whether the call may be restarted.
     */
    public static long syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6) {
        MemorySegment st = Native.state();
        try {
            long r = (long) SYSCALL.invokeExact(st, nr, a1, a2, a3, a4, a5, a6);
            return r == -1L ? -Native.errno(st) : r;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Native.bug(t);
        }
    }
}
