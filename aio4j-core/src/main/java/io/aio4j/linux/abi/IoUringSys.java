package io.aio4j.linux.abi;

import java.lang.foreign.MemorySegment;

/**
 * The io_uring system calls and their constants ({@code <linux/io_uring.h>}, kernel spelling).
 * Wrappers return {@code >= 0} or {@code -errno} and never throw; EINTR is returned to the
 * caller, who knows whether to restart. Pointer arguments are addresses of memory the caller keeps
 * alive for the call.
 */
public final class IoUringSys {
    // io_uring_setup flags
    public static final int IORING_SETUP_IOPOLL = 1 << 0;
    public static final int IORING_SETUP_SQPOLL = 1 << 1;
    public static final int IORING_SETUP_SQ_AFF = 1 << 2;
    public static final int IORING_SETUP_CQSIZE = 1 << 3;
    public static final int IORING_SETUP_CLAMP = 1 << 4;
    public static final int IORING_SETUP_R_DISABLED = 1 << 6;
    public static final int IORING_SETUP_SUBMIT_ALL = 1 << 7;
    public static final int IORING_SETUP_COOP_TASKRUN = 1 << 8;
    public static final int IORING_SETUP_TASKRUN_FLAG = 1 << 9;
    public static final int IORING_SETUP_SINGLE_ISSUER = 1 << 12;
    public static final int IORING_SETUP_DEFER_TASKRUN = 1 << 13;

    // io_uring_enter flags
    public static final int IORING_ENTER_GETEVENTS = 1 << 0;
    public static final int IORING_ENTER_SQ_WAKEUP = 1 << 1;
    public static final int IORING_ENTER_SQ_WAIT = 1 << 2;
    public static final int IORING_ENTER_EXT_ARG = 1 << 3;

    // sq ring flags
    public static final int IORING_SQ_NEED_WAKEUP = 1 << 0;
    public static final int IORING_SQ_CQ_OVERFLOW = 1 << 1;
    public static final int IORING_SQ_TASKRUN = 1 << 2;

    // features
    public static final int IORING_FEAT_SINGLE_MMAP = 1 << 0;
    public static final int IORING_FEAT_NODROP = 1 << 1;
    public static final int IORING_FEAT_SUBMIT_STABLE = 1 << 2;
    public static final int IORING_FEAT_EXT_ARG = 1 << 8;
    public static final int IORING_FEAT_CQE_SKIP = 1 << 11;

    // mmap offsets
    public static final long IORING_OFF_SQ_RING = 0L;
    public static final long IORING_OFF_CQ_RING = 0x8000000L;
    public static final long IORING_OFF_SQES = 0x10000000L;

    // sqe flags
    public static final int IOSQE_FIXED_FILE = 1 << 0;
    public static final int IOSQE_IO_DRAIN = 1 << 1;
    public static final int IOSQE_IO_LINK = 1 << 2;
    public static final int IOSQE_IO_HARDLINK = 1 << 3;
    public static final int IOSQE_ASYNC = 1 << 4;
    public static final int IOSQE_CQE_SKIP_SUCCESS = 1 << 6;

    // opcodes
    public static final int IORING_OP_NOP = 0;
    public static final int IORING_OP_READV = 1;
    public static final int IORING_OP_WRITEV = 2;
    public static final int IORING_OP_FSYNC = 3;
    public static final int IORING_OP_READ_FIXED = 4;
    public static final int IORING_OP_WRITE_FIXED = 5;
    public static final int IORING_OP_POLL_ADD = 6;
    public static final int IORING_OP_TIMEOUT = 11;
    public static final int IORING_OP_TIMEOUT_REMOVE = 12;
    public static final int IORING_OP_ASYNC_CANCEL = 14;
    public static final int IORING_OP_LINK_TIMEOUT = 15;
    public static final int IORING_OP_FALLOCATE = 17;
    public static final int IORING_OP_OPENAT = 18;
    public static final int IORING_OP_CLOSE = 19;
    public static final int IORING_OP_STATX = 21;
    public static final int IORING_OP_READ = 22;
    public static final int IORING_OP_WRITE = 23;
    public static final int IORING_OP_MSG_RING = 40;

    // op flags
    public static final int IORING_FSYNC_DATASYNC = 1 << 0;
    public static final int IORING_TIMEOUT_ABS = 1 << 0;
    /** IORING_MSG_DATA: MSG_RING posts sqe->len as res and sqe->off as user_data on the target ring. */
    public static final int IORING_MSG_DATA = 0;

    // io_uring_register opcodes
    public static final int IORING_REGISTER_BUFFERS = 0;
    public static final int IORING_UNREGISTER_BUFFERS = 1;
    public static final int IORING_REGISTER_FILES = 2;
    public static final int IORING_UNREGISTER_FILES = 3;
    public static final int IORING_REGISTER_EVENTFD = 4;
    public static final int IORING_UNREGISTER_EVENTFD = 5;
    public static final int IORING_REGISTER_FILES_UPDATE = 6;
    public static final int IORING_REGISTER_PROBE = 8;
    public static final int IORING_REGISTER_ENABLE_RINGS = 12;
    public static final int IORING_REGISTER_SYNC_CANCEL = 24;

    private IoUringSys() {
    }

    /** io_uring_setup(2): the ring fd or -errno. {@code params} is in/out ({@link IoUringParams}). */
    public static int setup(int entries, MemorySegment params) {
        if (params.byteSize() < IoUringParams.LAYOUT.byteSize() || !params.isNative()) {
            throw new IllegalArgumentException("params must be a native io_uring_params");
        }
        return (int) LibC.syscall(Syscalls.IO_URING_SETUP, entries, params.address(), 0, 0, 0, 0);
    }

    /**
     * io_uring_enter(2): the number of SQEs consumed, or -errno (-EINTR, -ETIME after an EXT_ARG
     * timeout, -EAGAIN/-EBUSY under pressure).
     */
    public static int enter(int fd, int toSubmit, int minComplete, int flags, long arg, long argSize) {
        return (int) LibC.syscall(Syscalls.IO_URING_ENTER, fd, toSubmit, minComplete, flags, arg, argSize);
    }

    /** io_uring_register(2): >= 0 or -errno. */
    public static int register(int fd, int opcode, long arg, int nrArgs) {
        return (int) LibC.syscall(Syscalls.IO_URING_REGISTER, fd, opcode, arg, nrArgs, 0, 0);
    }
}
