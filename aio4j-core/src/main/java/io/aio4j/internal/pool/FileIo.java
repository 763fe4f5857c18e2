package io.aio4j.internal.pool;

import io.aio4j.FileOption;
import io.aio4j.IoRequest;
import io.aio4j.spi.EngineFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * How the portable engine performs one request synchronously: with libc on Linux (pread,
 * preadv2 with RWF flags, fallocate...), or with FileChannel anywhere else.
 */
interface FileIo {
    /** Opens a file for this backend. */
    EngineFile open(Path path, Set<FileOption> options) throws IOException;

    /**
     * Performs {@code r} from byte {@code done} of its transfer on (a retry after a partial
     * RWF_NOWAIT attempt starts past what was already transferred), with extra RWF flags.
     *
     * @param slotIovecs native scratch for this request's iovec array (Linux), or null
     * @return bytes transferred by this call, 0, or -errno
     */
    long perform(IoRequest r, long done, int extraRwFlags, Iovecs.Scratch slotIovecs);

    /** Whether {@code perform} honours RWF_NOWAIT (the SQ_WORKQUEUE inline try). */
    boolean supportsNowait();
}
