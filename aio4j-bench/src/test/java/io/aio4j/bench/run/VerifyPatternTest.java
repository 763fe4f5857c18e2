package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class VerifyPatternTest {
    private final MemorySegment buf = Arena.ofAuto().allocate(4096, 8);
    private final VerifyPattern p = new VerifyPattern(new MemorySegment[] {buf});

    @Test
    void aBlockChecksAgainstItsOwnStampOnly() {
        long stamp = 5L << 32 | 3;
        p.fill(0, buf, 8192, 4096, stamp);
        assertThat(p.check(0, buf, 8192, 4096)).isNull();
        assertThat(p.check(0, buf, 8192, 4096, stamp)).isNull();
        assertThat(p.check(0, buf, 8192, 4096, stamp + 1)).isEqualTo("verify: stale block at offset 8192: it holds"
                + " write generation 3 of run 0x5, the last acknowledged write was write generation 4 of run 0x5");
        assertThat(p.check(0, buf, 4096, 4096)).contains("says it belongs at 8192");
    }

    @Test
    void differentStampsMakeDifferentData() {
        p.fill(0, buf, 0, 4096, 0);
        long layout = buf.get(ValueLayout.JAVA_LONG_UNALIGNED, 1000);
        p.fill(0, buf, 0, 4096, 1);
        assertThat(buf.get(ValueLayout.JAVA_LONG_UNALIGNED, 1000)).isNotEqualTo(layout);
    }

    @Test
    void aFlippedByteFailsTheCrc() {
        p.fill(0, buf, 0, 4096, 7);
        buf.set(ValueLayout.JAVA_BYTE, 3000, (byte) (buf.get(ValueLayout.JAVA_BYTE, 3000) ^ 1));
        assertThat(p.check(0, buf, 0, 4096, 7)).startsWith("verify: crc32c mismatch at offset 0");
    }
}
