package io.aio4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The user_data encoding: slot in the low 32 bits, a 31-bit generation above, bit 63 internal. */
class TagsTest {
    @Test
    void slotAndGenerationRoundTrip() {
        int[] slots = {0, 1, 4095, 32767, Integer.MAX_VALUE};
        int[] gens = {0, 1, 2, 0x7fff_ffff};
        for (int s : slots) {
            for (int g : gens) {
                long t = Tags.of(s, g);
                assertThat(Tags.slot(t)).isEqualTo(s);
                assertThat(Tags.generation(t)).isEqualTo(g);
                assertThat(Tags.isInternal(t)).as("a request tag is never internal").isFalse();
                assertThat(t).isNotEqualTo(-1L);
            }
        }
    }

    @Test
    void generationsWrapModulo2To31AndNeverTouchBit63() {
        long t = Tags.of(7, Integer.MIN_VALUE);
        assertThat(Tags.generation(t)).isZero();
        assertThat(Tags.isInternal(t)).isFalse();
        assertThat(Tags.generation(Tags.of(7, -1))).isEqualTo(0x7fff_ffff);
        assertThat(Tags.isInternal(Tags.of(7, -1))).isFalse();
    }

    @Test
    void successiveGenerationsOfASlotGiveDistinctTags() {
        Set<Long> seen = new HashSet<>();
        for (int g = 0; g < 10_000; g++) {
            assertThat(seen.add(Tags.of(3, g))).isTrue();
        }
        assertThat(Tags.of(3, 1)).isNotEqualTo(Tags.of(4, 1));
    }

    @Test
    void internalTagsAreMarkedAndKeepTheirCode() {
        long t = Tags.internal(42);
        assertThat(Tags.isInternal(t)).isTrue();
        assertThat(t & ~Tags.INTERNAL).isEqualTo(42);
        assertThat(Tags.isInternal(Tags.internal(-1))).isTrue();
        assertThat(Tags.INTERNAL).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aNegativeSlotIsRefused() {
        assertThatThrownBy(() -> Tags.of(-1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot=-1");
    }
}
