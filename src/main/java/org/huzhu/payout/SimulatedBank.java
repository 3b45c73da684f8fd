package org.huzhu.payout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.huzhu.platform.Csv;

/**
 * A bank for the demo and the tests: it takes each batch file once (by its name, as a bank
 * by batch number), pays every line at once except to closed accounts, which it returns, and
 * drops its result file into the inbox, where the file bank reads it. Accounts are closed by
 * the start-up configuration or, at run time, by an admin; the latter are kept in the bank's
 * own directory beside the batches it received, so they outlast a restart and every node that
 * shares the directory sees them.
 */
public class SimulatedBank implements Bank {

    /** Who closed an account: the start-up configuration ({@code huzhu.payout.returned-accounts}) or an admin. */
    public enum ClosedBy { CONFIGURATION, ADMIN }

    private final FileBank files;
    private final Path inbox;
    private final Path received;
    private final Set<String> closedByConfiguration;
    private final Path closedByAdmin;

    SimulatedBank(Path inbox, Path bankDirectory, List<String> returnedAccounts) {
        this.files = new FileBank(inbox);
        this.inbox = inbox;
        this.received = bankDirectory.resolve("received");
        this.closedByConfiguration = Set.copyOf(returnedAccounts);
        this.closedByAdmin = bankDirectory.resolve("closed-accounts.txt");
    }

    /** Why the account is closed, or null when it is open. */
    public synchronized ClosedBy closedBy(String accountNumber) {
        if (closedByConfiguration.contains(accountNumber)) {
            return ClosedBy.CONFIGURATION;
        }
        return closedByAdmin().contains(accountNumber) ? ClosedBy.ADMIN : null;
    }

    /** Every closed account number, in order, with who closed it. */
    public synchronized Map<String, ClosedBy> closedAccounts() {
        Map<String, ClosedBy> closed = new TreeMap<>();
        closedByAdmin().forEach(number -> closed.put(number, ClosedBy.ADMIN));
        closedByConfiguration.forEach(number -> closed.put(number, ClosedBy.CONFIGURATION));
        return closed;
    }

    /** From the next batch on, transfers to the account come back; false when it was closed already. */
    public synchronized boolean close(String accountNumber) {
        Set<String> closed = closedByAdmin();
        if (closedByConfiguration.contains(accountNumber) || !closed.add(accountNumber)) {
            return false;
        }
        writeClosedByAdmin(closed);
        return true;
    }

    /** An account an admin closed takes transfers again; false when it was open. */
    public synchronized boolean reopen(String accountNumber) {
        Set<String> closed = closedByAdmin();
        if (!closed.remove(accountNumber)) {
            return false;
        }
        writeClosedByAdmin(closed);
        return true;
    }

    private Set<String> closedByAdmin() {
        try {
            return Files.exists(closedByAdmin) ? new TreeSet<>(Files.readAllLines(closedByAdmin, StandardCharsets.UTF_8))
                    : new TreeSet<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeClosedByAdmin(Set<String> accountNumbers) {
        try {
            Files.createDirectories(closedByAdmin.getParent());
            Path temporary = closedByAdmin.resolveSibling("closed-accounts.tmp");
            Files.write(temporary, accountNumbers, StandardCharsets.UTF_8);
            Files.move(temporary, closedByAdmin, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
    }

    private void answer(Path batch) throws IOException {
        Set<String> closed = closedAccounts().keySet();
        StringBuilder result = new StringBuilder();
        String batchNo = null;
        for (String line : Files.readAllLines(batch, StandardCharsets.UTF_8)) {
            List<String> f = Csv.fields(line);
            if (f.get(0).equals("H")) {
                batchNo = f.get(1);
            } else if (f.get(0).equals("D")) {
                boolean returned = closed.contains(f.get(2));
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
