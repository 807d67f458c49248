package dev.consentry.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local run sends no e-mail: dsr-service's mock mailer writes each message to its log. This follows that log and
 * prints every one-time code to the launcher's terminal, so the person trying the platform sees it where they look.
 */
final class MailEcho implements Runnable {

    private static final Pattern RECIPIENT = Pattern.compile("Sending email .* to \\[([^\\]]*)]");
    private static final Pattern CODE = Pattern.compile("^\\s+(\\d{6})\\s*$");

    private final Path log;
    private volatile boolean running = true;

    private MailEcho(Path log) {
        this.log = log;
    }

    static MailEcho follow(Path log) {
        MailEcho echo = new MailEcho(log);
        Thread thread = new Thread(echo, "mail-echo");
        thread.setDaemon(true);
        thread.start();
        return echo;
    }

    /** The last one-time code written to {@code log} for {@code email}, if any. */
    static java.util.Optional<String> lastCode(Path log, String email) throws IOException {
        MailLines mails = new MailLines();
        String last = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] mailed = mails.read(line);
            if (mailed != null && mailed[0].equals(email)) {
                last = mailed[1];
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    /** Reads the mock mailer's log lines: a "Sending email … to [address]" line, then the code on a line of its own. */
    private static final class MailLines {
        private String to;

        /** {address, code} when {@code line} completes a mailed code; null otherwise. */
        String[] read(String line) {
            Matcher recipient = RECIPIENT.matcher(line);
            if (recipient.find()) {
                to = recipient.group(1);
                return null;
            }
            Matcher code = CODE.matcher(line);
            if (to != null && code.find()) {
                String[] mailed = {to, code.group(1)};
                to = null;
                return mailed;
            }
            return null;
        }
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            MailLines mails = new MailLines();
            while (running) {
                String line = reader.readLine();
                if (line == null) {
                    Thread.sleep(300);
                    continue;
                }
                String[] mailed = mails.read(line);
                if (mailed != null) {
                    Console.say("[mail] one-time code for %s: %s", mailed[0], mailed[1]);
                }
            }
        } catch (IOException e) {
            Console.say("[mail] cannot follow %s (%s); codes are in that log", log, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
