package org.christchurchcall.hashmatch.hash.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.hashmatch.feed.ChangeKind;
import org.christchurchcall.hashmatch.feed.service.ChangeLog;
import org.christchurchcall.hashmatch.hash.HashRecord;
import org.christchurchcall.hashmatch.hash.HashStatus;
import org.christchurchcall.hashmatch.hash.HashType;
import org.christchurchcall.hashmatch.hash.repository.HashRecordRepository;
import org.christchurchcall.hashmatch.hash.repository.VideoFrameStore;
import org.christchurchcall.hashmatch.hash.service.SubmissionRules.Accepted;
import org.christchurchcall.hashmatch.hash.service.SubmissionRules.Rejection;
import org.christchurchcall.hashmatch.hash.service.SubmissionRules.Verdict;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.problem.ProblemType;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Stores shared hashes. A submission is idempotent per (type, value, contributor): sending a
 * hash again returns the record it created the first time, unchanged.
 */
@ApplicationScoped
public class HashSubmissionService {

    /** Who submits: the supporter the caller acts for and its type (kept for aggregates). */
    public record Contributor(UUID supporterId, String supporterType) {
    }

    public enum ItemResult {
        CREATED("created"), EXISTING("existing"), REJECTED("rejected");

        private final String code;

        ItemResult(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return code;
        }
    }

    /** What happened to one item; {@code record} is null when it was rejected. */
    public record ItemOutcome(int index, ItemResult result, HashRecord record, String reason) {
    }

    @Inject
    SubmissionRules rules;

    @Inject
    HashRecordRepository records;

    @Inject
    VideoFrameStore frameStore;

    @Inject
    ChangeLog changeLog;

    /** One hash: the record, new or existing; a refused hash is a 400 or 422 problem. */
    @Transactional
    public ItemOutcome submit(Contributor contributor, HashSubmission submission) {
        Verdict verdict = rules.check(submission);
        if (verdict instanceof Rejection r) {
            throw new ApiException(r.unprocessable() ? ProblemType.UNPROCESSABLE : ProblemType.VALIDATION,
                    r.reason(), List.of(new Problem.FieldError(r.field(), r.message())));
        }
        return store(contributor, List.of(verdict)).get(0);
    }

    /** Many hashes: each item is created, found existing, or rejected with its reason. */
    @Transactional
    public List<ItemOutcome> submitAll(Contributor contributor, List<HashSubmission> submissions) {
        List<Verdict> verdicts = new ArrayList<>(submissions.size());
        for (HashSubmission s : submissions) {
            verdicts.add(rules.check(s));
        }
        return store(contributor, verdicts);
    }

    private List<ItemOutcome> store(Contributor contributor, List<Verdict> verdicts) {
        Map<HashType, List<String>> valuesByType = new EnumMap<>(HashType.class);
        for (Verdict v : verdicts) {
            if (v instanceof Accepted a) {
                valuesByType.computeIfAbsent(a.type(), t -> new ArrayList<>()).add(a.value());
            }
        }
        Map<String, HashRecord> known = new HashMap<>();
        valuesByType.forEach((type, values) -> records.findSubmitted(contributor.supporterId(), type, values)
                .forEach(r -> known.put(key(r.type, r.value), r)));

        Instant now = Instant.now();
        List<ItemOutcome> outcomes = new ArrayList<>(verdicts.size());
        List<HashRecord> created = new ArrayList<>();
        List<List<VpdqFrame>> createdFrames = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            if (v instanceof Rejection r) {
                outcomes.add(new ItemOutcome(i, ItemResult.REJECTED, null, r.reason()));
                continue;
            }
            Accepted a = (Accepted) v;
            HashRecord existing = known.get(key(a.type(), a.value()));
            if (existing != null) {
                outcomes.add(new ItemOutcome(i, ItemResult.EXISTING, existing, null));
                continue;
            }
            HashRecord r = newRecord(contributor, a, now);
            created.add(r);
            createdFrames.add(a.frames());
            known.put(key(r.type, r.value), r);
            outcomes.add(new ItemOutcome(i, ItemResult.CREATED, r, null));
        }
        if (!created.isEmpty()) {
            records.persist(created);
            try {
                records.flush();
                Map<Long, List<VpdqFrame>> frames = new LinkedHashMap<>();
                for (int i = 0; i < created.size(); i++) {
                    if (createdFrames.get(i) != null) {
                        frames.put(created.get(i).seqId, createdFrames.get(i));
                    }
                }
                frameStore.insert(frames);
                changeLog.append(created.stream().map(r -> r.seqId).toList(), ChangeKind.ADDED);
            } catch (ConstraintViolationException e) {
                // the unique (type, value, contributor) constraint: the same hash sent twice at once
                throw ApiException.conflict("the same hash is being submitted concurrently; send it again to get "
                        + "the stored record");
            }
        }
        return outcomes;
    }

    private static HashRecord newRecord(Contributor contributor, Accepted a, Instant now) {
        HashRecord r = new HashRecord();
        r.id = UUID.randomUUID();
        r.type = a.type();
        r.value = a.value();
        r.quality = a.quality();
        if (a.frames() != null) {
            r.frameCount = a.frames().size();
            r.duration = a.frames().get(a.frames().size() - 1).timestamp();
        }
        r.labels = new ArrayList<>(a.labels());
        r.contributorId = contributor.supporterId();
        r.contributorType = contributor.supporterType();
        r.incidentId = a.source().incidentId();
        r.confidence = a.source().confidence();
        r.status = HashStatus.ACTIVE;
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    private static String key(HashType type, String value) {
        return type.code() + ':' + value;
    }
}
