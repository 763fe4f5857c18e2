package io.aio4j.linux.aio;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.linux.abi.AioIoEvent;
import io.aio4j.linux.abi.AioRing;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ring reader on rings built in memory, where the test plays the kernel. */
class AioRingReaderTest {
    private static final int NR = 8;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment ring = arena.allocate(AioRing.HEADER_SIZE + NR * AioIoEvent.SIZE, 8);
    private final MemorySegment events = ring.asSlice(AioRing.HEADER_SIZE);
    private final MemorySegment dst = arena.allocate(NR * AioIoEvent.SIZE, 8);

    @AfterEach
    void free() {
        arena.close();
    }

    private void init() {
        AioRing.initForTest(ring, NR, AioRing.AIO_RING_MAGIC, 0, 32);
    }

    /** The kernel's side: posts events with data = first, first+1, ... from the current tail. */
    private void post(int count, long first) {
        int tail = AioRing.loadAcquireTail(ring);
        for (int i = 0; i < count; i++) {
            AioIoEvent.set(events, tail, first + i, 0x1000 + first + i, 100 + first + i, 0);
            tail = (tail + 1) % NR;
        }
        AioRing.storeReleaseTail(ring, tail);
    }

    @Test
    void acceptsTheKernelsHeader() {
        init();
        assertThat(AioRingReader.check(ring)).isNull();
    }

    @Test
    void rejectsBadMagicIncompatFeaturesHeaderLengthAndNr() {
        AioRing.initForTest(ring, NR, 0x12345678, 0, 32);
        assertThat(AioRingReader.check(ring)).contains("magic");
        AioRing.initForTest(ring, NR, AioRing.AIO_RING_MAGIC, 1, 32);
        assertThat(AioRingReader.check(ring)).contains("incompat_features=1");
        AioRing.initForTest(ring, NR, AioRing.AIO_RING_MAGIC, 0, 128);
        assertThat(AioRingReader.check(ring)).contains("header_length=128");
        AioRing.initForTest(ring, 0, AioRing.AIO_RING_MAGIC, 0, 32);
        assertThat(AioRingReader.check(ring)).contains("nr=0");
    }

    @Test
    void emptyRingGivesNothing() {
        init();
        assertThat(AioRingReader.over(ring).copyOut(dst, NR)).isZero();
    }

    @Test
    void copiesInOneChunkAndPublishesTheHead() {
        init();
        AioRingReader reader = AioRingReader.over(ring);
        post(3, 10);
        assertThat(reader.copyOut(dst, NR)).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(AioIoEvent.data(dst, i)).isEqualTo(10 + i);
            assertThat(AioIoEvent.res(dst, i)).isEqualTo(110 + i);
        }
        assertThat(AioRing.head(ring)).isEqualTo(3);
        assertThat(reader.copyOut(dst, NR)).isZero();
    }

    @Test
    void copiesAcrossTheWrapInOrder() {
        init();
        AioRingReader reader = AioRingReader.over(ring);
        post(6, 0);
        assertThat(reader.copyOut(dst, NR)).isEqualTo(6); // head 6
        post(5, 100); // slots 6, 7, 0, 1, 2
        assertThat(reader.copyOut(dst, NR)).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(AioIoEvent.data(dst, i)).isEqualTo(100 + i);
        }
        assertThat(AioRing.head(ring)).isEqualTo(3);
    }

    @Test
    void takesAtMostMaxAndLeavesTheRest() {
        init();
        AioRingReader reader = AioRingReader.over(ring);
        post(6, 0);
        assertThat(reader.copyOut(dst, 2)).isEqualTo(2);
        post(1, 6);
        assertThat(reader.copyOut(dst, 5)).isEqualTo(5); // 2..6, stopping before the wrap
        assertThat(AioIoEvent.data(dst, 0)).isEqualTo(2);
        assertThat(AioIoEvent.data(dst, 4)).isEqualTo(6);
        assertThat(AioRing.head(ring)).isEqualTo(7);
    }

    @Test
    void distrustsIndexesOutOfRange() {
        init();
        AioRingReader reader = AioRingReader.over(ring);
        AioRing.storeReleaseTail(ring, NR + 3);
        assertThat(reader.copyOut(dst, NR)).isEqualTo(-1);
    }
}
