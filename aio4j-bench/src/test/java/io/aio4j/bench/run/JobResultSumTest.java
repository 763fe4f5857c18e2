package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.Invocation;
import io.aio4j.bench.options.JobSpecs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JobResultSumTest {
    private static List<JobResult> jobs(int n) throws Exception {
        var spec = JobSpecs.resolve(Invocation.parse(List.of("--name=t", "--size=1m", "--rw=randrw")).jobs()).getFirst();
        List<JobResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JobResult r = new JobResult(spec);
            r.read.ios = 10;
            r.read.bytes = 10 * 4096;
            for (int k = 1; k <= 10; k++) {
                r.read.clat.record(1_000L * (i + k));
                r.read.lat.record(2_000L * (i + k));
            }
            r.runtimeNanos = 1_000_000L * ((i * 37) % n + 1);
            r.cpuWallNanos = r.runtimeNanos;
            r.cpu = new CpuTimes(r.runtimeNanos / 2, r.runtimeNanos / 2, 0);
            if (i == 70 || i == 90) {
                r.fail(5, "job " + i);
            }
            out.add(r);
        }
        return out;
    }

    @Test
    void aGroupSumAddsIOAndLatenciesAndTakesTheLongestJob() throws Exception {
        List<JobResult> many = jobs(200);
        JobResult s = JobResult.sum(many);
        long expectBytes = 0;
        long longest = 0;
        long runtimes = 0;
        for (JobResult j : many) {
            expectBytes += j.read.bytes();
            longest = Math.max(longest, j.runtimeNanos());
            runtimes += j.runtimeNanos();
        }
        assertThat(s.read.bytes()).isEqualTo(expectBytes);
        assertThat(s.read.ios()).isEqualTo(2_000);
        assertThat(s.read.clat.count()).isEqualTo(2_000);
        assertThat(s.read.clat.min()).isEqualTo(1_000);
        assertThat(s.read.clat.max()).isEqualTo(209_000);
        assertThat(s.runtimeNanos()).isEqualTo(longest);
        assertThat(s.jobRuntimeNanos()).as("fio's job_runtime of a group: the jobs' added").isEqualTo(runtimes);
        assertThat(many.getFirst().jobRuntimeNanos()).isEqualTo(many.getFirst().runtimeNanos());
        assertThat(s.cpu().totalNanos()).isEqualTo(longest / 2); // the longest job's CPU time
        assertThat(s.error()).isEqualTo(5);
        assertThat(s.errorMessage()).isEqualTo("job 70"); // the first error in job order
        JobResult inOrder = JobResult.sum(many.subList(0, 50));
        assertThat(inOrder.read.clat.percentile(50)).isBetween(25_000L, 31_000L);
        assertThat(s.read.clat.percentile(50)).isBetween(100_000L, 112_000L);
    }

    @Test
    void aSumMadeAsJobsFinishIsTheSumInJobOrder() throws Exception {
        List<JobResult> many = jobs(200);
        JobResult expected = JobResult.sum(jobs(200));
        GroupSum made = new GroupSum(many.getFirst().spec());
        for (int i = many.size() - 1; i >= 0; i--) { // finishing last to first
            made.add(many.get(i));
        }
        made.add(many.get(5)); // a job added twice counts once
        // the wave gives its jobs their CPU time after they finished: the sum reads it when reported
        for (JobResult j : many) {
            j.cpu = new CpuTimes(j.runtimeNanos(), 0, 0);
        }
        JobResult s = JobResult.sum(many);
        assertThat(s.read.bytes()).isEqualTo(expected.read.bytes());
        assertThat(s.read.clat.count()).isEqualTo(expected.read.clat.count());
        assertThat(s.read.lat.percentile(90)).isEqualTo(expected.read.lat.percentile(90));
        assertThat(s.runtimeNanos()).isEqualTo(expected.runtimeNanos());
        assertThat(s.jobRuntimeNanos()).isEqualTo(expected.jobRuntimeNanos());
        assertThat(s.errorMessage()).as("the first error in job order, not in finishing order").isEqualTo("job 70");
        assertThat(s.cpu().totalNanos()).isEqualTo(expected.runtimeNanos());
    }

    @Test
    void aSumMadeOfOtherJobsIsNotTaken() throws Exception {
        List<JobResult> many = jobs(10);
        GroupSum made = new GroupSum(many.getFirst().spec());
        for (JobResult j : many.subList(0, 9)) {
            made.add(j);
        }
        JobResult s = JobResult.sum(many); // one job missing from the made sum: summed here
        assertThat(s.read.ios()).isEqualTo(100);
        assertThat(JobResult.sum(many.subList(0, 5)).read.ios()).as("a part of the made sum").isEqualTo(50);
    }
}
