package io.aio4j.linux.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import org.junit.jupiter.api.Test;

/** The Linux AIO struct mirrors against the x86-64 layouts compiled from the uapi header (KERNEL.md 3.1-3.3). */
class AioAbiLayoutTest {
    private static long off(StructLayout l, String f) {
        return l.byteOffset(MemoryLayout.PathElement.groupElement(f));
    }

    @Test
    void iocbIs64BytesWithTheUapiOffsets() {
        StructLayout l = Iocb.LAYOUT;
        assertThat(l.byteSize()).isEqualTo(64);
        assertThat(off(l, "aio_data")).isEqualTo(0);
        assertThat(off(l, "aio_key")).isEqualTo(8);
        assertThat(off(l, "aio_rw_flags")).isEqualTo(12);
        assertThat(off(l, "aio_lio_opcode")).isEqualTo(16);
        assertThat(off(l, "aio_reqprio")).isEqualTo(18);
        assertThat(off(l, "aio_fildes")).isEqualTo(20);
        assertThat(off(l, "aio_buf")).isEqualTo(24);
        assertThat(off(l, "aio_nbytes")).isEqualTo(32);
        assertThat(off(l, "aio_offset")).isEqualTo(40);
        assertThat(off(l, "aio_reserved2")).isEqualTo(48);
        assertThat(off(l, "aio_flags")).isEqualTo(56);
        assertThat(off(l, "aio_resfd")).isEqualTo(60);
        assertThat(Iocb.IOCB_CMD_PREADV).isEqualTo((short) 7);
        assertThat(Iocb.IOCB_CMD_PWRITEV).isEqualTo((short) 8);
    }

    @Test
    void ioEventIs32Bytes() {
        StructLayout l = AioIoEvent.LAYOUT;
        assertThat(l.byteSize()).isEqualTo(32);
        assertThat(off(l, "data")).isEqualTo(0);
        assertThat(off(l, "obj")).isEqualTo(8);
        assertThat(off(l, "res")).isEqualTo(16);
        assertThat(off(l, "res2")).isEqualTo(24);
    }

    @Test
    void aioRingHeaderIs32Bytes() {
        StructLayout l = AioRing.LAYOUT;
        assertThat(l.byteSize()).isEqualTo(32);
        assertThat(off(l, "nr")).isEqualTo(4);
        assertThat(off(l, "head")).isEqualTo(8);
        assertThat(off(l, "tail")).isEqualTo(12);
        assertThat(off(l, "magic")).isEqualTo(16);
        assertThat(off(l, "incompat_features")).isEqualTo(24);
        assertThat(off(l, "header_length")).isEqualTo(28);
    }

    @Test
    void pollfdAndTimespec() {
        assertThat(Ppoll.POLLFD.byteSize()).isEqualTo(8);
        assertThat(KernelTimespec.LAYOUT.byteSize()).isEqualTo(16);
    }
}
