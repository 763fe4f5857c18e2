package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** fio's IO depths, submit and complete distributions: its buckets, its 0.1 % floor. */
class DepthStatsTest {
    @Test
    void bucketsAreFiosRanges() {
        int[][] levels = {{1, 0}, {2, 1}, {3, 1}, {4, 2}, {7, 2}, {8, 3}, {15, 3}, {16, 4}, {31, 4}, {32, 5}, {63, 5}, {64, 6}, {4096, 6}};
        for (int[] l : levels) {
            assertThat(DepthStats.levelBucket(l[0])).as("level %d", l[0]).isEqualTo(l[1]);
        }
        int[][] batches = {{0, 0}, {1, 1}, {4, 1}, {5, 2}, {8, 2}, {9, 3}, {16, 3}, {17, 4}, {32, 4}, {33, 5}, {64, 5}, {65, 6}, {4096, 6}};
        for (int[] b : batches) {
            assertThat(DepthStats.batchBucket(b[0])).as("batch %d", b[0]).isEqualTo(b[1]);
        }
    }

    @Test
    void aJobAtDepthFourLooksAsFiosDoes() throws Exception {
        // fio 3.33, randrw 8m bs=4k iodepth=4 libaio: IO depths 1=0.1%, 2=0.1%, 4=99.9% (2,048 I/Os:
        // the first at 1, the next two at 2-3, the rest at 4), submit 4=100%, complete 4=100%
        FakeBackend io = new FakeBackend(2048L * 4096, 4, 4096);
        JobResult r = new JobResult(JobRunnerTest.spec("--rw=randrw", "--iodepth=4", "--size=8m"));
        new JobRunner(JobRunnerTest.spec("--rw=randrw", "--iodepth=4", "--size=8m"), io, r).run(2048L * 4096);
        double[] level = r.depths.levelPercents();
        assertThat(level[0]).isEqualTo(0.1); // 1 of 2,048: below 0.1, shown as 0.1
        assertThat(level[1]).isEqualTo(0.1); // 2 of 2,048
        assertThat(level[2]).isCloseTo(100.0 * 2045 / 2048, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.depths.submitPercents()).containsExactly(0, 100, 0, 0, 0, 0, 0);
        assertThat(r.depths.completePercents()).containsExactly(0, 100, 0, 0, 0, 0, 0);
    }

    @Test
    void groupsAddTheirCounts() {
        DepthStats a = new DepthStats();
        DepthStats b = new DepthStats();
        a.committed(1, 1);
        b.committed(40, 32);
        a.submitted(1);
        b.submitted(32);
        b.reaped(0);
        a.add(b);
        assertThat(a.levelPercents()[0]).isCloseTo(100.0 / 33, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.levelPercents()[5]).isCloseTo(3200.0 / 33, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.submitPercents()).containsExactly(0, 50, 0, 0, 50, 0, 0);
        assertThat(a.completePercents()).containsExactly(100, 0, 0, 0, 0, 0, 0);
        assertThat(new DepthStats().levelPercents()).containsOnly(0.0);
    }
}
