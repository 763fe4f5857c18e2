package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.FileOption;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Heap segments, heap and direct ByteBuffers all work, for reads and writes, single and vectored. */
public interface BufferKindCases extends ConformanceFixture {
    @Test
    default void heapSegmentReadAndWrite() throws Exception {
        IoFile f = ctx().openFile(pattern("heap.bin", 64 * 1024), FileOption.READ, FileOption.WRITE);
        byte[] in = new byte[5000];
        assertThat(result(new IoRequest().prepRead(f, MemorySegment.ofArray(in), 333))).isEqualTo(5000);
        PatternFile.verify(MemorySegment.ofArray(in), 333);

        byte[] out = PatternFile.bytes(100_000, 3000);
        assertThat(result(new IoRequest().prepWrite(f, MemorySegment.ofArray(out), 100_000))).isEqualTo(3000);
        byte[] back = new byte[3000];
        assertThat(result(new IoRequest().prepRead(f, MemorySegment.ofArray(back), 100_000))).isEqualTo(3000);
        assertThat(back).isEqualTo(out);
    }

    @Test
    default void heapSegmentOfLongsIsFilledAsBytes() throws Exception {
        IoFile f = openPattern(64 * 1024);
        long[] words = new long[512];
        assertThat(result(new IoRequest().prepRead(f, MemorySegment.ofArray(words), 8192))).isEqualTo(4096);
        PatternFile.verify(MemorySegment.ofArray(words), 8192);
        assertThat(words[1]).as("second word, read on a little-endian machine").isEqualTo(8200);
    }

    @Test
    default void heapByteBufferReadAndWriteUseTheRemainingBytesOnly() throws Exception {
        Path p = pattern("bb.bin", 64 * 1024);
        IoFile f = ctx().openFile(p, FileOption.READ, FileOption.WRITE);
        ByteBuffer in = ByteBuffer.allocate(200).position(10).limit(110);
        assertThat(result(new IoRequest().prepRead(f, in, 4000))).isEqualTo(100);
        assertThat(in.position()).as("position not moved").isEqualTo(10);
        PatternFile.verify(MemorySegment.ofArray(in.array()).asSlice(10, 100), 4000);
        assertThat(in.array()[9]).isZero();
        assertThat(in.array()[110]).isZero();

        ByteBuffer out = ByteBuffer.wrap(PatternFile.bytes(50_000, 300)).position(100);
        assertThat(result(new IoRequest().prepWrite(f, out, 50_100))).isEqualTo(200);
        assertThat(out.position()).isEqualTo(100);
        PatternFile.verify(MemorySegment.ofArray(Files.readAllBytes(p)), 0, 64 * 1024);
    }

    @Test
    default void directByteBufferReadAndWrite() throws Exception {
        Path p = dir().resolve("dbb.bin");
        IoFile f = ctx().openFile(p, FileOption.READ, FileOption.WRITE, FileOption.CREATE);
        ByteBuffer out = ByteBuffer.allocateDirect(8192);
        PatternFile.fill(MemorySegment.ofBuffer(out), 0);
        assertThat(result(new IoRequest().prepWrite(f, out, 0))).isEqualTo(8192);
        ByteBuffer in = ByteBuffer.allocateDirect(8192);
        assertThat(result(new IoRequest().prepRead(f, in, 0))).isEqualTo(8192);
        PatternFile.verify(MemorySegment.ofBuffer(in), 0);
        PatternFile.verify(MemorySegment.ofArray(Files.readAllBytes(p)), 0);
    }

    @Test
    default void heapSegmentsVectored() throws Exception {
        Path p = dir().resolve("hv.bin");
        IoFile f = ctx().openFile(p, FileOption.READ, FileOption.WRITE, FileOption.CREATE);
        MemorySegment[] out = {MemorySegment.ofArray(PatternFile.bytes(0, 100)), buffer(50),
            MemorySegment.ofArray(PatternFile.bytes(150, 4000))};
        PatternFile.fill(out[1], 100);
        assertThat(result(new IoRequest().prepWritev(f, out, 0))).isEqualTo(4150);
        MemorySegment[] in = {MemorySegment.ofArray(new byte[7]), buffer(1000), MemorySegment.ofArray(new byte[3143])};
        assertThat(result(new IoRequest().prepReadv(f, in, 0))).isEqualTo(4150);
        PatternFile.verify(in[0], 0);
        PatternFile.verify(in[1], 7);
        PatternFile.verify(in[2], 1007);
    }

