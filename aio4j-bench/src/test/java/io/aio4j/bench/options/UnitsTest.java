package io.aio4j.bench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void sizeSuffixesArePowersOf1024AsWithFiosDefaultKbBase() {
        assertThat(Units.size("bs", "4k")).isEqualTo(4096);
        assertThat(Units.size("bs", "4K")).isEqualTo(4096);
        assertThat(Units.size("bs", "4KB")).isEqualTo(4096);
        assertThat(Units.size("bs", "4KiB")).isEqualTo(4096);
        assertThat(Units.size("size", "256m")).isEqualTo(256L << 20);
        assertThat(Units.size("size", "256MiB")).isEqualTo(256L << 20);
        assertThat(Units.size("size", "1g")).isEqualTo(1L << 30);
        assertThat(Units.size("size", "2G")).isEqualTo(2L << 30);
        assertThat(Units.size("size", "1.5m")).isEqualTo(3L << 19);
        assertThat(Units.size("bs", "512")).isEqualTo(512);
        assertThat(Units.size("bs", "512b")).isEqualTo(512);
    }

    @Test
    void badSizeNamesTheOption() {
        assertThatThrownBy(() -> Units.size("bs", "4x")).hasMessageContaining("--bs=4x");
        assertThatThrownBy(() -> Units.size("size", "k")).hasMessageContaining("--size=k");
        assertThatThrownBy(() -> Units.size("size", "-1m")).hasMessageContaining("not a size");
    }

    @Test
    void timesDefaultToSecondsAndTakeSuffixes() {
        long s = 1_000_000_000L;
        assertThat(Units.timeNanos("runtime", "5", s)).isEqualTo(5 * s);
        assertThat(Units.timeNanos("runtime", "500ms", s)).isEqualTo(s / 2);
        assertThat(Units.timeNanos("runtime", "2m", s)).isEqualTo(120 * s);
        assertThat(Units.timeNanos("runtime", "10s", s)).isEqualTo(10 * s);
        assertThat(Units.timeNanos("runtime", "1h", s)).isEqualTo(3600 * s);
        assertThatThrownBy(() -> Units.timeNanos("runtime", "soon", s)).hasMessageContaining("--runtime=soon");
    }

    @Test
    void booleansTakeFiosSpellings() {
        assertThat(Units.bool("direct", "")).isTrue();
        assertThat(Units.bool("direct", "1")).isTrue();
        assertThat(Units.bool("direct", "0")).isFalse();
        assertThat(Units.bool("direct", "false")).isFalse();
        assertThatThrownBy(() -> Units.bool("direct", "2")).hasMessageContaining("--direct=2");
    }
}
