package io.aio4j.linux.abi;

import java.lang.foreign.MemorySegment;

/**
 * The Linux AIO system calls (there are no libc wrappers; libaio's are not used). Each returns
 * {@code >= 0} or {@code -errno}, never throws and allocates nothing. Memory arguments are
 * native segments that the caller keeps alive for as long as the kernel may use them.
 */
public final class AioSyscalls {
    private AioSyscalls() {
    }

    /**
     * io_setup(nr, ctxp): 0 or -errno (-EAGAIN when fs.aio-max-nr would be exceeded, -EINVAL for
     * nr 0, -ENOSYS without AIO). {@code ctxp} is an 8-byte segment that must hold 0 on entry; on
     * success it holds the aio_context_t (the ring's address).
     */
    public static int ioSetup(int nr, MemorySegment ctxp) {
        return (int) LibC.syscall(Syscalls.IO_SETUP, nr, ctxp.address(), 0, 0, 0, 0);
    }

    /** io_destroy(ctx): 0 or -errno. Waits for all in-flight I/O, then unmaps the ring. */
    public static int ioDestroy(long ctx) {
        return (int) LibC.syscall(Syscalls.IO_DESTROY, ctx, 0, 0, 0, 0, 0);
    }

    /**
     * io_submit(ctx, nr, iocbpp): how many iocbs were accepted (a prefix), or -errno when the
     * first one failed (-EAGAIN: no room). EINTR before anything was accepted is retried.
     */
    public static int ioSubmit(long ctx, int nr, MemorySegment iocbpp) {
        return ioSubmit(ctx, nr, iocbpp.address());
    }

    /** {@link #ioSubmit(long, int, MemorySegment)} with the pointer array's address. */
    public static int ioSubmit(long ctx, int nr, long iocbppAddress) {
        while (true) {
            long r = LibC.syscall(Syscalls.IO_SUBMIT, ctx, nr, iocbppAddress, 0, 0, 0);
            if (r != -Errnos.EINTR) {
                return (int) r;
            }
        }
    }

    /**
     * io_getevents(ctx, min, nr, events, timeout): the number of events copied into
     * {@code events}, or -errno (-EINTR on a signal, -EINVAL once the context is destroyed).
     * {@code timeout} is a {@code struct timespec} (relative; zeros to poll) or
     * {@link MemorySegment#NULL} to wait forever.
     */
    public static int ioGetevents(long ctx, int min, int nr, MemorySegment events, MemorySegment timeout) {
        return (int) LibC.syscall(Syscalls.IO_GETEVENTS, ctx, min, nr, events.address(), timeout.address(), 0);
    }

    /**
     * io_cancel(ctx, iocb, result): -EINPROGRESS when cancelled (the event still arrives), -EINVAL
     * for requests that cannot be cancelled (all regular-file I/O), or another -errno.
     */
    public static int ioCancel(long ctx, MemorySegment iocb, MemorySegment result) {
        return (int) LibC.syscall(Syscalls.IO_CANCEL, ctx, iocb.address(), result.address(), 0, 0, 0);
    }
}
