package io.aio4j.linux.uring;

import io.aio4j.Errno;
import io.aio4j.IoRequest;
import io.aio4j.linux.abi.Iovec;
import io.aio4j.linux.abi.LibC;
import java.lang.foreign.MemorySegment;

/**
 * The portable path for an op this kernel's io_uring lacks (REGISTER_PROBE says so), and for
 * I/O on memory-backed files ({@link InlineIo}): the request runs synchronously on the submitting
 * thread with the plain syscall, and its result is queued for the reaper. For a missing op it can
 * block the submitter, which is why the context reports that in its downgrades.
 */
final class SyncExecutor {
    private SyncExecutor() {
    }

    /**
     * Runs {@code r} now.
     *
     * @param iov an iovec array with room for the request's segments (vectored ops)
     * @return the result, {@code >= 0} or {@code -errno}
     */
    static long run(IoRequest r, MemorySegment iov) {
        int fd = r.file() == null ? -1 : r.file().fd();
        return switch (r.op()) {
            case NOOP -> 0;
            case PREAD, READ_FIXED -> {
                if (r.rwFlags() == 0) { // the plain call: no iovec to fill
                    yield LibC.pread(fd, r.buffer().address(), r.length(), r.offset());
                }
                Iovec.set(iov, 0, r.buffer().address(), r.length());
                yield LibC.preadv2(fd, iov, 1, r.offset(), r.rwFlags());
            }
            case PWRITE, WRITE_FIXED -> {
                if (r.rwFlags() == 0) {
                    yield LibC.pwrite(fd, r.buffer().address(), r.length(), r.offset());
                }
                Iovec.set(iov, 0, r.buffer().address(), r.length());
                yield LibC.pwritev2(fd, iov, 1, r.offset(), r.rwFlags());
            }
            case PREADV, PWRITEV -> {
                int n = r.segmentCount();
                for (int i = 0; i < n; i++) {
                    Iovec.set(iov, i, r.segment(i).address(), r.segment(i).byteSize());
                }
                yield r.op() == io.aio4j.Op.PREADV
                        ? LibC.preadv2(fd, iov, n, r.offset(), r.rwFlags())
                        : LibC.pwritev2(fd, iov, n, r.offset(), r.rwFlags());
            }
            case FSYNC -> LibC.fsync(fd);
            case FDSYNC -> LibC.fdatasync(fd);
            case FALLOCATE -> LibC.fallocate(fd, r.mode(), r.offset(), r.length());
            default -> -Errno.EINVAL;
        };
    }
}
