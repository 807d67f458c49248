package dev.consentry.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness runs end to end in its shortest form and its own output reads back. No timing is asserted. */
class BenchmarkSmokeTest {

    @Test
    void theHarnessRunsAndItsResultsParse() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        // ports below the kernel's ephemeral range (32768+), where no outgoing connection can hold one of them
        // one service restarted alone is enough to run that stage (the same loop serves all three in a real run)
        // and with the JVM settings of the chart's one-CPU pod (--service-java-options), which reach the services
        BenchmarkMain.Options quick = new BenchmarkMain.Options(1, 1, 1, 19081, Path.of("bench/target/smoke"), 100, 50,
                500, List.of("consent-service"), "-XX:ActiveProcessorCount=1 -XX:+UseSerialGC");
        Report report = BenchmarkMain.run(quick, root);

        Report read = Report.read(root.resolve("bench/target/smoke/latest.json"));
        assertEquals(report.results().size(), read.results().size());
        assertTrue(read.results().stream().anyMatch(r -> r.metric().endsWith("idle RSS after a start alone")
                && r.note().contains("UseSerialGC")), "the services' JVM settings are reported");
        assertTrue(java.nio.file.Files.readString(root.resolve("bench/target/platform/logs/consent-service.log"))
                .contains("Picked up JDK_JAVA_OPTIONS: -XX:ActiveProcessorCount=1"), "and reach the services");
        assertTrue(read.results().stream().anyMatch(r -> r.workload().startsWith("decision lookups")
                && "requests/s".equals(r.metric()) && r.value() != null && r.value() > 0), "lookups were measured");
        assertTrue(read.results().stream().anyMatch(r -> r.workload().startsWith("consent writes")
                && r.value() != null && r.value() > 0), "writes were measured");
        assertTrue(read.results().stream().anyMatch(r -> r.metric().equals("deny right after a withdrawal returns")
                && Double.valueOf(0).equals(r.value())), "no withdrawal was followed by an allow");
        assertTrue(read.results().stream().anyMatch(r -> r.metric().equals("deny on the other replica right after a withdrawal returns")
                && Double.valueOf(0).equals(r.value())), "no withdrawal was followed by an allow on the other replica");
        assertTrue(read.results().stream().anyMatch(r -> r.metric().equals("two replicas vs one")
                && r.value() != null && r.value() > 0), "lookups over two replicas were measured");
        assertTrue(read.results().stream().anyMatch(r -> r.workload().equals("correction fan-out")
                && r.value() != null && r.value() > 0), "every partner's correction notice arrived");
        assertTrue(read.results().stream().anyMatch(r -> r.metric().equals("full verification")
                && r.note() != null && !r.note().contains("NOT VALID")), "the audit log verified after the load");
        assertTrue(read.results().stream().anyMatch(r -> r.workload().equals("retention schedule")
                && r.note() != null && !r.note().contains("NaN steps")), "the schedule's dry run answered");
        assertTrue(read.results().stream().anyMatch(r -> r.metric().equals("consent-service ready after a start alone")
                && r.value() != null && r.value() > 0), "the service restarted alone became ready");
        assertFalse(report.markdown().isBlank());
        assertTrue(report.markdown().contains("| workload | metric | target | baseline | result | ratio | verdict |"));
    }
}
