package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.spi.EngineFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** IoRequest preparation: what each prep sets, what it resets, and what it refuses. No engine needed. */
class IoRequestTest {
    /** A file object on no context and no descriptor: enough for preparing requests. */
    static IoFile detachedFile(FileOption... options) {
        EngineFile handle = new EngineFile() {
            @Override
            public int fd() {
                return 99;
            }

            @Override
            public long size() {
                return 0;
            }

            @Override
            public void truncate(long size) {
            }

            @Override
            public int alignment() {
                return 1;
            }

            @Override
            public void close() {
            }
        };
        return new IoFile(null, Path.of("/nowhere"), Set.of(options), handle);
    }

    private final IoFile file = detachedFile(FileOption.READ, FileOption.WRITE);

    @Test
    void aNewRequestIsAnIdleNoop() {
        IoRequest r = new IoRequest();
        assertThat(r.op()).isEqualTo(Op.NOOP);
        assertThat(r.tag()).isEqualTo(-1);
        assertThat(r.inFlight()).isFalse();
        assertThat(r.file()).isNull();
        assertThat(r.buffer()).isNull();
        assertThat(r.segmentCount()).isZero();
    }

    @Test
    void prepReadSetsItsFields() {
        MemorySegment buf = MemorySegment.ofArray(new byte[100]);
        IoRequest r = new IoRequest().prepRead(file, buf, 60, 4096);
        assertThat(r.op()).isEqualTo(Op.PREAD);
        assertThat(r.file()).isSameAs(file);
        assertThat(r.buffer()).isSameAs(buf);
        assertThat(r.length()).isEqualTo(60);
        assertThat(r.offset()).isEqualTo(4096);
        assertThat(new IoRequest().prepWrite(file, buf, 7).length()).as("whole buffer").isEqualTo(100);
    }

    @Test
    @SuppressWarnings("restricted") // a 4 GiB view of address 0, never dereferenced
    void aTransferIsCappedAtMaxRwCount() {
        MemorySegment huge = MemorySegment.NULL.reinterpret(1L << 32); // never touched: prep only records it
        assertThat(new IoRequest().prepRead(file, huge, 0).length()).isEqualTo(IoRequest.MAX_RW_COUNT);
        assertThat(new IoRequest().prepWrite(file, huge, 5000, 0).length()).isEqualTo(5000);
    }

    @Test
    void everyPrepResetsTheOtherFields() {
        MemorySegment buf = MemorySegment.ofArray(new byte[16]);
        IoRequest r = new IoRequest().prepReadv(file, new MemorySegment[] {buf, buf}, 8)
                .userData(5).rwFlags(RwFlags.RWF_NOWAIT).linkFlags(LinkFlags.DRAIN);
        r.prepFallocate(file, 1, 10, 20);
        assertThat(r.op()).isEqualTo(Op.FALLOCATE);
        assertThat(r.mode()).isEqualTo(1);
        assertThat(r.offset()).isEqualTo(10);
        assertThat(r.length()).isEqualTo(20);
        assertThat(r.segmentCount()).isZero();
        assertThat(r.userData()).isZero();
        assertThat(r.rwFlags()).isZero();
        assertThat(r.linkFlags()).isZero();
        r.prepReadFixed(file, buf, 3, 0);
        assertThat(r.op()).isEqualTo(Op.READ_FIXED);
        assertThat(r.bufIndex()).isEqualTo(3);
        assertThat(r.mode()).isZero();
        r.prepFsync(file);
        assertThat(r.op()).isEqualTo(Op.FSYNC);
        assertThat(r.bufIndex()).isZero();
        assertThat(r.buffer()).isNull();
        r.prepNop();
        assertThat(r.file()).isNull();
    }

