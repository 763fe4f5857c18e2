package io.aio4j;

/** How {@link IoContext#openFile} opens a file. With neither READ nor WRITE the file is opened read-only. */
public enum FileOption {
    /** Open for reading. */
    READ,
    /** Open for writing. */
    WRITE,
    /** Create the file if it does not exist (mode 0644 before umask). */
    CREATE,
    /** Create the file; fail with FileAlreadyExistsException if it exists. */
    CREATE_NEW,
    /** Truncate an existing file to 0 bytes (needs WRITE). */
    TRUNCATE_EXISTING,
    /** O_DIRECT: bypass the page cache. Buffers, offsets and lengths must be aligned ({@link IoFile#alignment()}). */
    DIRECT,
    /** O_DSYNC: each write is durable (data) when it completes. */
    DSYNC,
    /** O_SYNC: each write is durable (data and metadata) when it completes. */
    SYNC
}
