package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoEvent;
import io.aio4j.IoErrors;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Errors the kernel would report arrive as events with {@code -errno}, never as exceptions
 * from submit, and leave the context usable.
 */
public interface ErrorEventCases extends ConformanceFixture {
    @Test
    default void readOnAWriteOnlyFileIsEbadf() throws Exception {
        IoFile f = ctx().openFile(pattern("wo.bin", 4096), FileOption.WRITE);
        assertThat(result(new IoRequest().prepRead(f, buffer(512), 0))).isEqualTo(-Errno.EBADF);
        assertThat(result(new IoRequest().prepReadv(f, new MemorySegment[] {buffer(512)}, 0))).isEqualTo(-Errno.EBADF);
    }

    @Test
    default void writeOnAReadOnlyFileIsEbadf() throws Exception {
        IoFile f = openPattern(4096);
        assertThat(result(new IoRequest().prepWrite(f, buffer(512), 0))).isEqualTo(-Errno.EBADF);
        assertThat(result(new IoRequest().prepWritev(f, new MemorySegment[] {buffer(512)}, 0))).isEqualTo(-Errno.EBADF);
        assertThat(result(new IoRequest().prepFallocate(f, 0, 0, 4096))).isEqualTo(-Errno.EBADF);
        PatternFile.verify(MemorySegment.ofArray(java.nio.file.Files.readAllBytes(f.path())), 0);
    }

    @Test
    default void negativeOffsetIsEinval() throws Exception {
        IoFile f = ctx().openFile(pattern("neg.bin", 4096), FileOption.READ, FileOption.WRITE);
        assertThat(result(new IoRequest().prepRead(f, buffer(512), -1))).isEqualTo(-Errno.EINVAL);
        assertThat(result(new IoRequest().prepWrite(f, buffer(512), -4096))).isEqualTo(-Errno.EINVAL);
        assertThat(result(new IoRequest().prepReadv(f, new MemorySegment[] {buffer(8)}, Long.MIN_VALUE)))
                .isEqualTo(-Errno.EINVAL);
        assertThat(f.size()).isEqualTo(4096);
    }

    @Test
    default void offsetPlusLengthOverflowingIsEinval() throws Exception {
        IoFile f = openPattern(4096);
        assertThat(result(new IoRequest().prepRead(f, buffer(4096), Long.MAX_VALUE - 100))).isEqualTo(-Errno.EINVAL);
    }

    @Test
    default void requestOnAClosedFileIsEbadf() throws Exception {
        IoFile f = ctx().openFile(pattern("closed.bin", 4096), FileOption.READ, FileOption.WRITE);
        f.close();
        assertThat(result(new IoRequest().prepRead(f, buffer(512), 0))).isEqualTo(-Errno.EBADF);
        assertThat(result(new IoRequest().prepWrite(f, buffer(512), 0))).isEqualTo(-Errno.EBADF);
        assertThat(result(new IoRequest().prepFsync(f))).isEqualTo(-Errno.EBADF);
    }

    @Test
    default void aBatchMixingErrorsAndGoodRequestsCompletesEveryOne() throws Exception {
        Path p = pattern("mix.bin", 64 * 1024);
        IoFile ro = ctx().openFile(p);
        IoFile wo = ctx().openFile(p, FileOption.WRITE);
        IoRequest[] rs = {
            new IoRequest().prepRead(ro, buffer(4096), 0).userData(0),
            new IoRequest().prepRead(wo, buffer(4096), 0).userData(1),
            new IoRequest().prepRead(ro, buffer(4096), -1).userData(2),
            new IoRequest().prepNop().userData(3),
            new IoRequest().prepWrite(ro, buffer(4096), 0).userData(4),
            new IoRequest().prepRead(ro, buffer(4096), 4096).userData(5),
        };
        long[] expected = {4096, -Errno.EBADF, -Errno.EINVAL, 0, -Errno.EBADF, 4096};
        IoEvent[] events = ConformanceFixture.byUserData(rs.length, submitAndReap(ctx(), rs));
        for (int i = 0; i < rs.length; i++) {
            IoEvent e = events[i];
            assertThat(e.result()).as("request %d: %s", i, IoErrors.resultText(e.result())).isEqualTo(expected[i]);
            assertThat(e.failed()).isEqualTo(expected[i] < 0);
        }
        PatternFile.verify(rs[0].buffer(), 0);
        PatternFile.verify(rs[5].buffer(), 4096);
        assertDrained(ctx());
    }

    @Test
    default void theContextStaysUsableAfterErrors() throws Exception {
        IoFile f = openPattern(64 * 1024);
        for (int i = 0; i < 3 * CAPACITY; i++) {
            assertThat(result(new IoRequest().prepRead(f, buffer(8), -1 - i))).isEqualTo(-Errno.EINVAL);
        }
        MemorySegment buf = buffer(4096);
        assertThat(result(new IoRequest().prepRead(f, buf, 4096))).isEqualTo(4096);
        PatternFile.verify(buf, 4096);
        assertDrained(ctx());
    }
}