    @Test
    void vectoredPrepRecordsSegmentsAndTheirTotal() {
        MemorySegment a = MemorySegment.ofArray(new byte[10]);
        MemorySegment b = MemorySegment.ofArray(new byte[32]);
        MemorySegment[] segs = {a, b, a};
        IoRequest r = new IoRequest().prepWritev(file, segs, 2, 0);
        assertThat(r.op()).isEqualTo(Op.PWRITEV);
        assertThat(r.segmentCount()).isEqualTo(2);
        assertThat(r.length()).isEqualTo(42);
        assertThat(r.segment(1)).isSameAs(b);
        segs[1] = a;
        assertThat(r.segment(1)).as("the request keeps its own copy of the array").isSameAs(b);
        assertThatThrownBy(() -> r.segment(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> r.segment(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void vectoredCountOutsideItsRangeIsRefused() {
        MemorySegment[] two = {MemorySegment.ofArray(new byte[1]), MemorySegment.ofArray(new byte[1])};
        IoRequest r = new IoRequest();
        assertThatThrownBy(() -> r.prepReadv(file, two, 3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count=3");
        assertThatThrownBy(() -> r.prepReadv(file, two, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.prepReadv(file, new MemorySegment[IoRequest.IOV_MAX + 1], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IOV_MAX=1024");
        assertThat(r.op()).isEqualTo(Op.NOOP);
    }

    @Test
    void readOnlyMemoryIsRefusedForReadsOnly() {
        MemorySegment ro = MemorySegment.ofArray(new byte[8]).asReadOnly();
        assertThatThrownBy(() -> new IoRequest().prepRead(file, ro, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IoRequest().prepReadFixed(file, ro, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IoRequest().prepRead(file, ByteBuffer.allocate(8).asReadOnlyBuffer(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new IoRequest().prepWrite(file, ro, 0).buffer()).isSameAs(ro);
        assertThat(new IoRequest().prepWrite(file, ByteBuffer.allocate(8).asReadOnlyBuffer(), 0).length()).isEqualTo(8);
    }

    @Test
    void aByteBufferContributesItsRemainingBytes() {
        ByteBuffer bb = ByteBuffer.allocate(100).position(30).limit(70);
        IoRequest r = new IoRequest().prepRead(file, bb, 0);
        assertThat(r.length()).isEqualTo(40);
        assertThat(bb.position()).isEqualTo(30);
        try (Arena a = Arena.ofConfined()) {
            assertThat(new IoRequest().prepWrite(file, a.allocate(16).asByteBuffer(), 0).buffer().isNative()).isTrue();
        }
    }

    @Test
    void aReusedByteBufferKeepsItsViewOnlyWhileItsPositionAndLimitStay() {
        // the view of a buffer is made again when the buffer, its position or its limit change
        ByteBuffer bb = ByteBuffer.allocateDirect(100);
        IoRequest r = new IoRequest().prepRead(file, bb, 0);
        MemorySegment first = r.buffer();
        assertThat(r.prepRead(file, bb.clear(), 8).buffer()).as("the same buffer, cleared again").isSameAs(first);
        assertThat(r.prepWrite(file, bb.position(10), 0).buffer()).satisfies(s -> {
            assertThat(s.byteSize()).isEqualTo(90);
            assertThat(s.address()).isEqualTo(first.address() + 10);
        });
        assertThat(r.length()).isEqualTo(90);
        assertThat(r.prepRead(file, bb.clear().limit(50), 0).length()).isEqualTo(50);
        ByteBuffer other = ByteBuffer.allocateDirect(100);
        assertThat(r.prepRead(file, other, 0).buffer().address()).isNotEqualTo(first.address());
        ByteBuffer heap = ByteBuffer.allocate(64);
        assertThat(r.prepRead(file, heap, 0).buffer().isNative()).isFalse();
        assertThat(r.prepRead(file, heap.position(4), 0).length()).isEqualTo(60);
    }

    @Test
    void nullsAreRefusedNamingTheArgument() {
        IoRequest r = new IoRequest();
        MemorySegment buf = MemorySegment.ofArray(new byte[8]);
        assertThatThrownBy(() -> r.prepRead(null, buf, 0)).isInstanceOf(NullPointerException.class).hasMessage("file");
        assertThatThrownBy(() -> r.prepWrite(file, (MemorySegment) null, 0)).isInstanceOf(NullPointerException.class)
                .hasMessage("buffer");
        assertThatThrownBy(() -> r.prepReadv(file, null, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> r.prepFsync(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> r.prepFdatasync(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> r.prepFallocate(null, 0, 0, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void flagsTakeKnownBitsOnly() {
        IoRequest r = new IoRequest().prepNop();
        assertThat(r.rwFlags(RwFlags.ALL).rwFlags()).isEqualTo(0x1f);
        assertThat(r.linkFlags(LinkFlags.LINK | LinkFlags.DRAIN).linkFlags()).isEqualTo(6);
        assertThatThrownBy(() -> r.rwFlags(0x20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.linkFlags(1 << 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(r.rwFlags()).isEqualTo(0x1f);
    }

    // Regression: linkFlags once accepted LINK|HARDLINK although its Javadoc says it throws.
    @Test
    void linkWithHardlinkIsRefusedAsDocumented() {
        assertThatThrownBy(() -> new IoRequest().linkFlags(LinkFlags.LINK | LinkFlags.HARDLINK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opsKnowWhatTheyDo() {
        assertThat(Op.PREAD.isRead()).isTrue();
        assertThat(Op.READ_FIXED.isRead()).isTrue();
        assertThat(Op.FALLOCATE.isWrite()).isTrue();
        assertThat(Op.FALLOCATE.transfersData()).isFalse();
        assertThat(Op.FSYNC.isRead() || Op.FSYNC.isWrite()).isFalse();
        assertThat(Op.NOOP.transfersData()).isFalse();
        assertThat(Op.PWRITEV.transfersData()).isTrue();
    }
}
