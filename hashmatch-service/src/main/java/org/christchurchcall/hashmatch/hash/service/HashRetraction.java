package org.christchurchcall.hashmatch.hash.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.hashmatch.hash.HashRecord;
import org.christchurchcall.hashmatch.hash.repository.HashRecordRepository;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;

/**
 * A contributor withdraws its own hash, or the secretariat withdraws any: wrongly banked items
 * must be removable at once, without waiting for a dispute.
 */
@ApplicationScoped
public class HashRetraction {

    @Inject
    HashRecordRepository records;

    @Inject
    HashLifecycle lifecycle;

    @Transactional
    public HashRecord retract(UUID id, Caller caller) {
        HashRecord r = records.findByPublicId(id).orElseThrow(() -> ApiException.notFound("hash", id));
        if (!caller.isSecretariat() && !caller.actsFor(r.contributorId)) {
            // members must not learn who contributed a hash, so another member's hash is "not found"
            throw ApiException.notFound("hash", id);
        }
        lifecycle.retract(r);
        return r;
    }
}
