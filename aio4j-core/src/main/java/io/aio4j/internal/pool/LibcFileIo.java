package io.aio4j.internal.pool;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoRequest;
import io.aio4j.linux.abi.Iovec;
import io.aio4j.linux.abi.LibC;
import io.aio4j.linux.file.LinuxFile;
import io.aio4j.spi.EngineFile;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Set;

/**
 * The portable engine's Linux backend: each request is one libc call (pread/pwrite, or
 * preadv2/pwritev2 when RWF flags or several segments are involved, fsync, fdatasync,
 * fallocate). A single buffer that this thread may access (global, auto, shared, or confined to
 * this thread) is passed to pread/pwrite as a segment, so the JDK keeps its arena from closing
 * during the call (a close() then fails with IllegalStateException). Other buffers (a confined
 * arena of another thread, vectored requests, RWF flags) go as raw addresses, checked alive just
 * before the call (-EFAULT otherwise). The core only hands engines memory of closeable arenas
 * when the caller promised to keep them open (ContextOptions.callerKeepsArenasOpen); otherwise it
 * gives a context-owned copy, so these buffers cannot be freed during the call.
 */
final class LibcFileIo implements FileIo {
    @Override
    public EngineFile open(Path path, Set<FileOption> options) throws IOException {
        return LinuxFile.open(path, options);
    }

    @Override
    public boolean supportsNowait() {
        return true;
    }

    @Override
    public long perform(IoRequest r, long done, int extraRwFlags, Iovecs.Scratch scratch) {
        try {
            return switch (r.op()) {
                case NOOP -> 0;
                case PREAD, READ_FIXED, PWRITE, WRITE_FIXED -> single(r, done, r.rwFlags() | extraRwFlags, scratch);
                case PREADV, PWRITEV -> vectored(r, done, r.rwFlags() | extraRwFlags, scratch);
                case FSYNC -> LibC.fsync(r.file().fd());
                case FDSYNC -> LibC.fdatasync(r.file().fd());
                case FALLOCATE -> LibC.fallocate(r.file().fd(), r.mode(), r.offset(), r.length());
            };
        } catch (IllegalStateException | IllegalArgumentException e) {
            return -Errno.EFAULT; // the buffer's arena was closed under the request
        }
    }

    private static long single(IoRequest r, long done, int flags, Iovecs.Scratch scratch) {
        int fd = r.file().fd();
        MemorySegment b = r.buffer();
        long len = r.length() - done;
        boolean read = r.op().isRead();
        if (!b.scope().isAlive()) {
            return -Errno.EFAULT;
        }
        if (flags == 0) {
            long off = r.offset() + done;
            if (b.isAccessibleBy(Thread.currentThread())) {
                // Passing the segment makes the JDK hold its arena for the call: a concurrent
                // close() of a shared arena then fails with IllegalStateException instead of
                // freeing memory the kernel is using. Only a confined arena owned by another
                // thread still goes by raw address (checked alive just above).
                MemorySegment s = done == 0 ? b : b.asSlice(done); // a slice only after a partial NOWAIT try
                return read ? LibC.pread(fd, s, len, off) : LibC.pwrite(fd, s, len, off);
            }
            long at = b.address() + done;
            return read ? LibC.pread(fd, at, len, off) : LibC.pwrite(fd, at, len, off);
        }
        MemorySegment iov = scratch.ensure(1);
        Iovec.set(iov, 0, b.address() + done, len);
        long off = (flags & io.aio4j.RwFlags.RWF_APPEND) != 0 ? -1 : r.offset() + done;
        return read ? LibC.preadv2(fd, iov, 1, off, flags) : LibC.pwritev2(fd, iov, 1, off, flags);
    }

    private static long vectored(IoRequest r, long done, int flags, Iovecs.Scratch scratch) {
        int count = r.segmentCount();
        if (count == 0) {
            return 0;
        }
        MemorySegment iov = scratch.ensure(count);
        int n = 0;
        long skip = done;
        for (int i = 0; i < count; i++) {
            MemorySegment s = r.segment(i);
            if (!s.scope().isAlive()) {
                return -Errno.EFAULT;
            }
            long size = s.byteSize();
            if (skip >= size) {
                skip -= size;
                continue;
            }
            Iovec.set(iov, n++, s.address() + skip, size - skip);
            skip = 0;
        }
        if (n == 0) {
            return 0;
        }
        int fd = r.file().fd();
        long off = (flags & io.aio4j.RwFlags.RWF_APPEND) != 0 ? -1 : r.offset() + done;
        return r.op().isRead() ? LibC.preadv2(fd, iov, n, off, flags) : LibC.pwritev2(fd, iov, n, off, flags);
    }
}
