package io.aio4j.linux.file;

import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.RwFlags;

/**
 * Which requests the Linux engines run on the submitting thread (with {@link SyncIo}) rather than
 * through the kernel's ring or a worker:
 * buffered reads, writes and syncs of a memory-backed file (tmpfs, ramfs), outside link chains
 * and without the caller's RWF_NOWAIT. Such a file does not support non-blocking tries, so the
 * kernel would punt each io_uring one to an io-wq worker thread, and Linux AIO would hand it to
 * one of its workers: a hand-off that costs several times the memory copy itself (seed 003's job
 * on /dev/shm: fio's io_uring engine takes 4x its libaio time). Their results reach the reaper
 * through the context's user-space queue.
 * {@link LinuxFile#MEMORY_FILES_INLINE} turns this off.
 */
public final class InlineIo {
    private InlineIo() {
    }

    /** Whether {@code r} runs inline. */
    public static boolean suits(IoRequest r) {
        IoFile f = r.file();
        if (f == null || r.linkFlags() != 0 || (r.rwFlags() & RwFlags.RWF_NOWAIT) != 0
                || !LinuxFile.MEMORY_FILES_INLINE || !f.isMemoryBacked()) {
            return false;
        }
        return switch (r.op()) {
            case PREAD, PWRITE, PREADV, PWRITEV, READ_FIXED, WRITE_FIXED, FSYNC, FDSYNC -> true;
            default -> false;
        };
    }
}
