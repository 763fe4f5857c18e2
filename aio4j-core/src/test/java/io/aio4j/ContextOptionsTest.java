package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ContextOptions: every bad value is refused at once, naming itself. No engine needed. */
class ContextOptionsTest {
    @ParameterizedTest
    @ValueSource(ints = {0, -1, 32769, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void entriesOutsideOneTo32768AreRefusedNamingTheValue(int entries) {
        assertThatThrownBy(() -> ContextOptions.defaults().validate(entries))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entries=" + entries);
        assertThatThrownBy(() -> IoContext.open(entries, ContextOptions.of(Engine.PORTABLE)))
                .as("IoContext.open validates before it looks for an engine")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entries=" + entries);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 4096, ContextOptions.MAX_ENTRIES})
    void entriesInRangeAreAccepted(int entries) {
        ContextOptions.defaults().validate(entries);
    }

    @Test
    void sqThreadWithSqWorkqueueIsRefused() {
        assertThatThrownBy(() -> ContextOptions.of(Engine.PORTABLE, SetupFlag.SQ_THREAD, SetupFlag.SQ_WORKQUEUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SQ_THREAD")
                .hasMessageContaining("SQ_WORKQUEUE");
        assertThatThrownBy(() -> ContextOptions.builder().flag(SetupFlag.SQ_WORKQUEUE).flag(SetupFlag.SQ_THREAD).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void singleIssuerWithSqThreadIsRefused() {
        assertThatThrownBy(() -> ContextOptions.of(Engine.AUTO, SetupFlag.SINGLE_ISSUER, SetupFlag.SQ_THREAD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SINGLE_ISSUER");
    }

    @Test
    void cqEntriesSmallerThanEntriesIsRefused() {
        ContextOptions o = ContextOptions.builder().cqEntries(64).build();
        o.validate(64);
        o.validate(1);
        assertThatThrownBy(() -> o.validate(65)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cqEntries=64").hasMessageContaining("entries=65");
        ContextOptions.builder().cqEntries(0).build().validate(ContextOptions.MAX_ENTRIES);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, ContextOptions.MAX_CQ_ENTRIES + 1})
    void cqEntriesOutOfRangeIsRefused(int cq) {
        assertThatThrownBy(() -> ContextOptions.builder().cqEntries(cq)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cqEntries=" + cq);
    }

    @Test
    void otherBuilderValuesAreCheckedByTheirSetters() {
        ContextOptions.Builder b = ContextOptions.builder();
        assertThatThrownBy(() -> b.sqThreadIdleMillis(0)).hasMessageContaining("sqThreadIdleMillis=0");
        assertThatThrownBy(() -> b.sqThreadIdleMillis(60_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.workers(-1)).hasMessageContaining("workers=-1");
        assertThatThrownBy(() -> b.workers(1025)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.engine(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.flags((SetupFlag[]) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.flag(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.flags(SetupFlag.IOPOLL, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsAreAutoWithNoFlags() {
        ContextOptions d = ContextOptions.defaults();
        assertThat(d.engine()).isEqualTo(Engine.AUTO);
        assertThat(d.flags()).isEmpty();
        assertThat(d.cqEntries()).isZero();
        assertThat(d.workers()).isZero();
        assertThat(d.sqThreadIdleMillis()).isEqualTo(1000);
    }

    @Test
    void toBuilderKeepsEveryValueAndTheOriginalStaysImmutable() {
        ContextOptions o = ContextOptions.builder().engine(Engine.PORTABLE).flags(SetupFlag.SQ_WORKQUEUE, SetupFlag.FIXED_BUFFERS)
                .cqEntries(256).sqThreadIdleMillis(5).workers(3).build();
        ContextOptions copy = o.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(o.toString());
        assertThat(copy.has(SetupFlag.FIXED_BUFFERS)).isTrue();
        ContextOptions more = o.toBuilder().flag(SetupFlag.IOPOLL).build();
        assertThat(more.has(SetupFlag.IOPOLL)).isTrue();
        assertThat(o.has(SetupFlag.IOPOLL)).isFalse();
        assertThatThrownBy(() -> o.flags().add(SetupFlag.IOPOLL)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void flagsReplacesWhileFlagAdds() {
        ContextOptions o = ContextOptions.builder().flag(SetupFlag.IOPOLL).flags(SetupFlag.SQ_THREAD).build();
        assertThat(o.flags()).containsExactly(SetupFlag.SQ_THREAD);
    }
}
