package io.aio4j.linux.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the io_uring struct mirrors: sizes and offsets as KERNEL.md lists them, and, where gcc and
 * the uapi header exist, against {@code offsetof} compiled from {@code <linux/io_uring.h>}.
 */
class IoUringAbiTest {
    private static final Map<String, Long> EXPECTED = new LinkedHashMap<>();
    private static final Map<String, StructLayout> LAYOUTS = new LinkedHashMap<>();

    static {
        put("io_uring_sqe", IoUringSqe.LAYOUT, 64, "opcode", 0, "flags", 1, "ioprio", 2, "fd", 4, "off", 8, "addr", 16,
                "len", 24, "rw_flags", 28, "user_data", 32, "buf_index", 40, "personality", 42, "file_index", 44, "addr3", 48);
        put("io_uring_cqe", IoUringCqe.LAYOUT, 16, "user_data", 0, "res", 8, "flags", 12);
        put("io_uring_params", IoUringParams.LAYOUT, 120, "sq_entries", 0, "cq_entries", 4, "flags", 8, "sq_thread_cpu", 12,
                "sq_thread_idle", 16, "features", 20, "wq_fd", 24, "resv", 28, "sq_off", 40, "cq_off", 80);
        put("io_sqring_offsets", IoSqringOffsets.LAYOUT, 40, "head", 0, "tail", 4, "ring_mask", 8, "ring_entries", 12,
                "flags", 16, "dropped", 20, "array", 24, "resv1", 28);
        put("io_cqring_offsets", IoCqringOffsets.LAYOUT, 40, "head", 0, "tail", 4, "ring_mask", 8, "ring_entries", 12,
                "overflow", 16, "cqes", 20, "flags", 24, "resv1", 28);
        put("io_uring_probe", IoUringProbe.LAYOUT, 16, "last_op", 0, "ops_len", 1);
        put("io_uring_probe_op", IoUringProbe.OP_LAYOUT, 8, "op", 0, "flags", 2);
        put("__kernel_timespec", KernelTimespec.LAYOUT, 16, "tv_sec", 0, "tv_nsec", 8);
        put("io_uring_getevents_arg", IoUringGeteventsArg.LAYOUT, 24, "sigmask", 0, "sigmask_sz", 8, "ts", 16);
        put("io_uring_sync_cancel_reg", IoUringSyncCancelReg.LAYOUT, 64, "addr", 0, "fd", 8, "flags", 12, "timeout", 16);
    }

    private static void put(String struct, StructLayout layout, long size, Object... fieldOffsets) {
        LAYOUTS.put(struct, layout);
        EXPECTED.put(struct + ".sizeof", size);
        for (int i = 0; i < fieldOffsets.length; i += 2) {
            EXPECTED.put(struct + "." + fieldOffsets[i], ((Integer) fieldOffsets[i + 1]).longValue());
        }
    }

    /** What our layouts say, keyed as EXPECTED is. */
    private static Map<String, Long> ours() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String key : EXPECTED.keySet()) {
            String struct = key.substring(0, key.indexOf('.'));
            String field = key.substring(key.indexOf('.') + 1);
            MemoryLayout l = LAYOUTS.get(struct);
            m.put(key, field.equals("sizeof") ? l.byteSize() : l.byteOffset(PathElement.groupElement(field)));
        }
        return m;
    }

    @Test
    void layoutsMatchTheDocumentedAbi() {
        assertThat(ours()).containsExactlyEntriesOf(EXPECTED);
    }

    @Test
    @Timeout(120)
    void layoutsMatchTheKernelHeader(@TempDir Path dir) throws Exception {
        Path header = Path.of("/usr/include/linux/io_uring.h");
        Assumptions.assumeTrue(Files.exists(header), "no " + header + " (kernel uapi headers not installed)");
        Assumptions.assumeTrue(hasGcc(), "gcc is not installed: cannot compile the offsetof program");
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <linux/io_uring.h>\n"
                + "#include <linux/time_types.h>\nint main(void) {\n");
        for (String key : EXPECTED.keySet()) {
            String struct = key.substring(0, key.indexOf('.'));
            String field = key.substring(key.indexOf('.') + 1);
            String expr = field.equals("sizeof") ? "sizeof(struct " + struct + ")" : "offsetof(struct " + struct + ", " + field + ")";
            c.append("  printf(\"").append(key).append(" %zu\\n\", ").append(expr).append(");\n");
        }
        c.append("  return 0;\n}\n");
        Path src = dir.resolve("abi.c");
        Path exe = dir.resolve("abi");
        Files.writeString(src, c);
        String compile = run("gcc", "-o", exe.toString(), src.toString());
        assertThat(Files.exists(exe)).as("gcc output: %s", compile).isTrue();
        Map<String, Long> fromHeader = new LinkedHashMap<>();
        for (String line : run(exe.toString()).split("\n")) {
            String[] kv = line.trim().split(" ");
            fromHeader.put(kv[0], Long.parseLong(kv[1]));
        }
        assertThat(ours()).containsExactlyEntriesOf(fromHeader);
    }

    private static boolean hasGcc() {
        try {
            run("gcc", "--version");
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " timed out");
        }
        return out;
    }
}
