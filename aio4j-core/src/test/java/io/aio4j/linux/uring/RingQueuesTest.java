package io.aio4j.linux.uring;

import static io.aio4j.linux.uring.UringTestSupport.assumeUring;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.linux.abi.IoUringSqe;
import io.aio4j.linux.abi.IoUringSys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SubmissionQueue} and {@link CompletionQueue} index arithmetic on a real ring, across many wraps. */
@Timeout(30)
class RingQueuesTest {
    private static void nop(SubmissionQueue sq, long userData) {
        long at = sq.next();
        IoUringSqe.opcode(sq.sqes(), at, IoUringSys.IORING_OP_NOP);
        IoUringSqe.userData(sq.sqes(), at, userData);
    }

    @Test
    void submissionSpaceAndCompletionOrderAcrossWraps() throws Exception {
        assumeUring();
        try (Ring ring = Ring.open(8, 0, 0, 0)) {
            SubmissionQueue sq = ring.sq();
            CompletionQueue cq = ring.cq();
            assertThat(sq.entries()).isEqualTo(8);
            assertThat(cq.entries()).isEqualTo(16);
            long next = 0;
            long expect = 0;
            List<Long> seen = new ArrayList<>();
            for (int round = 0; round < 100; round++) {
                int batch = 1 + round % 7;
                assertThat(sq.space()).isEqualTo(8);
                for (int i = 0; i < batch; i++) {
                    nop(sq, next++);
                }
                assertThat(sq.space()).isEqualTo(8 - batch);
                assertThat(sq.unconsumedPublished()).isZero();
                sq.publish();
                assertThat(sq.unconsumedPublished()).isEqualTo(batch);
                assertThat(ring.enter(batch, 0, 0)).isEqualTo(batch);
                assertThat(sq.unconsumed()).isZero();
                assertThat(cq.ready()).isEqualTo(batch);
                // reap in two steps with a max, so runs start and stop at arbitrary places in the array
                seen.clear();
                int first = cq.reap((ud, res, f) -> {
                    seen.add(ud);
                    return 1;
                }, (batch + 1) / 2);
                int second = cq.reap((ud, res, f) -> {
                    seen.add(ud);
                    return 1;
                }, Integer.MAX_VALUE);
                assertThat(first + second).isEqualTo(batch);
                for (long ud : seen) {
                    assertThat(ud).isEqualTo(expect++);
                }
                assertThat(cq.ready()).isZero();
            }
        }
    }

    @Test
    void aHandlerThatCountsZeroDoesNotUseTheMax() throws Exception {
        assumeUring();
        try (Ring ring = Ring.open(4, 0, 0, 0)) {
            for (int i = 0; i < 4; i++) {
                nop(ring.sq(), i);
            }
            ring.sq().publish();
            ring.enter(4, 0, 0);
            List<Long> seen = new ArrayList<>();
            // even user_data are "internal" (count 0): max 1 still lets 0, 1 and 2 through
            int n = ring.cq().reap((ud, res, f) -> {
                seen.add(ud);
                return ud % 2 == 0 ? 0 : 1;
            }, 1);
            assertThat(n).isEqualTo(1);
            assertThat(seen).containsExactly(0L, 1L);
            assertThat(ring.cq().ready()).isEqualTo(2);
        }
    }
}
