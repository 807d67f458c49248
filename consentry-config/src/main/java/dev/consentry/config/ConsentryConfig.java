package dev.consentry.config;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code consentry-config}: a shop's configuration as code. {@code export} writes what the shop has to YAML, {@code plan}
 * shows what applying a file would change, {@code apply} makes those changes through the services' APIs and is
 * idempotent (a second apply changes nothing). The token is a privacy officer's (role dpo) of the shop.
 */
@Command(name = "consentry-config", mixinStandardHelpOptions = true, version = "consentry-config 0.1.0",
        subcommands = {ConsentryConfig.Export.class, ConsentryConfig.Plan.class, ConsentryConfig.Apply.class},
        description = "A shop's purposes, notices, recipients, legal holds, settings and retention rules as one YAML file.")
public final class ConsentryConfig implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command: the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the services are and who calls them. */
    static class Connection {
        @Option(names = "--consent-url", required = true, defaultValue = "${env:CONSENT}", description = "consent-service, e.g. https://consent.example (env CONSENT)")
        URI consent;

        @Option(names = "--dsr-url", required = true, defaultValue = "${env:DSR}", description = "dsr-service (env DSR)")
        URI dsr;

        @Option(names = "--token", required = true, defaultValue = "${env:DPO_TOKEN}", description = "a privacy officer's access token of the shop (env DPO_TOKEN)")
        String token;

        ShopApi api() {
            return new ShopApi(consent, dsr, token);
        }
    }

    @Command(name = "export", description = "Write the shop's configuration as YAML (to the file, or standard output).")
    static final class Export implements Callable<Integer> {
        @CommandLine.Mixin
        Connection connection;

        @Option(names = {"-o", "--output"}, description = "the file to write")
        Path output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String yaml = ShopConfiguration.export(connection.api()).toYaml();
            if (output == null) {
                spec.commandLine().getOut().print(yaml);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(output, yaml, StandardCharsets.UTF_8);
            }
            return 0;
        }
    }

    /** The file to plan or apply, and whether items only in the shop go. */
    static class FileOptions {
        @Option(names = {"-f", "--file"}, required = true)
        Path file;

        @Option(names = "--prune", description = "remove what the shop has and the file does not, where the API allows")
        boolean prune;

        List<Change> plan(ShopApi api) throws java.io.IOException {
            return ShopConfiguration.parse(Files.readString(file)).plan(api, prune);
        }
    }

    /** What plan and apply both take: the services, the file, the output. */
    abstract static class FileCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Connection connection;

        @CommandLine.Mixin
        FileOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
    }

    @Command(name = "plan", description = "Show what applying the file would change; exit 2 if something cannot be applied.")
    static final class Plan extends FileCommand {
        @Override
        public Integer call() throws Exception {
            return report(spec.commandLine().getOut(), options.plan(connection.api()));
        }
    }

    @Command(name = "apply", description = "Make the shop's configuration what the file says; nothing is changed if "
            + "the plan holds a difference that cannot be applied.")
    static final class Apply extends FileCommand {
        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<Change> changes = options.plan(connection.api());
            int status = report(out, changes);
            if (status != 0) {
                out.println("Nothing applied.");
                out.flush();
                return status;
            }
            changes.stream().filter(Change::applies).forEach(change -> change.action().run());
            out.println("Applied " + changes.stream().filter(Change::applies).count() + " change(s).");
            out.flush();
            return 0;
        }
    }

    /** Prints the plan; 2 if it holds a difference that cannot be applied, else 0. */
    static int report(PrintWriter out, List<Change> changes) {
        long unchanged = changes.stream().filter(c -> c.symbol() == '=').count();
        changes.stream().filter(c -> c.symbol() != '=').forEach(out::println);
        long toApply = changes.stream().filter(Change::applies).count();
        out.println(toApply + " to apply, " + unchanged + " unchanged.");
        out.flush();
        return changes.stream().anyMatch(c -> c.symbol() == '!') ? 2 : 0;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; the exit status (0 done, 1 an error, 2 a plan that cannot be applied). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ConsentryConfig());
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("consentry-config: " + e.getMessage());
            commandLine.getErr().flush();
            return 1;
        });
        return cli.execute(args);
    }

    private ConsentryConfig() {
    }
}
