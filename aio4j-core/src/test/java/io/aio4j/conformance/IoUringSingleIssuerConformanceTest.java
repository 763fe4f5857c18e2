package io.aio4j.conformance;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.SetupFlag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The conformance suite on the io_uring engine with SINGLE_ISSUER (SINGLE_ISSUER | DEFER_TASKRUN). */
class IoUringSingleIssuerConformanceTest extends EngineConformanceTest {
    @Override
    protected ContextOptions options() {
        return ContextOptions.of(Engine.IO_URING, SetupFlag.SINGLE_ISSUER);
    }

    /** Several submitting and reaping threads break the promise SINGLE_ISSUER makes. */
    @Test
    @Override
    public void interleavedSubmitAndReapDeliverEachCompletionOnce() {
        Assumptions.abort("SINGLE_ISSUER promises one issuing thread; this case submits and reaps from several");
    }
}
