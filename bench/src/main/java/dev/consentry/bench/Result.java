package dev.consentry.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the results: what was measured, its target, the baseline it is compared with (if any), the median
 * result over the runs, and whether the target was met ({@code null}: no target or not measured).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Result(String workload, String metric, String target, Double baseline, Double value, String unit,
              Double ratio, Boolean pass, String note) {

    String verdict() {
        return pass == null ? "—" : pass ? "pass" : "short";
    }
}
