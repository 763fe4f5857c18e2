package io.aio4j;

/**
 * Error numbers, with Linux's values on every platform: results below the SPI are {@code >= 0}
 * or {@code -errno}, and the portable engine maps its Java exceptions onto these values too.
 */
public final class Errno {
    /** EPERM (1): Operation not permitted. */
    public static final int EPERM = 1;
    /** ENOENT (2): No such file or directory. */
    public static final int ENOENT = 2;
    /** EINTR (4): Interrupted system call. */
    public static final int EINTR = 4;
    /** EIO (5): Input/output error. */
    public static final int EIO = 5;
    /** ENXIO (6): No such device or address. */
    public static final int ENXIO = 6;
    /** E2BIG (7): Argument list too long. */
    public static final int E2BIG = 7;
    /** EBADF (9): Bad file descriptor. */
    public static final int EBADF = 9;
    /** EAGAIN (11): Resource temporarily unavailable. */
    public static final int EAGAIN = 11;
    /** ENOMEM (12): Cannot allocate memory. */
    public static final int ENOMEM = 12;
    /** EACCES (13): Permission denied. */
    public static final int EACCES = 13;
    /** EFAULT (14): Bad address. */
    public static final int EFAULT = 14;
    /** EBUSY (16): Device or resource busy. */
    public static final int EBUSY = 16;
    /** EEXIST (17): File exists. */
    public static final int EEXIST = 17;
    /** ENODEV (19): No such device. */
    public static final int ENODEV = 19;
    /** ENOTDIR (20): Not a directory. */
    public static final int ENOTDIR = 20;
    /** EISDIR (21): Is a directory. */
    public static final int EISDIR = 21;
    /** EINVAL (22): Invalid argument. */
    public static final int EINVAL = 22;
    /** ENFILE (23): Too many open files in system. */
    public static final int ENFILE = 23;
    /** EMFILE (24): Too many open files. */
    public static final int EMFILE = 24;
    /** EFBIG (27): File too large. */
    public static final int EFBIG = 27;
    /** ENOSPC (28): No space left on device. */
    public static final int ENOSPC = 28;
    /** ESPIPE (29): Illegal seek. */
    public static final int ESPIPE = 29;
    /** EROFS (30): Read-only file system. */
    public static final int EROFS = 30;
    /** ERANGE (34): Numerical result out of range. */
    public static final int ERANGE = 34;
    /** ENOSYS (38): Function not implemented. */
    public static final int ENOSYS = 38;
    /** ENOTEMPTY (39): Directory not empty. */
    public static final int ENOTEMPTY = 39;
    /** ELOOP (40): Too many levels of symbolic links. */
    public static final int ELOOP = 40;
    /** EBADR (53): Invalid request descriptor. */
    public static final int EBADR = 53;
    /** ETIME (62): Timer expired. */
    public static final int ETIME = 62;
    /** EOVERFLOW (75): Value too large for defined data type. */
    public static final int EOVERFLOW = 75;
    /** EOPNOTSUPP (95): Operation not supported. */
    public static final int EOPNOTSUPP = 95;
    /** EDQUOT (122): Disk quota exceeded. */
    public static final int EDQUOT = 122;
    /** EALREADY (114): Operation already in progress. */
    public static final int EALREADY = 114;
    /** EINPROGRESS (115): Operation now in progress. */
    public static final int EINPROGRESS = 115;
    /** ECANCELED (125): Operation canceled. */
    public static final int ECANCELED = 125;

    private Errno() {
    }

    /**
     * The symbolic name.
     *
     * @param errno an error number, positive or negative
     * @return e.g. {@code "EINVAL"}, or {@code "E<n>"} for a number this class does not know
     */
    public static String name(int errno) {
        int e = Math.abs(errno);
        return switch (e) {
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case EINTR -> "EINTR";
            case EIO -> "EIO";
            case ENXIO -> "ENXIO";
            case E2BIG -> "E2BIG";
            case EBADF -> "EBADF";
            case EAGAIN -> "EAGAIN";
            case ENOMEM -> "ENOMEM";
            case EACCES -> "EACCES";
            case EFAULT -> "EFAULT";
            case EBUSY -> "EBUSY";
            case EEXIST -> "EEXIST";
            case ENODEV -> "ENODEV";
            case ENOTDIR -> "ENOTDIR";
            case EISDIR -> "EISDIR";
            case EINVAL -> "EINVAL";
            case ENFILE -> "ENFILE";
            case EMFILE -> "EMFILE";
            case EFBIG -> "EFBIG";
            case ENOSPC -> "ENOSPC";
            case ESPIPE -> "ESPIPE";
            case EROFS -> "EROFS";
            case ERANGE -> "ERANGE";
            case ENOSYS -> "ENOSYS";
            case ENOTEMPTY -> "ENOTEMPTY";
            case ELOOP -> "ELOOP";
            case EBADR -> "EBADR";
            case ETIME -> "ETIME";
            case EOVERFLOW -> "EOVERFLOW";
            case EOPNOTSUPP -> "EOPNOTSUPP";
            case EDQUOT -> "EDQUOT";
            case EALREADY -> "EALREADY";
            case EINPROGRESS -> "EINPROGRESS";
            case ECANCELED -> "ECANCELED";
            default -> "E" + e;
        };
    }

    /**
     * strerror(3)'s text for the errors aio4j reports.
     *
     * @param errno an error number, positive or negative
     * @return e.g. {@code "Invalid argument"}
     */
    public static String description(int errno) {
        int e = Math.abs(errno);
        return switch (e) {
            case EPERM -> "Operation not permitted";
            case ENOENT -> "No such file or directory";
            case EINTR -> "Interrupted system call";
            case EIO -> "Input/output error";
            case ENXIO -> "No such device or address";
            case E2BIG -> "Argument list too long";
            case EBADF -> "Bad file descriptor";
            case EAGAIN -> "Resource temporarily unavailable";
            case ENOMEM -> "Cannot allocate memory";
            case EACCES -> "Permission denied";
            case EFAULT -> "Bad address";
            case EBUSY -> "Device or resource busy";
            case EEXIST -> "File exists";
            case ENODEV -> "No such device";
            case ENOTDIR -> "Not a directory";
            case EISDIR -> "Is a directory";
            case EINVAL -> "Invalid argument";
            case ENFILE -> "Too many open files in system";
            case EMFILE -> "Too many open files";
            case EFBIG -> "File too large";
            case ENOSPC -> "No space left on device";
            case ESPIPE -> "Illegal seek";
            case EROFS -> "Read-only file system";
            case ERANGE -> "Numerical result out of range";
            case ENOSYS -> "Function not implemented";
            case ENOTEMPTY -> "Directory not empty";
            case ELOOP -> "Too many levels of symbolic links";
            case EBADR -> "Invalid request descriptor";
            case ETIME -> "Timer expired";
            case EOVERFLOW -> "Value too large for defined data type";
            case EOPNOTSUPP -> "Operation not supported";
            case EDQUOT -> "Disk quota exceeded";
            case EALREADY -> "Operation already in progress";
            case EINPROGRESS -> "Operation now in progress";
            case ECANCELED -> "Operation canceled";
            default -> "Unknown error " + e;
        };
    }

    /**
     * The name and the text.
     *
     * @param errno an error number, positive or negative
     * @return e.g. {@code "EINVAL (Invalid argument)"}
     */
    public static String describe(int errno) {
        return name(errno) + " (" + description(errno) + ")";
    }
}
