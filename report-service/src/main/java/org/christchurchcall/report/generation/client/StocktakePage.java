package org.christchurchcall.report.generation.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record StocktakePage(List<Stocktake> items, String nextCursor) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stocktake(String id, String name, String status, String openedAt, String closedAt) {
    }
}