    @Test
    default void aShortHeapReadCopiesBackOnlyWhatWasRead() throws Exception {
        IoFile f = openPattern(1000);
        byte[] in = new byte[4096];
        Arrays.fill(in, (byte) 0x5a);
        assertThat(result(new IoRequest().prepRead(f, MemorySegment.ofArray(in), 0))).isEqualTo(1000);
        PatternFile.verify(MemorySegment.ofArray(in), 0, 1000);
        assertThat(Arrays.copyOfRange(in, 1000, 4096)).as("past the short read").containsOnly(0x5a);
    }

    @Test
    default void aFailedHeapReadLeavesTheBufferAlone() throws Exception {
        IoFile f = ctx().openFile(pattern("wonly.bin", 4096), FileOption.WRITE);
        byte[] in = new byte[64];
        Arrays.fill(in, (byte) 7);
        assertThat(result(new IoRequest().prepRead(f, MemorySegment.ofArray(in), 0))).isNegative();
        assertThat(in).containsOnly(7);
    }

    @Test
    default void manyHeapReadsInFlightAtOnce() throws Exception {
        IoFile f = openPattern(1 << 20);
        IoRequest[] rs = new IoRequest[CAPACITY];
        byte[][] bufs = new byte[CAPACITY][];
        for (int i = 0; i < rs.length; i++) {
            bufs[i] = new byte[4096 + i];
            rs[i] = new IoRequest().prepRead(f, MemorySegment.ofArray(bufs[i]), 10_007L * i).userData(i);
        }
        submitAndReap(ctx(), rs);
        for (int i = 0; i < rs.length; i++) {
            PatternFile.verify(MemorySegment.ofArray(bufs[i]), 10_007L * i);
        }
    }

    @Test
    default void confinedArenaBuffersWorkWhateverThreadDoesTheIo() throws Exception {
        IoFile f = openPattern(64 * 1024);
        try (Arena confined = Arena.ofConfined()) {
            MemorySegment[] bufs = new MemorySegment[8];
            IoRequest[] rs = new IoRequest[8];
            for (int i = 0; i < rs.length; i++) {
                bufs[i] = confined.allocate(4096);
                rs[i] = new IoRequest().prepRead(f, bufs[i], 4096L * i).userData(i);
            }
            for (var e : submitAndReap(ctx(), rs)) {
                assertThat(e.result()).as("request %d", e.userData()).isEqualTo(4096);
            }
            for (int i = 0; i < bufs.length; i++) {
                PatternFile.verify(bufs[i], 4096L * i);
            }
        }
    }

    @Test
    default void readvWith1024HeapSegments() throws Exception {
        IoFile f = openPattern(64 * 1024);
        byte[][] arrays = new byte[IoRequest.IOV_MAX][];
        MemorySegment[] segs = new MemorySegment[IoRequest.IOV_MAX];
        for (int i = 0; i < segs.length; i++) {
            arrays[i] = new byte[1 + i % 13];
            segs[i] = MemorySegment.ofArray(arrays[i]);
        }
        long total = 0;
        for (MemorySegment s : segs) {
            total += s.byteSize();
        }
        assertThat(result(new IoRequest().prepReadv(f, segs, 3))).isEqualTo(total);
        long at = 3;
        for (MemorySegment s : segs) {
            PatternFile.verify(s, at);
            at += s.byteSize();
        }
    }

    @Test
    default void heapBuffersWorkWithODirectAtAlignedOffsetsAndLengths() throws Exception {
        IoFile f = ctx().openFile(pattern("dheap.bin", 1 << 20), FileOption.READ, FileOption.DIRECT);
        int a = f.alignment();
        byte[] in = new byte[4 * a];
        assertThat(result(new IoRequest().prepRead(f, MemorySegment.ofArray(in), 8L * a)))
                .as("the core bounces heap memory through aligned native memory").isEqualTo(4L * a);
        PatternFile.verify(MemorySegment.ofArray(in), 8L * a);
    }
}
