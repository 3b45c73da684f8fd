package org.huzhu.payout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bank for the demo and the tests: it takes each batch file once (by its name, as a bank
 * by batch number), pays every line at once except to the accounts configured as returned,
 * and drops its result file into the inbox, where the file bank reads it.
 */
public class SimulatedBank implements Bank {

    private final FileBank files;
    private final Path inbox;
    private final Path received;
    private final Set<String> returnedAccounts;
    private final AtomicBoolean dropNextAnswer = new AtomicBoolean();

    SimulatedBank(Path inbox, Path bankDirectory, List<String> returnedAccounts) {
        this.files = new FileBank(inbox);
        this.inbox = inbox;
        this.received = bankDirectory.resolve("received");
        this.returnedAccounts = Set.copyOf(returnedAccounts);
    }

    /** The next upload reaches the bank but the connection drops before Huzhu hears back. */
    public void dropConnectionAfterNextUpload() {
        dropNextAnswer.set(true);
    }

    @Override
    public void send(Path batchFile) {
        try {
            Path copy = Files.createDirectories(received).resolve(batchFile.getFileName());
            if (!Files.exists(copy)) {
                Files.copy(batchFile, copy);
                answer(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (dropNextAnswer.getAndSet(false)) {
            throw new UncheckedIOException(new IOException("模拟银行：批次已上传，连接中断"));
        }
    }

    private void answer(Path batch) throws IOException {
        StringBuilder result = new StringBuilder();
        String batchNo = null;
        for (String line : Files.readAllLines(batch, StandardCharsets.UTF_8)) {
            List<String> f = Csv.fields(line);
            if (f.get(0).equals("H")) {
                batchNo = f.get(1);
            } else if (f.get(0).equals("D")) {
                boolean returned = returnedAccounts.contains(f.get(2));
                result.append(Csv.line("R", batchNo, f.get(1), f.get(5), returned ? "RETURNED" : "CONFIRMED",
                        returned ? "账户已销户" : ""));
            }
        }
        Files.createDirectories(inbox);
        Path temporary = inbox.resolve(batchNo + "-result.tmp");
        Files.writeString(temporary, result.toString(), StandardCharsets.UTF_8);
        Files.move(temporary, inbox.resolve(batchNo + "-result.csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public List<Path> results() {
        return files.results();
    }

    @Override
    public void read(Path resultFile) {
        files.read(resultFile);
    }

    @Override
    public boolean simulated() {
        return true;
    }
}
