package io.aio4j.bench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Engine;
import io.aio4j.SetupFlag;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSpecsTest {
    private static List<JobSpec> resolve(String... args) throws Exception {
        return JobSpecs.resolve(Invocation.parse(List.of(args)).jobs());
    }

    @Test
    void fiosDefaults() throws Exception {
        JobSpec s = resolve("--name=d", "--size=1m").getFirst();
        assertThat(s.workload()).isEqualTo(Workload.READ);
        assertThat(s.blockSize()).isEqualTo(4096);
        assertThat(s.iodepth()).isEqualTo(1);
        assertThat(s.batchSubmit()).isEqualTo(1);
        assertThat(s.batchCompleteMin()).isEqualTo(1);
        assertThat(s.invalidate()).isTrue();
        assertThat(s.engine()).isEqualTo(IoEngine.PSYNC);
        assertThat(s.rwmixread()).isEqualTo(50);
        assertThat(s.clatPercentiles()).isTrue();
        assertThat(s.file()).isEqualTo(Path.of("d.0.0"));
    }

    @Test
    void batchesAreCappedByDepthAndZeroMeansDepth() throws Exception {
        JobSpec s = resolve("--name=b", "--ioengine=libaio", "--iodepth=32", "--iodepth_batch_submit=0", "--iodepth_batch_complete_min=64").getFirst();
        assertThat(s.batchSubmit()).isEqualTo(32);
        assertThat(s.batchCompleteMin()).isEqualTo(32);
        assertThat(s.batchCompleteMax()).isEqualTo(32);
        JobSpec t = resolve("--name=b", "--ioengine=libaio", "--iodepth=32", "--iodepth_batch=16", "--iodepth_batch_complete=16").getFirst();
        assertThat(t.batchSubmit()).isEqualTo(16);
        assertThat(t.batchCompleteMin()).isEqualTo(16);
        assertThat(t.batchCompleteMax()).as("unset: the minimum").isEqualTo(16);
    }

    @Test
    void percentileListIsSortedAndCheckedNamingTheValue() throws Exception {
        assertThat(resolve("--name=p").getFirst().percentiles()).containsExactlyElementsOf(JobSpecs.DEFAULT_PERCENTILES)
                .hasSize(17).startsWith(1.0).endsWith(99.99);
        assertThat(resolve("--name=p", "--percentile_list=99.999:50:99.9").getFirst().percentiles())
                .containsExactly(50.0, 99.9, 99.999);
        assertThatThrownBy(() -> resolve("--name=p", "--percentile_list=50:101"))
                .hasMessageContaining("--percentile_list=50:101").hasMessageContaining("101 is not a percentage");
        assertThatThrownBy(() -> resolve("--name=p", "--percentile_list=50:x")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> resolve("--name=p", "--percentile_list=" + "1:".repeat(20) + "2"))
                .hasMessageContaining("21 values, at most 20");
    }

    @Test
    void aSynchronousEngineRunsAtDepthOneAsFiosDoes() throws Exception {
        // fio 3.33: "note: both iodepth >= 1 and synchronous I/O engine are selected, queue depth
        // will be capped at 1", and IO depths 1=100.0%
        for (String engine : List.of("psync", "sync")) {
            Invocation inv = Invocation.parse(List.of("--name=s", "--ioengine=" + engine, "--iodepth=8", "--iodepth_batch=4"));
            JobSpec s = JobSpecs.resolve(inv.jobs()).getFirst();
            assertThat(s.iodepth()).isEqualTo(1);
            assertThat(s.batchSubmit()).isEqualTo(1);
            assertThat(JobSpecs.depthCapped(inv.jobs().getFirst())).isTrue();
            assertThat(s.written()).as("as written").contains(Map.entry("iodepth", "8"));
        }
        Invocation one = Invocation.parse(List.of("--name=s", "--ioengine=psync"));
        assertThat(JobSpecs.depthCapped(one.jobs().getFirst())).as("no note at depth 1").isFalse();
        Invocation async = Invocation.parse(List.of("--name=s", "--ioengine=libaio", "--iodepth=8"));
        assertThat(JobSpecs.resolve(async.jobs()).getFirst().iodepth()).isEqualTo(8);
        assertThat(JobSpecs.depthCapped(async.jobs().getFirst())).isFalse();
    }

    @Test
    void byDefaultAReapTakesOneCompletionAsFiosDoes() throws Exception {
        // fio's fixup_options: iodepth_batch_complete_max unset or below the minimum becomes the
        // minimum (1 by default); fio 3.33 at iodepth=4 reports IO depths 4=99.9%
        assertThat(resolve("--name=b", "--ioengine=libaio", "--iodepth=32").getFirst().batchCompleteMax()).isEqualTo(1);
        assertThat(resolve("--name=b", "--ioengine=libaio", "--iodepth=32", "--iodepth_batch_complete_max=16").getFirst().batchCompleteMax()).isEqualTo(16);
        assertThat(resolve("--name=b", "--ioengine=libaio", "--iodepth=32", "--iodepth_batch_complete_max=0").getFirst().batchCompleteMax()).isEqualTo(1);
        assertThat(resolve("--name=b", "--ioengine=libaio", "--iodepth=32", "--iodepth_batch_complete_min=0").getFirst().batchCompleteMax()).isEqualTo(1);
        assertThat(resolve("--name=b", "--ioengine=libaio", "--iodepth=8", "--iodepth_batch_complete_max=64").getFirst().batchCompleteMax()).isEqualTo(8);
    }

    @Test
    void numjobsClonesNameTheirFilesAsFioDoesInTheDirectory() throws Exception {
        List<JobSpec> jobs = resolve("--directory=/data", "--name=vs", "--numjobs=3", "--blocksize=8k");
        assertThat(jobs).extracting(JobSpec::file)
                .containsExactly(Path.of("/data/vs.0.0"), Path.of("/data/vs.1.0"), Path.of("/data/vs.2.0"));
        assertThat(jobs).extracting(JobSpec::jobNumber).containsExactly(0, 1, 2);
        assertThat(jobs).extracting(JobSpec::blockSize).containsOnly(8192);
        assertThat(resolve("--name=vs", "--filename=/tmp/f", "--numjobs=2")).extracting(JobSpec::file).containsOnly(Path.of("/tmp/f"));
    }

    @Test
    void stonewallStartsANewGroupAndWaits() throws Exception {
        List<JobSpec> jobs = resolve("--name=a", "--name=b", "--name=c", "--stonewall", "--name=d", "--new_group");
        assertThat(jobs).extracting(JobSpec::groupId).containsExactly(0, 0, 1, 2);
        assertThat(jobs).extracting(JobSpec::waitsForPrevious).containsExactly(false, false, true, false);
    }

    @Test
    void engineNamesMapToAio4jEngines() {
        assertThat(IoEngine.of("io_uring").engine()).isEqualTo(Engine.IO_URING);
        assertThat(IoEngine.of("libaio").engine()).isEqualTo(Engine.LINUX_AIO);
        assertThat(IoEngine.of("threadpool").contextOptions().flags()).containsExactly(SetupFlag.SQ_WORKQUEUE);
        assertThat(IoEngine.of("psync").contextOptions().engine()).isEqualTo(Engine.PORTABLE);
        assertThat(IoEngine.of("psync").contextOptions().flags()).isEmpty();
        assertThat(IoEngine.of("sync").engine()).isEqualTo(Engine.PORTABLE);
        assertThat(IoEngine.of("jdk").engine()).isNull();
        assertThatThrownBy(() -> IoEngine.of("mmap")).hasMessageContaining("--ioengine=mmap");
    }

    @Test
    void rwmixwriteIsTheComplement() throws Exception {
        assertThat(resolve("--name=m", "--rw=randrw", "--rwmixwrite=30").getFirst().rwmixread()).isEqualTo(70);
    }

    @Test
    void impossibleCombinationsSayWhy() {
        assertThatThrownBy(() -> resolve("--name=x", "--time_based")).hasMessageContaining("job x")
                .hasMessageContaining("--time_based needs --runtime");
        assertThatThrownBy(() -> resolve("--name=x", "--direct=1", "--bs=1000")).hasMessageContaining("multiple of 512");
        assertThatThrownBy(() -> resolve("--name=x", "--verify=crc32c", "--bs=16")).hasMessageContaining("at least 24");
        assertThatThrownBy(() -> resolve("--name=x", "--rw=randrw", "--verify=crc32c", "--filename=/tmp/f", "--numjobs=2"))
                .hasMessageContaining("job x.1 and job x.0 share /tmp/f while one of them writes with --verify");
        assertThatThrownBy(() -> resolve("--name=x", "--size=1k", "--bs=4k")).hasMessageContaining("smaller than --bs");
        assertThatThrownBy(() -> resolve("--name=x", "--iodepth=0")).hasMessageContaining("--iodepth=0 is outside 1..32768");
        assertThatThrownBy(() -> resolve("--name=x", "--rwmixread=101")).hasMessageContaining("--rwmixread=101");
        assertThatThrownBy(() -> resolve("--name=x", "--filename=a:b")).hasMessageContaining("several files");
        assertThatThrownBy(() -> resolve("--name=x", "--verify=md5")).hasMessageContaining("--verify=md5");
    }

    @Test
    void mixedVerifyJobsRunUnlessAnotherJobWritesTheirFileMeanwhile() throws Exception {
        assertThat(resolve("--name=m", "--rw=randrw", "--verify=crc32c").getFirst().verify()).isTrue();
        assertThat(resolve("--name=m", "--rw=rw", "--verify=crc32c", "--numjobs=2")).hasSize(2); // m.0.0 and m.1.0
        assertThat(resolve("--name=m", "--rw=randrw", "--verify=crc32c", "--filename=/tmp/f", "--name=r",
                "--rw=randread", "--filename=/tmp/f")).hasSize(2); // a reader does not disturb it
        assertThat(resolve("--name=m", "--rw=randrw", "--verify=crc32c", "--filename=/tmp/f", "--name=w",
                "--rw=randwrite", "--filename=/tmp/f", "--stonewall")).hasSize(2); // one after the other
    }

    @Test
    void jobOptionsAreKeptForTheReport() throws Exception {
        assertThat(resolve("--name=o", "--bs=4k", "--rw=randread").getFirst().options())
                .isEqualTo(Map.of("bs", "4k", "rw", "randread"));
    }
}
