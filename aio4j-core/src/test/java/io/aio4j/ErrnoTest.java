package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Errno: Linux's numbers, names and strerror texts. */
class ErrnoTest {
    private static Map<String, Integer> constants() throws IllegalAccessException {
        Map<String, Integer> m = new HashMap<>();
        for (Field f : Errno.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class && f.getName().startsWith("E")) {
                m.put(f.getName(), f.getInt(null));
            }
        }
        return m;
    }

    @Test
    void everyConstantHasItsOwnNameAndADescription() throws Exception {
        Map<String, Integer> m = constants();
        assertThat(m).hasSizeGreaterThan(30);
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            assertThat(Errno.name(e.getValue())).as("name(%d)", e.getValue()).isEqualTo(e.getKey());
            assertThat(Errno.name(-e.getValue())).as("a negative result names the same errno").isEqualTo(e.getKey());
            assertThat(Errno.description(e.getValue())).as("description of %s", e.getKey()).doesNotStartWith("Unknown");
        }
    }

    @Test
    void numbersMatchTheKernelHeaders() throws Exception {
        Path base = Path.of("/usr/include/asm-generic/errno-base.h");
        Path more = Path.of("/usr/include/asm-generic/errno.h");
        Assumptions.assumeTrue(Files.isReadable(base) && Files.isReadable(more), "no kernel headers here");
        Map<String, Integer> header = new HashMap<>();
        Pattern define = Pattern.compile("^#define\\s+(E[A-Z0-9]+)\\s+(\\d+)\\b", Pattern.MULTILINE);
        for (Path p : new Path[] {base, more}) {
            Matcher mt = define.matcher(Files.readString(p));
            while (mt.find()) {
                header.put(mt.group(1), Integer.parseInt(mt.group(2)));
            }
        }
        for (Map.Entry<String, Integer> e : constants().entrySet()) {
            assertThat(header).as("%s in the kernel headers", e.getKey()).containsEntry(e.getKey(), e.getValue());
        }
    }

    @Test
    void describeReadsLikeStrerror() {
        assertThat(Errno.describe(Errno.EINVAL)).isEqualTo("EINVAL (Invalid argument)");
        assertThat(Errno.describe(-Errno.ENOENT)).isEqualTo("ENOENT (No such file or directory)");
        assertThat(Errno.describe(Errno.EAGAIN)).isEqualTo("EAGAIN (Resource temporarily unavailable)");
        assertThat(Errno.describe(Errno.ECANCELED)).isEqualTo("ECANCELED (Operation canceled)");
    }

    @Test
    void unknownNumbersStillRead() {
        assertThat(Errno.name(999)).isEqualTo("E999");
        assertThat(Errno.description(-999)).isEqualTo("Unknown error 999");
    }

    @Test
    void errnoExceptionKeepsAPositiveErrno() {
        ErrnoException e = new ErrnoException(-Errno.ENOSPC, "write: ENOSPC");
        assertThat(e.errno()).isEqualTo(Errno.ENOSPC);
        assertThat(e).isInstanceOf(IOException.class).hasMessage("write: ENOSPC");
    }
}
