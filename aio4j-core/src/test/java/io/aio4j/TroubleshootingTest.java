package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** Errors caused by a system setting name the guide section that explains the fix; others do not. */
class TroubleshootingTest {
    @Test
    void systemSettingErrorsPointAtTheGuide() {
        assertThat(Troubleshooting.hint(Errno.EINVAL, "open(O_DIRECT)")).contains("O_DIRECT").endsWith("#filesystems");
        assertThat(Troubleshooting.hint(Errno.EAGAIN, "io_setup")).contains("fs.aio-max-nr").endsWith("#system-limits");
        assertThat(Troubleshooting.hint(Errno.EPERM, "io_uring_setup")).contains("io_uring_disabled").endsWith("#system-limits");
        assertThat(Troubleshooting.hint(Errno.ENOSYS, "io_uring_setup")).contains("seccomp").endsWith("#system-limits");
        assertThat(Troubleshooting.hint(Errno.ENOMEM, "io_uring_setup")).contains("ulimit -l").endsWith("#system-limits");
        assertThat(Troubleshooting.hint(Errno.ENOMEM, "register_buffers")).contains("ulimit -l").endsWith("#system-limits");
        assertThat(Troubleshooting.hint(Errno.EMFILE, "open")).contains("ulimit -n").endsWith("#system-limits");
        assertThat(Troubleshooting.hint(Errno.ENFILE, "eventfd")).contains("fs.file-max").endsWith("#system-limits");
    }

    @Test
    void otherErrorsGetNoHint() {
        assertThat(Troubleshooting.hint(Errno.EINVAL, "open")).isNull();
        assertThat(Troubleshooting.hint(Errno.ENOENT, "open(O_DIRECT)")).isNull();
        assertThat(Troubleshooting.hint(Errno.EINVAL, "pread")).isNull();
        assertThat(Troubleshooting.hint(Errno.EAGAIN, "io_submit")).isNull();
    }

    @Test
    void theHintIsPartOfTheMessage() {
        assertThat(IoErrors.forResult(-Errno.EAGAIN, "io_setup", -1, -1, 8).getMessage())
                .isEqualTo("io_setup(fd=-1, len=8): EAGAIN (Resource temporarily unavailable); fs.aio-max-nr is exhausted, "
                        + "see docs/guide.md#system-limits");
        assertThat(IoErrors.forPath(-Errno.EINVAL, "open(O_DIRECT)", "/proc/self/status"))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("/proc/self/status: open(O_DIRECT): EINVAL (Invalid argument); O_DIRECT is refused")
                .hasMessageEndingWith("see docs/guide.md#filesystems");
    }
}
