package io.aio4j.bench.options;

/** fio's {@code rw=}: which directions a job does, and whether its offsets are random. */
public enum Workload {
    READ(true, false, false),
    WRITE(false, true, false),
    RANDREAD(true, false, true),
    RANDWRITE(false, true, true),
    RW(true, true, false),
    RANDRW(true, true, true);

    private final boolean reads;
    private final boolean writes;
    private final boolean random;

    Workload(boolean reads, boolean writes, boolean random) {
        this.reads = reads;
        this.writes = writes;
        this.random = random;
    }

    /** fio's spelling ({@code readwrite} is {@code rw}). */
    public static Workload of(String fio) {
        return fio.equals("readwrite") ? RW : valueOf(fio.toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether the job reads. */
    public boolean reads() {
        return reads;
    }

    /** Whether the job writes. */
    public boolean writes() {
        return writes;
    }

    /** Whether offsets are random (else sequential). */
    public boolean random() {
        return random;
    }

    /** fio's spelling. */
    public String fioName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
