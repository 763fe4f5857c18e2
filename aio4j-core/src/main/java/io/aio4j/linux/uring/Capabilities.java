package io.aio4j.linux.uring;

import io.aio4j.linux.abi.IoUringProbe;
import io.aio4j.linux.abi.IoUringSyncCancelReg;
import io.aio4j.linux.abi.IoUringSys;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * What this kernel's io_uring offers, probed once on a small ring: the FEAT_* bits, the opcodes
 * IORING_REGISTER_PROBE reports as supported, and whether IORING_REGISTER_SYNC_CANCEL (6.0)
 * exists. Immutable.
 */
final class Capabilities {
    private static final int PROBE_OPS = 256;

    private final int features;
    private final boolean[] ops;
    private final int lastOp;
    private final boolean syncCancel;

    Capabilities(int features, boolean[] ops, int lastOp, boolean syncCancel) {
        this.features = features;
        this.ops = ops.clone();
        this.lastOp = lastOp;
        this.syncCancel = syncCancel;
    }

    /**
     * Probes the kernel.
     *
     * @throws IOException if io_uring_setup (or the mmap) is refused, naming the errno
     */
    static Capabilities probe() throws IOException {
        try (Ring ring = Ring.open(4, 0, 0, 0); Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocate(IoUringProbe.byteSize(PROBE_OPS), 8);
            boolean[] ops = new boolean[PROBE_OPS];
            int last = -1;
            int r = ring.register(IoUringSys.IORING_REGISTER_PROBE, p.address(), PROBE_OPS);
            if (r >= 0) {
                last = IoUringProbe.lastOp(p);
                int n = Math.min(IoUringProbe.opsLen(p), PROBE_OPS);
                for (int i = 0; i < n; i++) {
                    ops[i] = (IoUringProbe.opFlags(p, i) & IoUringProbe.IO_URING_OP_SUPPORTED) != 0;
                }
            } else {
                // before 5.6 there is no probe: assume the 5.1 set (NOP .. WRITE_FIXED, FSYNC)
                for (int i = 0; i <= IoUringSys.IORING_OP_WRITE_FIXED; i++) {
                    ops[i] = true;
                }
                last = IoUringSys.IORING_OP_WRITE_FIXED;
            }
            MemorySegment reg = arena.allocate(IoUringSyncCancelReg.LAYOUT);
            IoUringSyncCancelReg.set(reg, 0x5eed_0000_0000L, 0, 0);
            int c = ring.register(IoUringSys.IORING_REGISTER_SYNC_CANCEL, reg.address(), 1);
            // nothing has that user_data, so a kernel that knows the op answers ENOENT
            boolean sync = c == -io.aio4j.Errno.ENOENT;
            return new Capabilities(ring.features(), ops, last, sync);
        }
    }

    /** A copy with {@code opcode} reported missing (tests use it to exercise emulation). */
    Capabilities without(int opcode) {
        boolean[] o = ops.clone();
        o[opcode] = false;
        return new Capabilities(features, o, lastOp, syncCancel);
    }

    int features() {
        return features;
    }

    boolean hasFeature(int bit) {
        return (features & bit) != 0;
    }

    boolean supports(int opcode) {
        return opcode >= 0 && opcode < ops.length && ops[opcode];
    }

    boolean syncCancel() {
        return syncCancel;
    }

    @Override
    public String toString() {
        return "io_uring features=0x" + Integer.toHexString(features) + ", last_op=" + lastOp
                + ", sync_cancel=" + syncCancel + ", kernel " + System.getProperty("os.version", "?");
    }
}
