package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.FileOption;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Files opened through a context: the JDK's exceptions, size, truncate, close. */
public interface FileCases extends ConformanceFixture {
    @Test
    default void createNewOnAnExistingFileIsFileAlreadyExists() throws Exception {
        Path p = pattern("exists.bin", 100);
        assertThatThrownBy(() -> ctx().openFile(p, FileOption.WRITE, FileOption.CREATE_NEW))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining(p.toString());
        assertThat(Files.size(p)).isEqualTo(100);
    }

    @Test
    default void createNewMakesAnEmptyFile() throws Exception {
        Path p = dir().resolve("new.bin");
        IoFile f = ctx().openFile(p, FileOption.CREATE_NEW);
        assertThat(f.writable()).as("CREATE_NEW implies WRITE").isTrue();
        assertThat(f.readable()).isTrue();
        assertThat(f.size()).isZero();
        assertThat(Files.exists(p)).isTrue();
    }

    @Test
    default void aMissingFileIsNoSuchFile() throws Exception {
        Path p = dir().resolve("missing.bin");
        assertThatThrownBy(() -> ctx().openFile(p)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(p.toString());
        assertThatThrownBy(() -> ctx().openFile(p, FileOption.WRITE)).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.exists(p)).isFalse();
    }

    @Test
    default void openingADirectoryForWritingFails() throws Exception {
        assertThatThrownBy(() -> ctx().openFile(dir(), FileOption.WRITE)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    default void truncateExistingWithoutWriteIsIae() throws Exception {
        Path p = pattern("t.bin", 100);
        assertThatThrownBy(() -> ctx().openFile(p, FileOption.TRUNCATE_EXISTING)).isInstanceOf(IllegalArgumentException.class);
        IoFile f = ctx().openFile(p, FileOption.WRITE, FileOption.TRUNCATE_EXISTING);
        assertThat(f.size()).isZero();
    }

    @Test
    default void sizeAndTruncate() throws Exception {
        IoFile f = ctx().openFile(pattern("size.bin", 12_345), FileOption.READ, FileOption.WRITE);
        assertThat(f.size()).isEqualTo(12_345);
        f.truncate(100);
        assertThat(f.size()).isEqualTo(100);
        f.truncate(1 << 20);
        assertThat(f.size()).isEqualTo(1 << 20);
        assertThat(Files.size(f.path())).isEqualTo(1 << 20);
        assertThatThrownBy(() -> f.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
        IoFile ro = ctx().openFile(f.path());
        assertThatThrownBy(() -> ro.truncate(0)).isInstanceOf(NonWritableChannelException.class);
        assertThat(ro.size()).isEqualTo(1 << 20);
    }

    @Test
    default void closeTwiceIsHarmlessAndAClosedFileRefusesSize() throws Exception {
        IoFile f = openPattern(4096);
        assertThat(f.isOpen()).isTrue();
        f.close();
        f.close();
        assertThat(f.isOpen()).isFalse();
        assertThatThrownBy(f::size).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> f.truncate(0)).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    default void aFileKnowsItsContextPathAndOptions() throws Exception {
        Path p = pattern("opts.bin", 10);
        IoFile f = ctx().openFile(p, FileOption.READ, FileOption.WRITE, FileOption.DSYNC);
        assertThat(f.context()).isSameAs(ctx());
        assertThat(f.path()).isEqualTo(p);
        assertThat(f.options()).isEqualTo(Set.of(FileOption.READ, FileOption.WRITE, FileOption.DSYNC));
        assertThat(f.readable()).isTrue();
        assertThat(f.writable()).isTrue();
        IoFile ro = ctx().openFile(p);
        assertThat(ro.readable()).isTrue();
        assertThat(ro.writable()).isFalse();
    }

    @Test
    default void manyFilesAtOnce() throws Exception {
        IoFile[] files = new IoFile[32];
        IoRequest[] rs = new IoRequest[files.length];
        for (int i = 0; i < files.length; i++) {
            files[i] = ctx().openFile(pattern("m" + i + ".bin", 4096 + i));
            rs[i] = new IoRequest().prepRead(files[i], buffer(8192), 0).userData(i);
        }
        for (var e : submitAndReap(ctx(), rs)) {
            assertThat(e.result()).isEqualTo(4096 + e.userData());
            PatternFile.verify(e.request().buffer(), 0, e.result());
        }
        for (IoFile f : files) {
            f.close();
        }
    }
}
