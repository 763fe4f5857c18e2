package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.Invocation;
import io.aio4j.bench.options.JobSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    @Test
    void aSeriesWithPercentilesKeepsThemAndMerges() {
        LatencyStats a = new LatencyStats();
        LatencyStats b = new LatencyStats();
        for (int i = 1; i <= 100; i++) {
            a.record(1000L * i);
            b.record(1000L * (100 + i));
        }
        a.add(b);
        assertThat(a.count()).isEqualTo(200);
        assertThat(a.min()).isEqualTo(1000);
        assertThat(a.max()).isEqualTo(200_000);
        assertThat(a.percentile(50)).isBetween(99_000L, 101_000L); // 2 significant digits
    }

    @Test
    void aMomentsOnlySeriesHasMinMaxMeanButNoPercentiles() {
        LatencyStats s = LatencyStats.momentsOnly();
        s.record(100);
        s.record(300);
        LatencyStats other = new LatencyStats();
        other.record(200);
        s.add(other);
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.min()).isEqualTo(100);
        assertThat(s.max()).isEqualTo(300);
        assertThat(s.mean()).isEqualTo(200.0);
        assertThat(s.percentile(50)).isZero();
    }

    @Test
    void slatKeepsPercentilesOnlyWhenTheJobAsksAsFioDoes() throws Exception {
        JobResult plain = new JobResult(spec());
        JobResult asked = new JobResult(spec("--slat_percentiles=1"));
        for (JobResult r : List.of(plain, asked)) {
            r.read.slat.record(5_000);
            r.read.clat.record(7_000);
        }
        assertThat(plain.read.slat.percentile(50)).isZero();
        assertThat(plain.read.slat.mean()).isEqualTo(5_000.0);
        assertThat(plain.read.clat.percentile(50)).isBetween(6_900L, 7_100L);
        assertThat(asked.read.slat.percentile(50)).isBetween(4_900L, 5_100L);
    }

    private static io.aio4j.bench.options.JobSpec spec(String... extra) throws java.io.IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--name=t", "--size=1m", "--rw=randread"));
        args.addAll(List.of(extra));
        return JobSpecs.resolve(Invocation.parse(args).jobs()).getFirst();
    }
}
