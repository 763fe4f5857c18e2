package io.aio4j.spi;

import java.io.IOException;

/** A file opened by an engine. The core counts references and calls {@link #close()} once. */
public interface EngineFile {
    /** {@return the descriptor, or -1 where the engine does not use descriptors} */
    int fd();

    /**
     * The file's size.
     *
     * @return the size in bytes
     * @throws IOException if the system call fails
     */
    long size() throws IOException;

    /**
     * Truncates (or extends with zeros) to {@code size}.
     *
     * @param size the new size in bytes, {@code >= 0}
     * @throws IOException if the system call fails
     */
    void truncate(long size) throws IOException;

    /**
     * The O_DIRECT alignment of memory, offsets and lengths in bytes (from statx DIOALIGN or the
     * logical block size), or 1 when the file is not opened O_DIRECT.
     *
     * @return the alignment in bytes
     */
    int alignment();

    /**
     * Whether the file's data lives only in memory (tmpfs, ramfs): buffered I/O on it copies
     * memory and never waits for a device, so an engine may run it inline on the submitting thread
     * rather than hand it to a worker. The default is false (no such knowledge).
     *
     * @return true for a memory-backed filesystem
     */
    default boolean memoryBacked() {
        return false;
    }

    /**
     * Closes the descriptor; called exactly once, when no request uses the file any more.
     *
     * @throws IOException if close(2) fails
     */
    void close() throws IOException;
}
