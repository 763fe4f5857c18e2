package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * O_DIRECT: aligned I/O works; a misaligned offset or length is the kernel's -EINVAL in the
 * event (not an exception), and so is a misaligned buffer where the device needs aligned memory.
 * The alignment comes from {@link IoFile#alignment()}.
 */
public interface DirectIoCases extends ConformanceFixture {
    /** A pattern file of 1 MiB opened O_DIRECT for reading and writing. */
    private IoFile direct() throws Exception {
        IoFile f = ctx().openFile(pattern("direct.bin", 1 << 20), FileOption.READ, FileOption.WRITE, FileOption.DIRECT);
        assertThat(f.isDirect()).isTrue();
        assertThat(Integer.bitCount(f.alignment())).as("alignment %d is a power of two", f.alignment()).isEqualTo(1);
        assertThat(f.alignment()).isBetween(1, 4096);
        return f;
    }

    @Test
    default void bufferedFilesNeedNoAlignment() throws Exception {
        IoFile f = openPattern(4096);
        assertThat(f.isDirect()).isFalse();
        assertThat(f.alignment()).isEqualTo(1);
    }

    @Test
    default void alignedDirectReadReturnsThePattern() throws Exception {
        IoFile f = direct();
        int a = f.alignment();
        MemorySegment buf = arena().allocate(8L * a, a);
        assertThat(result(new IoRequest().prepRead(f, buf, 16L * a))).isEqualTo(8L * a);
        PatternFile.verify(buf, 16L * a);
    }

    @Test
    default void alignedDirectWriteThenRead() throws Exception {
        IoFile f = direct();
        int a = f.alignment();
        MemorySegment out = arena().allocate(4096, Math.max(a, 8));
        PatternFile.fill(out, 1 << 20); // the pattern of the next MiB, written at its own offset
        assertThat(result(new IoRequest().prepWrite(f, out, 1 << 20))).isEqualTo(4096);
        MemorySegment in = arena().allocate(4096, a);
        assertThat(result(new IoRequest().prepRead(f, in, 1 << 20))).isEqualTo(4096);
        PatternFile.verify(in, 1 << 20);
        assertThat(f.size()).isEqualTo((1 << 20) + 4096);
    }

    @Test
    default void alignedDirectVectoredRead() throws Exception {
        IoFile f = direct();
        int a = f.alignment();
        MemorySegment[] segs = {arena().allocate(a, a), arena().allocate(2L * a, a)};
        assertThat(result(new IoRequest().prepReadv(f, segs, a))).isEqualTo(3L * a);
        PatternFile.verify(segs[0], a);
        PatternFile.verify(segs[1], 2L * a);
    }

    /**
     * A misaligned buffer gives the kernel's answer: -EINVAL where the device needs aligned
     * memory, or a correct transfer where the block layer copes (Linux 6.18 on virtio here
     * reads into a buffer at address+1 although statx reports dio_mem_align=512).
     */
    @Test
    default void directReadIntoAMisalignedBufferIsEinvalOrCorrect() throws Exception {
        IoFile f = direct();
        int a = f.alignment();
        MemorySegment misaligned = arena().allocate(2L * a, a).asSlice(1, a);
        long r = result(new IoRequest().prepRead(f, misaligned, a));
        assertThat(r).isIn((long) -Errno.EINVAL, (long) a);
        if (r > 0) {
            PatternFile.verify(misaligned, a);
        }
    }

    @Test
    default void directReadAtAMisalignedOffsetIsEinval() throws Exception {
        IoFile f = direct();
        int a = f.alignment();
        assertThat(result(new IoRequest().prepRead(f, arena().allocate(a, a), 1))).isEqualTo(-Errno.EINVAL);
    }

    @Test
    default void directReadOfAMisalignedLengthIsEinval() throws Exception {
        IoFile f = direct();
        int a = f.alignment();
        MemorySegment buf = arena().allocate(2L * a, a);
        assertThat(result(new IoRequest().prepRead(f, buf, a + 1L, 0))).isEqualTo(-Errno.EINVAL);
    }

    @Test
    default void directWriteOfAMisalignedBufferIsEinvalOrCorrect() throws Exception {
        IoFile f = direct();
        int a = f.alignment();
        MemorySegment misaligned = arena().allocate(2L * a, a).asSlice(1, a);
        PatternFile.fill(misaligned, 0); // the bytes the file already holds there: either outcome leaves the pattern
        long r = result(new IoRequest().prepWrite(f, misaligned, 0));
        assertThat(r).isIn((long) -Errno.EINVAL, (long) a);
        PatternFile.verify(MemorySegment.ofArray(Files.readAllBytes(f.path())).asSlice(0, 4096), 0);
        assertThat(result(new IoRequest().prepRead(f, arena().allocate(a, a), 0))).as("file still usable").isEqualTo(a);
    }
}
