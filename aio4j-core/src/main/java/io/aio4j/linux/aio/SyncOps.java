package io.aio4j.linux.aio;

import io.aio4j.Errno;
import io.aio4j.IoRequest;
import io.aio4j.Op;
import io.aio4j.RwFlags;
import io.aio4j.linux.abi.LibC;
import java.lang.foreign.MemorySegment;

/**
 * Runs one request with blocking system calls, on the thread that calls it (a worker, or the
 * submitter when asked to run inline): preadv2/pwritev2 with the request's RWF flags, fsync,
 * fdatasync, fallocate. RWF_HIPRI is dropped (it only means something on polled contexts, and
 * the kernel ignores it on non-polled AIO too).
 */
final class SyncOps {
    private SyncOps() {
    }

    /**
     * Runs {@code r}, whose slot iovec array {@code iov} was filled by
     * {@link SlotMemory#iovec}. Returns bytes, 0 or -errno.
     *
     * @param extraRwFlags RWF flags added to the request's own (RWF_NOWAIT for an inline try)
     */
    static long run(IoRequest r, MemorySegment iov, int extraRwFlags) {
        return runWith(r, iov, extraRwFlags);
    }

    /**
     * Runs {@code r} on the calling thread with the plainest call: pread/pwrite for a single
     * buffer without RWF flags (no iovec to fill), else as {@link #run} with the slot's iovec.
     */
    static long runPlain(IoRequest r, SlotMemory memory, int slot) {
        Op op = r.op();
        if ((r.rwFlags() & ~RwFlags.RWF_HIPRI) == 0) {
            if (op == Op.PREAD || op == Op.READ_FIXED) {
                return LibC.pread(r.file().fd(), r.buffer().address(), r.length(), r.offset()); // the core checked the range
            }
            if (op == Op.PWRITE || op == Op.WRITE_FIXED) {
                return LibC.pwrite(r.file().fd(), r.buffer().address(), r.length(), r.offset());
            }
        }
        return runWith(r, op.transfersData() ? memory.iovec(slot, r) : MemorySegment.NULL, 0);
    }

    private static long runWith(IoRequest r, MemorySegment iov, int extraRwFlags) {
        int flags = (r.rwFlags() | extraRwFlags) & ~RwFlags.RWF_HIPRI;
        int fd = r.file() == null ? -1 : r.file().fd();
        return switch (r.op()) {
            case NOOP -> 0;
            case PREAD, READ_FIXED, PREADV -> LibC.preadv2(fd, iov, SlotMemory.iovCount(r), r.offset(), flags);
            case PWRITE, WRITE_FIXED, PWRITEV -> LibC.pwritev2(fd, iov, SlotMemory.iovCount(r), r.offset(), flags);
            case FSYNC -> LibC.fsync(fd);
            case FDSYNC -> LibC.fdatasync(fd);
            case FALLOCATE -> LibC.fallocate(fd, r.mode(), r.offset(), r.length());
            default -> -Errno.EINVAL;
        };
    }
}
