package org.christchurchcall.report.generation.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.report.generation.client.Sources;
import org.christchurchcall.report.generation.client.SourceUnavailableException;
import org.christchurchcall.report.generation.client.StocktakePage;
import org.christchurchcall.report.generation.client.StocktakeSummary;

/**
 * A report's stocktake figures come from the latest stocktake opened before the end of the period:
 * stocktakes are occasional (the Call ran its first in 2021), so a period usually reports the
 * stocktake in force rather than one held within it.
 */
@ApplicationScoped
public class StocktakeSelector {

    /** Stocktakes are few; this bounds the listing should a source page without end. */
    private static final int MAX_PAGES = 50;

    @Inject
    Sources sources;

    public record Selected(String id, String name, StocktakeSummary summary) {
    }

    public Selected latestBefore(Instant end) {
        Optional<StocktakePage.Stocktake> latest = Optional.empty();
        String cursor = null;
        Set<String> seenCursors = new HashSet<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            StocktakePage p = sources.stocktakes(cursor);
            if (p.items() != null) {
                for (StocktakePage.Stocktake s : p.items()) {
                    if (s.openedAt() == null || !Instant.parse(s.openedAt()).isBefore(end)) {
                        continue;
                    }
                    if (latest.isEmpty() || Comparator.comparing(StocktakePage.Stocktake::openedAt,
                            Comparator.comparing(Instant::parse)).compare(s, latest.get()) > 0) {
                        latest = Optional.of(s);
                    }
                }
            }
            cursor = p.nextCursor();
            if (cursor == null || !seenCursors.add(cursor)) {
                break;
            }
        }
        if (latest.isEmpty()) {
            return new Selected(null, null, null);
        }
        StocktakePage.Stocktake chosen = latest.get();
        StocktakeSummary summary = sources.stocktakeSummary(chosen.id());
        if (summary == null) {
            throw new SourceUnavailableException(Sources.SUPPORTER + " gave no summary for stocktake " + chosen.id(), null);
        }
        return new Selected(chosen.id(), chosen.name(), summary);
    }
}
