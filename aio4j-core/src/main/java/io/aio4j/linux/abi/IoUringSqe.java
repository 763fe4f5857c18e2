package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct io_uring_sqe} (64 bytes, {@code <linux/io_uring.h>}); the unions are named by the
 * member aio4j uses, the others are listed in the comment.
 * <pre>
 * struct io_uring_sqe {
 *   __u8 opcode; __u8 flags; __u16 ioprio; __s32 fd;
 *   union { __u64 off; __u64 addr2; struct { __u32 cmd_op; __u32 __pad1; }; };
 *   union { __u64 addr; __u64 splice_off_in; };
 *   __u32 len;
 *   union { __kernel_rwf_t rw_flags; __u32 fsync_flags; __u16 poll_events; __u32 poll32_events;
 *           __u32 sync_range_flags; __u32 msg_flags; __u32 timeout_flags; __u32 accept_flags;
 *           __u32 cancel_flags; __u32 open_flags; __u32 statx_flags; __u32 fadvise_advice;
 *           __u32 splice_flags; __u32 rename_flags; __u32 unlink_flags; __u32 hardlink_flags;
 *           __u32 xattr_flags; __u32 msg_ring_flags; __u32 uring_cmd_flags; };
 *   __u64 user_data;
 *   union { __u16 buf_index; __u16 buf_group; } __attribute__((packed));
 *   __u16 personality;
 *   union { __s32 splice_fd_in; __u32 file_index; struct { __u16 addr_len; __u16 __pad3[1]; }; };
 *   union { struct { __u64 addr3; __u64 __pad2[1]; }; __u8 cmd[0]; };
 * };
 * </pre>
 */
public final class IoUringSqe {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_BYTE.withName("opcode"),
            ValueLayout.JAVA_BYTE.withName("flags"),
            ValueLayout.JAVA_SHORT.withName("ioprio"),
            ValueLayout.JAVA_INT.withName("fd"),
            ValueLayout.JAVA_LONG.withName("off"),
            ValueLayout.JAVA_LONG.withName("addr"),
            ValueLayout.JAVA_INT.withName("len"),
            ValueLayout.JAVA_INT.withName("rw_flags"),
            ValueLayout.JAVA_LONG.withName("user_data"),
            ValueLayout.JAVA_SHORT.withName("buf_index"),
            ValueLayout.JAVA_SHORT.withName("personality"),
            ValueLayout.JAVA_INT.withName("file_index"),
            ValueLayout.JAVA_LONG.withName("addr3"),
            ValueLayout.JAVA_LONG.withName("__pad2"));
    public static final long SIZE = LAYOUT.byteSize();

    public static final long OPCODE = off("opcode");
    public static final long FLAGS = off("flags");
    public static final long IOPRIO = off("ioprio");
    public static final long FD = off("fd");
    public static final long OFF = off("off");
    public static final long ADDR = off("addr");
    public static final long LEN = off("len");
    /** The 32-bit op-flags union: rw_flags, fsync_flags, timeout_flags, cancel_flags, open_flags, ... */
    public static final long RW_FLAGS = off("rw_flags");
    public static final long USER_DATA = off("user_data");
    public static final long BUF_INDEX = off("buf_index");
    public static final long PERSONALITY = off("personality");
    public static final long FILE_INDEX = off("file_index");
    public static final long ADDR3 = off("addr3");

    private IoUringSqe() {
    }

    private static long off(String name) {
        return LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement(name));
    }

    /** Zeroes the SQE at {@code at} in {@code sqes} (the mapped SQE array). */
    public static void clear(MemorySegment sqes, long at) {
        sqes.asSlice(at, SIZE).fill((byte) 0);
    }

    public static void opcode(MemorySegment s, long at, int v) {
        s.set(ValueLayout.JAVA_BYTE, at + OPCODE, (byte) v);
    }

    public static int opcode(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_BYTE, at + OPCODE) & 0xff;
    }

    public static void flags(MemorySegment s, long at, int v) {
        s.set(ValueLayout.JAVA_BYTE, at + FLAGS, (byte) v);
    }

    public static int flags(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_BYTE, at + FLAGS) & 0xff;
    }

    public static void fd(MemorySegment s, long at, int v) {
        s.set(ValueLayout.JAVA_INT, at + FD, v);
    }

    public static void off(MemorySegment s, long at, long v) {
        s.set(ValueLayout.JAVA_LONG, at + OFF, v);
    }

    public static void addr(MemorySegment s, long at, long v) {
        s.set(ValueLayout.JAVA_LONG, at + ADDR, v);
    }

    public static void len(MemorySegment s, long at, int v) {
        s.set(ValueLayout.JAVA_INT, at + LEN, v);
    }

    public static void rwFlags(MemorySegment s, long at, int v) {
        s.set(ValueLayout.JAVA_INT, at + RW_FLAGS, v);
    }

    public static void userData(MemorySegment s, long at, long v) {
        s.set(ValueLayout.JAVA_LONG, at + USER_DATA, v);
    }

    public static long userData(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_LONG, at + USER_DATA);
    }

    public static void bufIndex(MemorySegment s, long at, int v) {
        s.set(ValueLayout.JAVA_SHORT, at + BUF_INDEX, (short) v);
    }

    public static void fileIndex(MemorySegment s, long at, int v) {
        s.set(ValueLayout.JAVA_INT, at + FILE_INDEX, v);
    }
}
