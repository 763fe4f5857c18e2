package io.aio4j.linux.uring;

import static io.aio4j.linux.abi.IoUringSys.IORING_FSYNC_DATASYNC;

import io.aio4j.IoRequest;
import io.aio4j.Op;
import io.aio4j.linux.abi.IoUringSqe;
import io.aio4j.linux.abi.IoUringSys;
import io.aio4j.linux.abi.Iovec;
import java.lang.foreign.MemorySegment;

/**
 * Fills an SQE from a core {@link IoRequest}: one opcode per {@link Op}, {@code user_data} = the
 * request's tag, {@code flags} = its {@link io.aio4j.LinkFlags} (which have the IOSQE values), plus
 * IOSQE_FIXED_FILE for a file in the ring's registered-file table.
 * Allocates nothing.
 */
final class RequestSqes {
    private RequestSqes() {
    }

    /** The io_uring opcode of a core op. */
    static int opcode(Op op) {
        return switch (op) {
            case NOOP -> IoUringSys.IORING_OP_NOP;
            case PREAD -> IoUringSys.IORING_OP_READ;
            case PWRITE -> IoUringSys.IORING_OP_WRITE;
            case PREADV -> IoUringSys.IORING_OP_READV;
            case PWRITEV -> IoUringSys.IORING_OP_WRITEV;
            case FSYNC, FDSYNC -> IoUringSys.IORING_OP_FSYNC;
            case READ_FIXED -> IoUringSys.IORING_OP_READ_FIXED;
            case WRITE_FIXED -> IoUringSys.IORING_OP_WRITE_FIXED;
            case FALLOCATE -> IoUringSys.IORING_OP_FALLOCATE;
        };
    }

    /**
     * Writes request {@code r} into the zeroed SQE at {@code at}.
     *
     * @param iov for PREADV/PWRITEV, an iovec array with room for {@code r.segmentCount()}
     *     entries that stays alive until the completion; else unused
     * @param files the ring's registered-file table: a file registered there goes by its slot
     */
    static void prepare(MemorySegment sqes, long at, IoRequest r, MemorySegment iov, FileTable files) {
        Op op = r.op();
        IoUringSqe.opcode(sqes, at, opcode(op));
        IoUringSqe.flags(sqes, at, r.linkFlags());
        IoUringSqe.userData(sqes, at, r.tag());
        if (op == Op.NOOP) {
            return;
        }
        if (r.file().handle() instanceof UringFile u && u.fixedIndex() >= 0 && u.table() == files) {
            IoUringSqe.fd(sqes, at, u.fixedIndex());
            IoUringSqe.flags(sqes, at, r.linkFlags() | IoUringSys.IOSQE_FIXED_FILE);
        } else {
            IoUringSqe.fd(sqes, at, r.file().fd());
        }
        switch (op) {
            case PREAD, PWRITE, READ_FIXED, WRITE_FIXED -> {
                IoUringSqe.addr(sqes, at, r.buffer().address());
                IoUringSqe.len(sqes, at, (int) r.length());
                IoUringSqe.off(sqes, at, r.offset());
                IoUringSqe.rwFlags(sqes, at, r.rwFlags());
                if (op == Op.READ_FIXED || op == Op.WRITE_FIXED) {
                    IoUringSqe.bufIndex(sqes, at, r.bufIndex());
                }
            }
            case PREADV, PWRITEV -> {
                int n = r.segmentCount();
                for (int i = 0; i < n; i++) {
                    MemorySegment s = r.segment(i);
                    Iovec.set(iov, i, s.address(), s.byteSize());
                }
                IoUringSqe.addr(sqes, at, n == 0 ? 0 : iov.address());
                IoUringSqe.len(sqes, at, n);
                IoUringSqe.off(sqes, at, r.offset());
                IoUringSqe.rwFlags(sqes, at, r.rwFlags());
            }
            case FDSYNC -> IoUringSqe.rwFlags(sqes, at, IORING_FSYNC_DATASYNC);
            case FALLOCATE -> { // liburing io_uring_prep_fallocate: len = mode, addr = length, off = offset
                IoUringSqe.len(sqes, at, r.mode());
                IoUringSqe.addr(sqes, at, r.length());
                IoUringSqe.off(sqes, at, r.offset());
            }
            default -> {
                // FSYNC: fd only
            }
        }
    }
}
