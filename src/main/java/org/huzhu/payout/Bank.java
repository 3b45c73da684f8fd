package org.huzhu.payout;

import java.nio.file.Path;
import java.util.List;

/** The bank as Huzhu sees it: batch files go out, result files come back. */
public interface Bank {

    /**
     * Hands over a batch file already written to the outbox. Handing the same file again does
     * nothing more: a bank refuses a batch number it already has, and so does the simulator.
     */
    void send(Path batchFile);

    /** Result files waiting to be read, in the order they came. */
    List<Path> results();

    /** A result file is read and recorded; it is not offered again. */
    void read(Path resultFile);

    /** True for the simulator: the demo runs batches every minute on every day. */
    boolean simulated();
}
