package dev.consentry.audit.service;

import java.util.List;

/** One page of entries in log order; {@code hasMore} tells whether page + 1 has any. */
public record TimelinePage(List<EntryView> entries, int page, int size, boolean hasMore) {
}
