package io.aio4j;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The one translator from a {@code -errno} result to an exception, with the JDK's mapping
 * (as in {@code sun.nio.fs.UnixException}) and a message that names the call:
 * {@code pread(fd=12, off=4096, len=512): EINVAL (Invalid argument)}. When a system setting is
 * the likely cause, the message ends with the section of docs/guide.md that explains it, e.g.
 * {@code see docs/guide.md#system-limits}. Stateless and thread-safe.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /**
     * The exception for an I/O result on a descriptor.
     *
     * @param result the negative result ({@code -errno}); a positive errno is accepted too
     * @param call the call's name, e.g. {@code "pread"}
     * @param fd the descriptor, or -1
     * @param offset the file offset, or -1 when the call has none
     * @param length the byte count, or -1 when the call has none
     * @return an {@link ErrnoException} whose message names the call, its arguments and the errno,
     *     and, when a system setting is the likely cause, the section of docs/guide.md about it
     */
    public static IOException forResult(long result, String call, int fd, long offset, long length) {
        int errno = (int) Math.abs(result);
        StringBuilder m = new StringBuilder(call).append('(');
        m.append("fd=").append(fd);
        if (offset >= 0) {
            m.append(", off=").append(offset);
        }
        if (length >= 0) {
            m.append(", len=").append(length);
        }
        m.append("): ").append(Errno.describe(errno));
        String hint = Troubleshooting.hint(errno, call);
        if (hint != null) {
            m.append("; ").append(hint);
        }
        return new ErrnoException(errno, m.toString());
    }

    /**
     * The exception for a call on a path, mapped as the JDK maps it: ENOENT becomes
     * {@link NoSuchFileException}, EACCES and EPERM {@link AccessDeniedException}, EEXIST
     * {@link FileAlreadyExistsException}, ENOTDIR {@link NotDirectoryException}, ENOTEMPTY
     * {@link DirectoryNotEmptyException}, ELOOP {@link FileSystemLoopException}; anything else a
     * {@link FileSystemException} whose reason names the call and the errno (and, when a system
     * setting is the likely cause, the section of docs/guide.md about it).
     *
     * @param result the negative result ({@code -errno}); a positive errno is accepted too
     * @param call the call's name, e.g. {@code "open(O_DIRECT)"}
     * @param path the path, as the exception's file
     * @return the exception
     */
    public static IOException forPath(long result, String call, String path) {
        int errno = (int) Math.abs(result);
        String reason = call + ": " + Errno.describe(errno);
        String hint = Troubleshooting.hint(errno, call);
        if (hint != null) {
            reason = reason + "; " + hint;
        }
        return switch (errno) {
            case Errno.ENOENT -> new NoSuchFileException(path, null, reason);
            case Errno.EACCES, Errno.EPERM -> new AccessDeniedException(path, null, reason);
            case Errno.EEXIST -> new FileAlreadyExistsException(path, null, reason);
            case Errno.ENOTDIR -> new NotDirectoryException(path);
            case Errno.ENOTEMPTY -> new DirectoryNotEmptyException(path);
            case Errno.ELOOP -> new FileSystemLoopException(path);
            default -> new FileSystemException(path, null, reason);
        };
    }

    /**
     * A result as text.
     *
     * @param result an event's result
     * @return {@code "-22 EINVAL (Invalid argument)"} for {@code -errno}; a result {@code >= 0} as its number
     */
    public static String resultText(long result) {
        return result >= 0 ? Long.toString(result) : result + " " + Errno.describe((int) -result);
    }
}
