package io.aio4j.bench.run;

import io.aio4j.bench.options.JobSpec;
import java.lang.foreign.MemorySegment;

/**
 * A job's crc32c verification (fio's verify=crc32c), for the {@link JobRunner}: writes carry the
 * verify pattern with a stamp from the {@link BlockLedger}; reads are checked when they complete.
 *
 * <ul>
 *   <li>A job that only reads checks every block's header and crc (its content came from another
 *       job), as fio's read+verify job does.
 *   <li>A job that writes logs every write in the ledger and, after the I/O phase, reads back every
 *       block it wrote and checks it against the last acknowledged write (fio's verify phase, its
 *       numberio check included); {@code do_verify=0} skips that phase.
 *   <li>Beyond fio, which leaves the reads of a mixed job unchecked: a read during the I/O phase is
 *       checked whenever its block's content is known (the layout's pattern, see
 *       {@link FilePrep#laysOutVerifyPattern}, or a completed write of this job). No read or write
 *       is issued while another I/O to its block is in flight ({@link #guard}).
 * </ul>
 *
 * A failed check counts in {@code verify_failures} and ends the job with EILSEQ, as fio does.
 * Allocates nothing per I/O (only a failure's message). Job thread only.
 */
final class Verifier {
    private static final int EILSEQ = 84; // the errno fio reports for a verify failure

    private final JobResult result;
    private final MemorySegment[] buffers;
    private final int blockSize;
    /** The job's offset: the ledger's block 0 starts there. */
    private final long base;
    private final VerifyPattern pattern;
    /** Null for a job that only reads. */
    private final BlockLedger ledger;
    private boolean verifyPhase;

    /**
     * A verifier for {@code spec} over {@code blocks} blocks, from the job's offset on.
     *
     * @throws IllegalArgumentException if the job writes and its file has more blocks than a ledger holds
     */
    Verifier(JobSpec spec, MemorySegment[] buffers, JobResult result, long blocks) {
        this.result = result;
        this.buffers = buffers;
        this.blockSize = spec.blockSize();
        this.base = spec.offset();
        this.pattern = new VerifyPattern(buffers);
        this.ledger = spec.workload().writes()
                ? new BlockLedger(blocks, FilePrep.laysOutVerifyPattern(spec), runId(spec)) : null;
    }

    private static long runId(JobSpec spec) {
        long x = System.nanoTime() * 0x9E3779B97F4A7C15L + spec.jobNumber();
        return ((x ^ (x >>> 29)) & Integer.MAX_VALUE) | 1;
    }

    /** The job's I/O, held back where it would overlap an I/O in flight to the same block (see {@link NoOverlapSource}). */
    IoSource guard(IoSource plan) {
        return ledger == null ? plan : new NoOverlapSource(plan, ledger, blockSize, base);
    }

    /** Called as the read of {@code offset} is prepared. */
    void beforeRead(long offset) {
        if (ledger != null) {
            ledger.startRead(block(offset));
        }
    }

    /** Called as the write of {@code offset} from slot {@code slot} is prepared: fills its buffer. */
    void beforeWrite(int slot, long offset) {
        long stamp = ledger == null ? 0 : ledger.startWrite(block(offset));
        pattern.fill(slot, buffers[slot], offset, blockSize, stamp);
    }

    /** Called when a read or write completes with {@code res} (bytes, or -errno): updates the ledger, checks a read. */
    void completed(int slot, int op, long offset, long res) {
        if (op == IoSource.WRITE) {
            if (ledger != null) {
                ledger.finishWrite(block(offset), res == blockSize);
            }
            return;
        }
        long stamp = ledger == null ? BlockLedger.UNKNOWN : ledger.finishRead(block(offset));
        if (res < 0 || ledger != null && stamp == BlockLedger.UNKNOWN) {
            return; // an I/O error is the runner's to report; a block of unknown content cannot be checked
        }
        String bad = res < blockSize ? "verify: short read at offset " + offset + " (" + res + " bytes)"
                : ledger == null ? pattern.check(slot, buffers[slot], offset, blockSize)
                : pattern.check(slot, buffers[slot], offset, blockSize, stamp);
        if (verifyPhase) {
            result.verifiedAfterIo++;
        } else {
            result.verifiedDuringIo++;
        }
        if (bad != null) {
            result.verifyFailures++;
            result.fail(EILSEQ, bad);
        }
    }

    /** The verify phase's reads (every block the job wrote), or null if the job wrote nothing to log. */
    IoSource verifyPhase() {
        verifyPhase = true;
        return ledger == null ? null : new VerifyPlan(ledger, blockSize, base);
    }

    private int block(long offset) {
        return (int) ((offset - base) / blockSize);
    }
}
