package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/** IoErrors: the one translator from -errno to exceptions, with the JDK's mapping and the call named. */
class IoErrorsTest {
    @Test
    void aResultOnADescriptorNamesTheCallAndItsArguments() {
        IOException e = IoErrors.forResult(-Errno.EINVAL, "pread", 12, 4096, 512);
        assertThat(e).isInstanceOf(ErrnoException.class)
                .hasMessage("pread(fd=12, off=4096, len=512): EINVAL (Invalid argument)");
        assertThat(((ErrnoException) e).errno()).isEqualTo(Errno.EINVAL);
    }

    @Test
    void argumentsOfMinusOneAreLeftOut() {
        assertThat(IoErrors.forResult(-Errno.EIO, "fsync", 3, -1, -1)).hasMessage("fsync(fd=3): EIO (Input/output error)");
        assertThat(IoErrors.forResult(Errno.EFBIG, "ftruncate", 3, -1, 10)).as("a positive errno is accepted")
                .hasMessage("ftruncate(fd=3, len=10): EFBIG (File too large)");
    }

    @Test
    void pathErrorsMapAsTheJdkMapsThem() {
        assertThat(IoErrors.forPath(-Errno.ENOENT, "open", "/a")).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("/a").hasMessageContaining("open: ENOENT (No such file or directory)");
        assertThat(IoErrors.forPath(-Errno.EACCES, "open", "/a")).isInstanceOf(AccessDeniedException.class);
        assertThat(IoErrors.forPath(-Errno.EPERM, "open", "/a")).isInstanceOf(AccessDeniedException.class);
        assertThat(IoErrors.forPath(-Errno.EEXIST, "open", "/a")).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(IoErrors.forPath(-Errno.ENOTDIR, "open", "/a")).isInstanceOf(NotDirectoryException.class);
        assertThat(IoErrors.forPath(-Errno.ENOTEMPTY, "rmdir", "/a")).isInstanceOf(DirectoryNotEmptyException.class);
        assertThat(IoErrors.forPath(-Errno.ELOOP, "open", "/a")).isInstanceOf(FileSystemLoopException.class);
        IOException other = IoErrors.forPath(-Errno.EROFS, "open", "/a");
        assertThat(other.getClass()).isEqualTo(FileSystemException.class);
        assertThat(((FileSystemException) other).getFile()).isEqualTo("/a");
        assertThat(((FileSystemException) other).getReason()).isEqualTo("open: EROFS (Read-only file system)");
    }

    @Test
    void errorsCausedBySystemSettingsPointAtTheGuide() {
        assertThat(IoErrors.forPath(-Errno.EINVAL, "open(O_DIRECT)", "/dev/shm/x")).hasMessageContaining("tmpfs")
                .hasMessageContaining("docs/guide.md#filesystems");
        assertThat(IoErrors.forResult(-Errno.EAGAIN, "io_setup", -1, -1, 128)).hasMessageContaining("fs.aio-max-nr");
        assertThat(IoErrors.forResult(-Errno.EPERM, "io_uring_setup", -1, -1, -1)).hasMessageContaining("io_uring_disabled");
        assertThat(IoErrors.forResult(-Errno.ENOMEM, "io_uring_register", 5, -1, -1)).hasMessageContaining("ulimit -l");
        assertThat(IoErrors.forResult(-Errno.EINVAL, "pread", 1, 0, 1)).hasMessageNotContaining("docs/guide.md");
    }

    @Test
    void resultTextShowsErrorsByName() {
        assertThat(IoErrors.resultText(-22)).isEqualTo("-22 EINVAL (Invalid argument)");
        assertThat(IoErrors.resultText(4096)).isEqualTo("4096");
        assertThat(IoErrors.resultText(0)).isEqualTo("0");
        assertThat(new IoEvent().toString()).contains("result=0");
    }
}
