package org.christchurchcall.hashmatch.index;

/**
 * Receives search hits as they are found, in no particular order, each id at most once per
 * search. Lets a caller filter or count without allocating a result list.
 */
@FunctionalInterface
public interface MatchCollector {
    void accept(long id, int distance);
}
