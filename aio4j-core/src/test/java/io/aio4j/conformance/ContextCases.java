package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.ContextTable;
import io.aio4j.Errno;
import io.aio4j.Engine;
import io.aio4j.EngineInfo;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.SetupFlag;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a context says about itself, buffer registration, and several contexts side by side. */
public interface ContextCases extends ConformanceFixture {
    @Test
    default void aContextDescribesItself() throws Exception {
        IoContext c = open(7);
        assertThat(c.capacity()).isEqualTo(7);
        assertThat(c.isOpen()).isTrue();
        assertThat(c.inFlight()).isZero();
        assertThat(c.id()).isPositive();
        assertThat(ContextTable.lookup(c.id())).isSameAs(c);
        assertThat(c.options().engine()).isEqualTo(suiteOptions().engine());
        EngineInfo info = c.engineInfo();
        assertThat(info.engine()).isNotEqualTo(Engine.AUTO);
        if (suiteOptions().engine() != Engine.AUTO) {
            assertThat(info.engine()).isEqualTo(suiteOptions().engine());
        }
        assertThat(info.reason()).isNotBlank();
        assertThat(info.downgrades()).isNotNull();
        assertThat(c.toString()).contains("id=" + c.id()).contains("capacity=7");
    }

    @Test
    default void aLargeContextWorks() throws Exception {
        IoContext c = open(4096);
        IoRequest[] rs = new IoRequest[4096];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new IoRequest().prepNop().userData(i);
        }
        assertThat(c.submit(rs)).isEqualTo(4096);
        assertThat(c.submit(new IoRequest().prepNop())).isZero();
        reap(c, 4096);
        assertDrained(c);
    }

    @Test
    default void registerBuffersIsCheckedBeforeTheEngineSeesIt() throws Exception {
        IoContext plain = ctx();
        assertThatThrownBy(() -> plain.registerBuffers(buffer(4096))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FIXED_BUFFERS");
        IoContext c = open(4, SetupFlag.FIXED_BUFFERS);
        assertThat(c.registeredBuffers()).isEmpty();
        assertThatThrownBy(c::registerBuffers).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.registerBuffers(MemorySegment.ofArray(new byte[4096])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("native");
        assertThatThrownBy(() -> c.registerBuffers(buffer(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.registerBuffers(buffer(8), null)).isInstanceOf(IllegalArgumentException.class);
        MemorySegment a = buffer(4096);
        MemorySegment b = buffer(8192);
        c.registerBuffers(a, b);
        assertThat(c.registeredBuffers()).containsExactly(a, b);
        assertThatThrownBy(() -> c.registerBuffers(buffer(4096))).isInstanceOf(IllegalStateException.class);
        assertThat(c.registeredBuffers()).containsExactly(a, b);
    }

    @Test
    default void aFixedRequestOnAContextWithoutRegistrationIsEfault() throws Exception {
        IoFile f = openPattern(4096);
        assertThat(result(new IoRequest().prepReadFixed(f, buffer(512), 0, 0))).isEqualTo(-Errno.EFAULT);
    }

    @Test
    default void severalContextsWorkSideBySide() throws Exception {
        List<IoContext> cs = new ArrayList<>();
        List<IoFile> fs = new ArrayList<>();
        Path p = pattern("side.bin", 64 * 1024);
        for (int i = 0; i < 8; i++) {
            IoContext c = open(8);
            cs.add(c);
            fs.add(c.openFile(p));
        }
        List<MemorySegment> bufs = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            MemorySegment b = buffer(4096);
            bufs.add(b);
            assertThat(cs.get(i).submit(new IoRequest().prepRead(fs.get(i), b, 4096L * i).userData(i))).isEqualTo(1);
        }
        for (int i = 0; i < cs.size(); i++) {
            IoEvent e = reap(cs.get(i), 1)[0];
            assertThat(e.userData()).as("a context delivers only its own events").isEqualTo(i);
            assertThat(e.result()).isEqualTo(4096);
            PatternFile.verify(bufs.get(i), 4096L * i);
        }
        cs.get(3).close();
        assertThat(cs.get(4).submit(new IoRequest().prepNop())).as("closing one leaves the others").isEqualTo(1);
        reap(cs.get(4), 1);
    }
}
