package dev.consentry.platform.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import java.util.List;

/**
 * S6: every list the API returns is one page of at most {@value #MAX_SIZE} items ({@code ?page=0&size=100} by
 * default); a page shorter than its size is the last. Out-of-range values are a 400 problem naming the parameter.
 */
public class PageParams {

    public static final int MAX_SIZE = 500;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(100_000)
    public int page;

    @QueryParam("size")
    @DefaultValue("100")
    @Min(1)
    @Max(MAX_SIZE)
    public int size;

    /** Index of the first item of the page. */
    public int offset() {
        return page * size;
    }

    /** This page of a list a service keeps whole (a tenant's configuration: purposes, notices, holds). */
    public <T> List<T> of(List<T> all) {
        int from = Math.min(all.size(), offset());
        return all.subList(from, Math.min(all.size(), from + size));
    }
}
