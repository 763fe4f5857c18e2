package io.aio4j;

/**
 * Hints appended to error messages that point at a system setting, each naming the section of
 * docs/guide.md that explains the symptom and the fix.
 */
final class Troubleshooting {
    static final String GUIDE = "see docs/guide.md#";

    private Troubleshooting() {
    }

    /** A hint for this errno from this call, or null. */
    static String hint(int errno, String call) {
        if (call.startsWith("open(O_DIRECT") && errno == Errno.EINVAL) {
            return "O_DIRECT is refused by this filesystem (procfs, sysfs, tmpfs before Linux 6.6, some FUSE and "
                    + "network filesystems), " + GUIDE + "filesystems";
        }
        if (errno == Errno.EMFILE || errno == Errno.ENFILE) {
            return "the open-file limit is reached (ulimit -n, fs.file-max), " + GUIDE + "system-limits";
        }
        if (call.equals("io_setup") && errno == Errno.EAGAIN) {
            return "fs.aio-max-nr is exhausted, " + GUIDE + "system-limits";
        }
        if (call.startsWith("io_uring") && (errno == Errno.EPERM || errno == Errno.ENOSYS)) {
            return "io_uring is disabled (kernel.io_uring_disabled, seccomp or an old kernel), " + GUIDE + "system-limits";
        }
        if ((call.startsWith("io_uring") || call.equals("register_buffers")) && errno == Errno.ENOMEM) {
            return "the memlock limit may be too low (ulimit -l), " + GUIDE + "system-limits";
        }
        return null;
    }
}
