package io.aio4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Figures printed by fio 3.33 itself, on this machine, for the same numbers. */
class HumanTest {
    @Test
    void bytesAsFioPrintsThem() {
        assertThat(Human.iec(1 << 20)).isEqualTo("1024KiB"); // io=1024KiB (1049kB)
        assertThat(Human.si(1 << 20)).isEqualTo("1049kB");
        assertThat(Human.iec(10_240_000)).isEqualTo("9.77MiB"); // io=9.77MiB (10.2MB)
        assertThat(Human.si(10_240_000)).isEqualTo("10.2MB");
        assertThat(Human.iec(673_185_792)).isEqualTo("642MiB"); // io=642MiB (673MB)
        assertThat(Human.si(673_185_792)).isEqualTo("673MB");
        assertThat(Human.iec(512)).isEqualTo("512B");
        assertThat(Human.iec(0)).isEqualTo("0B");
    }

    @Test
    void ratesAndCountsAsFioPrintsThem() {
        assertThat(Human.iec(1_048_576_000)).isEqualTo("1000MiB"); // BW=1000MiB/s (1049MB/s)
        assertThat(Human.si(1_048_576_000)).isEqualTo("1049MB");
        assertThat(Human.count(256_000)).isEqualTo("256k"); // IOPS=256k
        assertThat(Human.count(833_333.3)).isEqualTo("833k"); // IOPS=833k
        assertThat(Human.count(950)).isEqualTo("950");
        assertThat(Human.count(12_600)).isEqualTo("12.6k");
        assertThat(Human.count(9_999)).isEqualTo("9999");
    }

    @Test
    void aRemainderThatRoundsToAWholeUnitCarries() {
        assertThat(Human.count(19_999_999)).isEqualTo("20.0M"); // 19 remainder 999: 0.999 prints as 1.0
        assertThat(Human.count(9_999_999)).isEqualTo("10000k"); // no room for decimals: fio carries into 5 digits
    }
}
