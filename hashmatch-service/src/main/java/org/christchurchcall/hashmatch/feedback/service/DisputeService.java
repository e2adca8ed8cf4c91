package org.christchurchcall.hashmatch.feedback.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.christchurchcall.hashmatch.feedback.Dispute;
import org.christchurchcall.hashmatch.hash.HashRecord;
import org.christchurchcall.hashmatch.hash.HashStatus;
import org.christchurchcall.hashmatch.hash.service.HashLifecycle;
import org.christchurchcall.hashmatch.label.LabelTaxonomy;
import org.christchurchcall.platform.problem.ApiException;

import io.quarkus.panache.common.Sort;

/** The secretariat's side of disputes: list them and resolve each by keeping, relabelling or retracting. */
@ApplicationScoped
public class DisputeService {

    public static final Set<String> OUTCOMES = Set.of("keep", "relabel", "retract");

    /** A resolution: the dispute's current version guards against two people resolving it at once. */
    public record Resolution(
            @Schema(enumeration = { "keep", "relabel", "retract" }, required = true, example = "relabel") String outcome,
            @Schema(description = "relabel only: the record's new label codes",
                    example = "[\"glorification-of-terrorist-acts\", \"video\"]") List<String> labels,
            @Schema(example = "Re-labelled after review with the contributor") String comment,
            @Schema(description = "the dispute's current version", required = true, example = "1") Long version) {
    }

    @Inject
    HashLifecycle lifecycle;

    @Inject
    LabelTaxonomy taxonomy;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Dispute get(UUID id) {
        Dispute d = Dispute.findById(id);
        if (d == null) {
            throw ApiException.notFound("dispute", id);
        }
        return d;
    }

    /** Disputes in opening order after (openedAt, id), optionally of one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Dispute> page(String status, Instant afterOpenedAt, UUID afterId, int rows) {
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            params.add(status);
            q.append(" and status = ?").append(params.size());
        }
        if (afterOpenedAt != null) {
            params.add(afterOpenedAt);
            int a = params.size();
            params.add(afterId);
            q.append(" and (openedAt > ?").append(a).append(" or (openedAt = ?").append(a).append(" and id > ?")
                    .append(a + 1).append("))");
        }
        return Dispute.<Dispute> find(q.toString(), Sort.by("openedAt").and("id"), params.toArray()).page(0, rows)
                .list();
    }

    @Transactional
    public Dispute resolve(UUID id, Resolution r, String resolvedBy) {
        if (r == null) {
            throw ApiException.badRequest("a resolution body is required");
        }
        if (r.outcome() == null || !OUTCOMES.contains(r.outcome())) {
            throw ApiException.invalidField("outcome", "must be keep, relabel or retract");
        }
        if (r.version() == null) {
            throw ApiException.invalidField("version", "is required (the dispute's current version)");
        }
        if ("relabel".equals(r.outcome())) {
            if (r.labels() == null || r.labels().isEmpty()) {
                throw ApiException.invalidField("labels", "a relabel needs the new labels");
            }
            List<String> unknown = taxonomy.unknown(r.labels());
            if (!unknown.isEmpty()) {
                throw ApiException.invalidField("labels", "not in the taxonomy: " + String.join(", ", unknown));
            }
        } else if (r.labels() != null) {
            throw ApiException.invalidField("labels", "only a relabel carries labels");
        }
        if (r.comment() != null && r.comment().length() > 2000) {
            throw ApiException.invalidField("comment", "at most 2000 characters");
        }
        Dispute d = Dispute.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ApiException.notFound("dispute", id);
        }
        if (d.version != r.version()) {
            throw ApiException.staleVersion(r.version(), d.version);
        }
        if (!Dispute.OPEN.equals(d.status)) {
            throw ApiException.invalidState("dispute " + id + " is already resolved");
        }
        HashRecord hash = d.hash;
        boolean retracted = hash.status == HashStatus.RETRACTED;
        // the dispute is updated before the record so that everything is flushed before the change
        // log takes its lock (see ChangeLog)
        d.status = Dispute.RESOLVED;
        d.outcome = r.outcome();
        d.resolutionComment = r.comment();
        d.resolvedBy = resolvedBy;
        d.resolvedAt = Instant.now();
        switch (r.outcome()) {
            case "keep" -> {
                requireLive(hash, retracted);
                lifecycle.reinstate(hash);
            }
            case "relabel" -> {
                requireLive(hash, retracted);
                d.newLabels = new ArrayList<>(new TreeSet<>(r.labels()));
                lifecycle.relabel(hash, d.newLabels);
            }
            default -> {
                // a contributor may have withdrawn the hash while the dispute was open: then only close it
                if (!retracted) {
                    lifecycle.retract(hash);
                }
            }
        }
        return d;
    }

    private static void requireLive(HashRecord hash, boolean retracted) {
        if (retracted) {
            throw ApiException.invalidState("hash " + hash.id + " was retracted meanwhile; only retract closes this dispute");
        }
    }
}
