package org.christchurchcall.hashmatch.hash.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.hashmatch.feed.ChangeKind;
import org.christchurchcall.hashmatch.feed.service.ChangeLog;
import org.christchurchcall.hashmatch.hash.HashRecord;
import org.christchurchcall.hashmatch.hash.HashStatus;
import org.christchurchcall.platform.problem.ApiException;

/**
 * Every change of a stored record after its creation goes through here, so that each one lands
 * in the change log in the same transaction.
 */
@ApplicationScoped
public class HashLifecycle {

    @Inject
    ChangeLog changeLog;

    @Transactional(Transactional.TxType.MANDATORY)
    public void dispute(HashRecord r) {
        requireNotRetracted(r);
        if (r.status == HashStatus.DISPUTED) {
            return;
        }
        r.status = HashStatus.DISPUTED;
        touchAndLog(r, ChangeKind.STATUS_CHANGED);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reinstate(HashRecord r) {
        requireNotRetracted(r);
        if (r.status == HashStatus.ACTIVE) {
            return;
        }
        r.status = HashStatus.ACTIVE;
        touchAndLog(r, ChangeKind.STATUS_CHANGED);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void relabel(HashRecord r, List<String> labels) {
        requireNotRetracted(r);
        r.labels = new ArrayList<>(new TreeSet<>(labels));
        r.status = HashStatus.ACTIVE;
        touchAndLog(r, ChangeKind.LABELS_CHANGED);
    }

    /** Final: a retracted record never matches again and leaves every member's synced copy. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retract(HashRecord r) {
        requireNotRetracted(r);
        r.status = HashStatus.RETRACTED;
        touchAndLog(r, ChangeKind.RETRACTED);
    }

    private void touchAndLog(HashRecord r, ChangeKind kind) {
        r.updatedAt = Instant.now();
        changeLog.append(List.of(r.seqId), kind);
    }

    private static void requireNotRetracted(HashRecord r) {
        if (r.status == HashStatus.RETRACTED) {
            throw ApiException.invalidState("hash " + r.id + " is retracted");
        }
    }
}
