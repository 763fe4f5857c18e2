package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user datum comes back unchanged, and each event names the very request submitted. */
public interface UserDataCases extends ConformanceFixture {
    @Test
    default void userDataRoundTripsEveryBit() throws Exception {
        long[] values = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 0x8000_0000L, 0xdead_beef_cafe_babeL, 1L << 63 | 1};
        IoFile f = openPattern(4096);
        IoRequest[] rs = new IoRequest[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            rs[2 * i] = new IoRequest().prepNop().userData(values[i]);
            rs[2 * i + 1] = new IoRequest().prepRead(f, buffer(8), 8L * i).userData(values[i]);
        }
        Map<IoRequest, Long> expected = new IdentityHashMap<>();
        for (IoRequest r : rs) {
            expected.put(r, r.userData());
        }
        for (IoEvent e : submitAndReap(ctx(), rs)) {
            assertThat(expected).containsKey(e.request());
            assertThat(e.userData()).isEqualTo(expected.remove(e.request()));
            assertThat(e.request().userData()).as("the request keeps its datum").isEqualTo(e.userData());
        }
        assertThat(expected).as("requests without an event").isEmpty();
    }

    @Test
    default void errorEventsCarryTheUserDataToo() throws Exception {
        IoFile f = openPattern(4096);
        IoEvent e = run(ctx(), new IoRequest().prepRead(f, buffer(8), -8).userData(Long.MIN_VALUE));
        assertThat(e.failed()).isTrue();
        assertThat(e.userData()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    default void aReusedRequestReportsItsNewUserData() throws Exception {
        IoRequest r = new IoRequest();
        for (long i = -3; i < 3; i++) {
            IoEvent e = run(ctx(), r.prepNop().userData(i * 1_000_000_007L));
            assertThat(e.userData()).isEqualTo(i * 1_000_000_007L);
            assertThat(e.request()).isSameAs(r);
        }
    }

    @Test
    default void prepResetsTheUserData() throws Exception {
        IoRequest r = new IoRequest().prepNop().userData(42);
        r.prepNop();
        assertThat(run(ctx(), r).userData()).isZero();
    }
}
