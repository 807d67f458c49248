package dev.consentry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of one benchmark command: written as JSON (for tools) and Markdown (for people). */
public record Report(Map<String, String> machine, Instant started, BenchmarkMain.Options options, List<Result> results,
                     String baselineTool) {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        MAPPER.writeValue(dir.resolve("latest.json").toFile(), this);
        Files.writeString(dir.resolve("latest.md"), markdown());
    }

    static Report read(Path json) throws IOException {
        return MAPPER.readValue(json.toFile(), Report.class);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## Consentry benchmark, ").append(started).append("\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("- baseline: ").append(baselineTool).append(", same PostgreSQL server, 16 clients\n");
        md.append("- runs per workload: ").append(options.runs()).append(" of ").append(options.seconds())
                .append(" s; figures are medians\n\n");
        md.append("| workload | metric | target | baseline | result | ratio | verdict |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append("| ").append(r.workload()).append(" | ").append(r.metric()).append(" | ").append(r.target())
                    .append(" | ").append(number(r.baseline())).append(" | ")
                    .append(r.value() == null ? "—" : number(r.value()) + " " + r.unit())
                    .append(" | ").append(r.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f", r.ratio()))
                    .append(" | ").append(r.verdict()).append(r.note() == null ? "" : " (" + r.note() + ")").append(" |\n");
        }
        return md.toString();
    }

    private static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "—";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
