package io.aio4j.linux.file;

import io.aio4j.Errno;
import io.aio4j.IoRequest;
import io.aio4j.Op;
import io.aio4j.RwFlags;
import io.aio4j.linux.abi.Iovec;
import io.aio4j.linux.abi.LibC;
import java.lang.foreign.MemorySegment;

/**
 * Runs one request with blocking system calls on the calling thread: the Linux engines' path for
 * what they do in user space (Linux AIO's inline tries and workers, I/O on memory-backed files,
 * an op this kernel's io_uring lacks). A single buffer without RWF flags goes through plain
 * pread/pwrite; anything else through preadv2/pwritev2 with the request's flags, RWF_HIPRI
 * dropped (it only means something on polled I/O). Allocates nothing.
 */
public final class SyncIo {
    private SyncIo() {
    }

    /**
     * Runs {@code r} now. Its buffers are native and alive (the core's contract while in flight).
     *
     * @param iov an iovec array with room for the request's segments (one for a single buffer);
     *     filled here when the call needs it
     * @param extraRwFlags RWF flags added to the request's own (RWF_NOWAIT for an inline try)
     * @return bytes transferred, 0, or -errno
     */
    public static long run(IoRequest r, MemorySegment iov, int extraRwFlags) {
        int flags = (r.rwFlags() | extraRwFlags) & ~RwFlags.RWF_HIPRI;
        int fd = r.file() == null ? -1 : r.file().fd();
        Op op = r.op();
        return switch (op) {
            case NOOP -> 0;
            case PREAD, READ_FIXED -> flags == 0 ? LibC.pread(fd, r.buffer().address(), r.length(), r.offset())
                    : LibC.preadv2(fd, single(iov, r), 1, r.offset(), flags);
            case PWRITE, WRITE_FIXED -> flags == 0 ? LibC.pwrite(fd, r.buffer().address(), r.length(), r.offset())
                    : LibC.pwritev2(fd, single(iov, r), 1, r.offset(), flags);
            case PREADV -> LibC.preadv2(fd, vector(iov, r), r.segmentCount(), r.offset(), flags);
            case PWRITEV -> LibC.pwritev2(fd, vector(iov, r), r.segmentCount(), r.offset(), flags);
            case FSYNC -> LibC.fsync(fd);
            case FDSYNC -> LibC.fdatasync(fd);
            case FALLOCATE -> LibC.fallocate(fd, r.mode(), r.offset(), r.length());
            default -> -Errno.EINVAL;
        };
    }

    private static MemorySegment single(MemorySegment iov, IoRequest r) {
        Iovec.set(iov, 0, r.buffer().address(), r.length());
        return iov;
    }

    private static MemorySegment vector(MemorySegment iov, IoRequest r) {
        int n = r.segmentCount();
        for (int i = 0; i < n; i++) {
            MemorySegment s = r.segment(i);
            Iovec.set(iov, i, s.address(), s.byteSize());
        }
        return iov;
    }
}
