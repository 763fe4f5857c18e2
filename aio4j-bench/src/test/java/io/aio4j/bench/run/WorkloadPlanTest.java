package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.JobSpec;
import org.junit.jupiter.api.Test;

/** The warm-up's bound on a plan: it ends after its ops even inside a pass. */
class WorkloadPlanTest {
    private static int opsUntilDone(WorkloadPlan plan) {
        int n = 0;
        while (plan.next() != IoSource.DONE) {
            n++;
        }
        return n;
    }

    @Test
    void aBoundEndsThePlanInsideAPass() throws Exception {
        JobSpec spec = JobRunnerTest.spec("--rw=randread", "--bs=4k", "--size=1m");
        assertThat(opsUntilDone(WorkloadPlan.ofOps(spec, 1 << 20, 300))).as("256 blocks a pass, bound 300").isEqualTo(300);
        assertThat(opsUntilDone(WorkloadPlan.ofOps(spec, 1 << 20, 10_000))).as("passes go on to the bound").isEqualTo(10_000);
        assertThat(opsUntilDone(new WorkloadPlan(spec, 1 << 20))).as("a job's plan: its loops").isEqualTo(256);
    }
}
