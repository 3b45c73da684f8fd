package org.huzhu.payout;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How payments reach the bank ({@code huzhu.payout.*}).
 *
 * @param bank              {@code file}: batch files for the bank's transfer client, its result files
 *                          read back; {@code simulator}: a bank in the app answering every batch at
 *                          once; {@code auto}: the simulator on the embedded demo database, else file
 * @param directory         holds {@code outbox/} (batch files are written there), {@code inbox/} (the
 *                          bank's result files arrive there; read ones move to {@code inbox/read/})
 *                          and, for the simulator, {@code simulator/}
 * @param batchCycle        Quartz-style cron of the batch run; it skips days that are not working days
 * @param resultCycle       cron of looking for the bank's result files between batch runs
 * @param demoBatchCycle    the cycle of both with the simulator, every day: the demo pays within two minutes
 * @param returnedAccounts  account numbers the simulator returns, as a closed account would be, from
 *                          start-up; admins close others at run time ({@link SimulatedBankAccounts})
 */
@ConfigurationProperties("huzhu.payout")
public record PayoutSettings(@DefaultValue("auto") String bank, @DefaultValue("./data/bank") Path directory,
                             @DefaultValue("0 0 16 * * ?") String batchCycle,
                             @DefaultValue("0 */10 * * * ?") String resultCycle,
                             @DefaultValue("0 * * * * ?") String demoBatchCycle,
                             @DefaultValue List<String> returnedAccounts) {

    public Path outbox() {
        return directory.resolve("outbox");
    }

    public Path inbox() {
        return directory.resolve("inbox");
    }
}
