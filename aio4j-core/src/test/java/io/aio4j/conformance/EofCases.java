package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.FileOption;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** A short read is a result and EOF is 0, never an error. */
public interface EofCases extends ConformanceFixture {
    @Test
    default void readSpanningEofReturnsTheRemainder() throws Exception {
        IoFile f = openPattern(10_000);
        MemorySegment buf = buffer(4096);
        assertThat(result(new IoRequest().prepRead(f, buf, 8192))).isEqualTo(10_000 - 8192);
        PatternFile.verify(buf, 8192, 10_000 - 8192);
        assertThat(buf.get(ValueLayout.JAVA_BYTE, 10_000 - 8192)).as("first byte past EOF is untouched").isZero();
    }

    @Test
    default void readAtEofReturnsZero() throws Exception {
        IoFile f = openPattern(8192);
        assertThat(result(new IoRequest().prepRead(f, buffer(4096), 8192))).isZero();
    }

    @Test
    default void readPastEofReturnsZero() throws Exception {
        IoFile f = openPattern(8192);
        assertThat(result(new IoRequest().prepRead(f, buffer(4096), 1L << 40))).isZero();
    }

    @Test
    default void readOfAnEmptyFileReturnsZero() throws Exception {
        IoFile f = ctx().openFile(dir().resolve("empty"), FileOption.WRITE, FileOption.READ, FileOption.CREATE);
        assertThat(result(new IoRequest().prepRead(f, buffer(512), 0))).isZero();
    }

    @Test
    default void zeroLengthReadAndWriteReturnZero() throws Exception {
        IoFile f = ctx().openFile(pattern("z.bin", 4096), FileOption.READ, FileOption.WRITE);
        assertThat(result(new IoRequest().prepRead(f, buffer(16), 0, 100))).isZero();
        assertThat(result(new IoRequest().prepWrite(f, buffer(16), 0, 100))).isZero();
        assertThat(f.size()).as("a zero-length write changes nothing").isEqualTo(4096);
    }

    @Test
    default void readvSpanningEofFillsInOrderUpToEof() throws Exception {
        IoFile f = openPattern(5000);
        MemorySegment[] segs = {buffer(4096), buffer(4096), buffer(4096)};
        assertThat(result(new IoRequest().prepReadv(f, segs, 0))).isEqualTo(5000);
        PatternFile.verify(segs[0], 0);
        PatternFile.verify(segs[1], 4096, 5000 - 4096);
        assertThat(segs[1].get(ValueLayout.JAVA_BYTE, 5000 - 4096)).isZero();
        assertThat(segs[2].toArray(ValueLayout.JAVA_BYTE)).as("third segment untouched").containsOnly(0);
    }

    @Test
    default void readAfterATruncateSeesTheNewEof() throws Exception {
        IoFile f = ctx().openFile(pattern("t.bin", 16_384), FileOption.READ, FileOption.WRITE);
        f.truncate(6000);
        MemorySegment buf = buffer(8192);
        assertThat(result(new IoRequest().prepRead(f, buf, 4096))).isEqualTo(6000 - 4096);
        PatternFile.verify(buf, 4096, 6000 - 4096);
    }
}
