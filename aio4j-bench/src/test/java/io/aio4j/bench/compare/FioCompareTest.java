package io.aio4j.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.Invocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fio command line built for --compare-fio. */
class FioCompareTest {
    @Test
    void aio4jOnlyOptionsAreNotPassedToFio() throws Exception {
        Invocation inv = Invocation.parse(List.of("--name=j", "--filename=/tmp/x", "--rw=randread", "--runtime=1",
                "--time_based", "--aio4j_warmup=0", "--ioengine=io_uring"));
        List<String> cmd = FioCompare.fioCommand(inv);
        assertThat(cmd).contains("--name=j", "--rw=randread", "--ioengine=io_uring");
        assertThat(cmd).noneMatch(a -> a.startsWith("--aio4j_"));
    }

    @Test
    void javaOnlyEnginesBecomePosixaioForFio() throws Exception {
        Invocation inv = Invocation.parse(List.of("--name=j", "--filename=/tmp/x", "--ioengine=jdk"));
        assertThat(FioCompare.fioCommand(inv)).contains("--ioengine=posixaio");
    }
}
