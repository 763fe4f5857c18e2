package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.JobSpec;
import org.junit.jupiter.api.Test;

/** The warm-up's bound on a plan: whole passes where a pass is short, within a pass where it is long. */
class WorkloadPlanTest {
    private static int opsUntilDone(WorkloadPlan plan) {
        int n = 0;
        while (plan.next() != IoSource.DONE) {
            n++;
        }
        return n;
    }

    @Test
    void aBoundEndsThePlanInsideAPassLongerThanIt() throws Exception {
        JobSpec spec = JobRunnerTest.spec("--rw=randread", "--bs=4k", "--size=1m");
        assertThat(opsUntilDone(WorkloadPlan.ofOps(spec, 1 << 20, 100))).as("256 blocks a pass, bound 100").isEqualTo(100);
        assertThat(opsUntilDone(WorkloadPlan.ofOps(spec, 1 << 20, 256))).as("bound of exactly a pass").isEqualTo(256);
    }

    @Test
    void aBoundOfManyShortPassesEndsAfterWholePassesAsAJobDoes() throws Exception {
        // the job's plan ends on its pass count; the warm-up's must end on the same branch
        JobSpec spec = JobRunnerTest.spec("--rw=randrw", "--bs=1k", "--size=256k", "--loops=10");
        assertThat(opsUntilDone(WorkloadPlan.ofOps(spec, 256 << 10, 10_000))).as("40 passes of 256").isEqualTo(10_240);
        assertThat(opsUntilDone(WorkloadPlan.ofOps(spec, 256 << 10, 257))).as("2 passes").isEqualTo(512);
        assertThat(opsUntilDone(new WorkloadPlan(spec, 256 << 10))).as("a job's plan: its loops").isEqualTo(2_560);
    }
}
