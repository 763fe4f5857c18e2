package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.FileOption;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.Op;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** PREADV / PWRITEV from 0 to IOV_MAX segments. */
public interface VectoredCases extends ConformanceFixture {
    @Test
    default void readvWithOneSegment() throws Exception {
        IoFile f = openPattern(16_384);
        MemorySegment[] segs = {buffer(4096)};
        assertThat(result(new IoRequest().prepReadv(f, segs, 4096))).isEqualTo(4096);
        PatternFile.verify(segs[0], 4096);
    }

    @Test
    default void readvWith1024Segments() throws Exception {
        IoFile f = openPattern(1 << 20);
        MemorySegment[] segs = segments(IoRequest.IOV_MAX, 64);
        IoRequest r = new IoRequest().prepReadv(f, segs, 100);
        assertThat(r.segmentCount()).isEqualTo(1024);
        assertThat(r.length()).isEqualTo(1024 * 64);
        assertThat(result(r)).isEqualTo(1024 * 64);
        for (int i = 0; i < segs.length; i++) {
            PatternFile.verify(segs[i], 100 + 64L * i);
        }
    }

    @Test
    default void writevWith1024Segments() throws Exception {
        Path p = dir().resolve("wv1024.bin");
        IoFile f = ctx().openFile(p, FileOption.WRITE, FileOption.CREATE);
        MemorySegment[] segs = segments(IoRequest.IOV_MAX, 24);
        for (int i = 0; i < segs.length; i++) {
            PatternFile.fill(segs[i], 24L * i);
        }
        assertThat(result(new IoRequest().prepWritev(f, segs, 0))).isEqualTo(1024 * 24);
        PatternFile.verify(MemorySegment.ofArray(Files.readAllBytes(p)), 0, 1024 * 24);
    }

    @Test
    default void vectoredWith1025SegmentsIsRejectedAtPrep() throws Exception {
        IoFile f = openPattern(4096);
        MemorySegment[] segs = segments(IoRequest.IOV_MAX + 1, 8);
        IoRequest r = new IoRequest().prepNop().userData(5);
        assertThatThrownBy(() -> r.prepReadv(f, segs, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count=1025");
        assertThatThrownBy(() -> r.prepWritev(f, segs, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(r.op()).as("unchanged").isEqualTo(Op.NOOP);
        assertThat(r.userData()).as("unchanged").isEqualTo(5);
        assertThat(result(r.prepReadv(f, segs, 1024, 0))).as("the first 1024 of them are fine").isEqualTo(4096);
    }

    @Test
    default void vectoredWithZeroSegmentsTransfersNothing() throws Exception {
        IoFile f = ctx().openFile(pattern("v0.bin", 4096), FileOption.READ, FileOption.WRITE);
        MemorySegment[] none = {};
        assertThat(result(new IoRequest().prepReadv(f, none, 0))).isZero();
        assertThat(result(new IoRequest().prepWritev(f, none, 4096))).isZero();
        assertThat(f.size()).isEqualTo(4096);
    }

    @Test
    default void vectoredCountUsesOnlyTheFirstSegments() throws Exception {
        IoFile f = openPattern(16_384);
        MemorySegment[] segs = {buffer(100), buffer(100), buffer(100)};
        assertThat(result(new IoRequest().prepReadv(f, segs, 2, 50))).isEqualTo(200);
        PatternFile.verify(segs[0], 50);
        PatternFile.verify(segs[1], 150);
        assertThat(segs[2].toArray(ValueLayout.JAVA_BYTE)).as("third segment untouched").containsOnly(0);
    }

    @Test
    default void vectoredOfEmptySegmentsAmongFullOnes() throws Exception {
        IoFile f = openPattern(16_384);
        MemorySegment[] segs = {buffer(0), buffer(300), buffer(0), buffer(5)};
        assertThat(result(new IoRequest().prepReadv(f, segs, 8))).isEqualTo(305);
        PatternFile.verify(segs[1], 8);
        PatternFile.verify(segs[3], 308);
    }

    private MemorySegment[] segments(int count, long size) {
        MemorySegment all = buffer(count * size);
        MemorySegment[] segs = new MemorySegment[count];
        for (int i = 0; i < count; i++) {
            segs[i] = all.asSlice(i * size, size);
        }
        return segs;
    }
}
