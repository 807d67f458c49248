package dev.consentry.conformance;

import java.util.ArrayList;
import java.util.List;

/** What the kit found: one line per check, passed or failed with what was wrong. */
public final class Report {

    /** One check's result; {@code detail} says what was seen. */
    public record Finding(String check, boolean passed, String detail) {
    }

    private final List<Finding> findings = new ArrayList<>();

    void pass(String check, String detail) {
        findings.add(new Finding(check, true, detail));
    }

    void fail(String check, String detail) {
        findings.add(new Finding(check, false, detail));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public boolean passed() {
        return findings.stream().allMatch(Finding::passed);
    }

    /** The failed checks' names, each once. */
    public List<String> failedChecks() {
        return findings.stream().filter(f -> !f.passed()).map(Finding::check).distinct().toList();
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(f.passed() ? "PASS " : "FAIL ").append(f.check()).append(": ").append(f.detail()).append('\n');
        }
        out.append(passed() ? "CONFORMS" : "DOES NOT CONFORM (" + failedChecks().size() + " check(s) failed)").append('\n');
        return out.toString();
    }
}
