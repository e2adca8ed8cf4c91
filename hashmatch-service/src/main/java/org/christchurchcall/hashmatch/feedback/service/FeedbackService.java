package org.christchurchcall.hashmatch.feedback.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.christchurchcall.hashmatch.feedback.Dispute;
import org.christchurchcall.hashmatch.feedback.Feedback;
import org.christchurchcall.hashmatch.hash.HashRecord;
import org.christchurchcall.hashmatch.hash.HashStatus;
import org.christchurchcall.hashmatch.hash.repository.HashRecordRepository;
import org.christchurchcall.hashmatch.hash.service.HashLifecycle;
import org.christchurchcall.platform.problem.ApiException;

/**
 * Members say whether they agree with a record. A disagreement opens a dispute and marks the
 * record disputed, or joins the dispute already open on it.
 */
@ApplicationScoped
public class FeedbackService {

    public static final Set<String> VERDICTS = Set.of("agree", "disagree");
    public static final Set<String> REASONS = Set.of("wrong-label", "not-terrorist-content", "not-in-taxonomy", "other");

    /** Feedback as sent: verdict agree|disagree; a disagreement needs a reason. */
    public record FeedbackRequest(
            @Schema(enumeration = { "agree", "disagree" }, required = true, example = "disagree") String verdict,
            @Schema(description = "required when disagreeing; absent when agreeing", enumeration = { "wrong-label",
                    "not-terrorist-content", "not-in-taxonomy", "other" }, example = "wrong-label") String reason,
            @Schema(example = "The footage is from a news report, not the attacker's stream") String comment) {
    }

    @Inject
    HashRecordRepository records;

    @Inject
    HashLifecycle lifecycle;

    @Transactional
    public Feedback record(UUID hashId, UUID supporterId, String supporterType, FeedbackRequest request) {
        validate(request);
        HashRecord hash = records.findByPublicId(hashId).orElseThrow(() -> ApiException.notFound("hash", hashId));
        // one writer per record at a time, so that two disagreements cannot both open a dispute
        records.getEntityManager().lock(hash, LockModeType.PESSIMISTIC_WRITE);
        if (hash.status == HashStatus.RETRACTED) {
            throw ApiException.invalidState("hash " + hashId + " is retracted");
        }
        if (Feedback.count("hash = ?1 and supporterId = ?2", hash, supporterId) > 0) {
            throw ApiException.conflict("this supporter has already given feedback on hash " + hashId);
        }
        Instant now = Instant.now();
        Feedback f = new Feedback();
        f.id = UUID.randomUUID();
        f.hash = hash;
        f.supporterId = supporterId;
        f.supporterType = supporterType;
        f.verdict = request.verdict();
        f.reason = "disagree".equals(request.verdict()) ? request.reason() : null;
        f.comment = request.comment();
        f.createdAt = now;
        if ("disagree".equals(request.verdict())) {
            Dispute open = Dispute.<Dispute> find("hash = ?1 and status = ?2", hash, Dispute.OPEN).firstResult();
            if (open == null) {
                open = new Dispute();
                open.id = UUID.randomUUID();
                open.hash = hash;
                open.status = Dispute.OPEN;
                open.openedBy = supporterId;
                open.reason = request.reason();
                open.openedAt = now;
                open.persist();
            }
            f.dispute = open;
        }
        // persisted before the record's status change, so that it is flushed before the change
        // log takes its lock (see ChangeLog)
        f.persist();
        if (f.dispute != null) {
            lifecycle.dispute(hash);
        }
        return f;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Feedback get(UUID hashId, UUID feedbackId) {
        Feedback f = Feedback.findById(feedbackId);
        if (f == null || !f.hash.id.equals(hashId)) {
            throw ApiException.notFound("feedback", feedbackId);
        }
        return f;
    }

    private static void validate(FeedbackRequest r) {
        if (r == null) {
            throw ApiException.badRequest("a feedback body is required");
        }
        if (r.verdict() == null || !VERDICTS.contains(r.verdict())) {
            throw ApiException.invalidField("verdict", "must be agree or disagree");
        }
        if ("disagree".equals(r.verdict()) && (r.reason() == null || !REASONS.contains(r.reason()))) {
            throw ApiException.invalidField("reason",
                    "a disagreement needs one of wrong-label, not-terrorist-content, not-in-taxonomy, other");
        }
        if ("agree".equals(r.verdict()) && r.reason() != null) {
            throw ApiException.invalidField("reason", "only a disagreement carries a reason");
        }
        if (r.comment() != null && r.comment().length() > 2000) {
            throw ApiException.invalidField("comment", "at most 2000 characters");
        }
    }
}
