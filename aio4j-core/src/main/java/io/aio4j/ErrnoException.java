package io.aio4j;

import java.io.IOException;

/** An I/O error that carries its errno, for errors the JDK has no more specific exception for. */
public class ErrnoException extends IOException {
    private final int errno;

    /**
     * @param errno the positive error number
     * @param message the full message, naming the call
     */
    public ErrnoException(int errno, String message) {
        super(message);
        this.errno = Math.abs(errno);
    }

    /** The positive error number, e.g. {@link Errno#ENOSPC}. */
    public int errno() {
        return errno;
    }
}
