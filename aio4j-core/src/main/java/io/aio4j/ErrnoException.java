package io.aio4j;

import java.io.IOException;

/** An I/O error that carries its errno, for errors the JDK has no more specific exception for. */
public class ErrnoException extends IOException {
    /** The positive error number (part of the serialized form). */
    private final int errno;

    /**
     * An exception for this errno.
     *
     * @param errno the positive error number
     * @param message the full message, naming the call
     */
    public ErrnoException(int errno, String message) {
        super(message);
        this.errno = Math.abs(errno);
    }

    /** {@return the positive error number, e.g. {@link Errno#ENOSPC}} */
    public int errno() {
        return errno;
    }
}
