package org.christchurchcall.protocol.catalogue.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.protocol.catalogue.ProtocolTerm;
import org.christchurchcall.protocol.catalogue.ProtocolVersion;
import org.christchurchcall.protocol.catalogue.TermChoice;
import org.christchurchcall.protocol.catalogue.Vocabulary;
import org.christchurchcall.protocol.catalogue.repository.ProtocolTermRepository;
import org.christchurchcall.protocol.catalogue.repository.ProtocolVersionRepository;

/**
 * Which version of a protocol an activation uses, and which of its levels or activation types a
 * request names. A new activation takes the version in effect; a later change of level or type
 * stays within the version the activation was made under.
 */
@ApplicationScoped
public class ProtocolVersions {

    /** The term an activation is at: its protocol version, vocabulary, code and whether it shares hashes. */
    public record Chosen(String protocol, String version, Vocabulary vocabulary, String code, boolean sharesHashes) {
    }

    @Inject
    ProtocolVersionRepository versions;

    @Inject
    ProtocolTermRepository terms;

    /** For a new activation: the level or type named, in the version in effect now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Chosen forNewActivation(String protocol, String level, String type) {
        ProtocolVersion v = versions.inEffectAt(protocol, Instant.now())
                .orElseThrow(() -> ApiException.invalidState("protocol " + protocol + " has no version in effect yet"));
        return choose(v, level, type);
    }

    /** For an activation made under {@code version}: the level or type named, in that version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Chosen within(String protocol, String version, String level, String type) {
        ProtocolVersion v = versions.find(protocol, version)
                .orElseThrow(() -> new IllegalStateException("activation names a missing version " + protocol + " " + version));
        return choose(v, level, type);
    }

    /** Of versions ordered oldest first, the one in effect at {@code at}, or null. */
    public static ProtocolVersion inEffect(List<ProtocolVersion> oldestFirst, Instant at) {
        ProtocolVersion current = null;
        for (ProtocolVersion v : oldestFirst) {
            if (!v.effectiveFrom.isAfter(at)) {
                current = v;
            }
        }
        return current;
    }

    private Chosen choose(ProtocolVersion v, String level, String type) {
        List<ProtocolTerm> all = terms.of(v.protocolCode, v.code);
        List<String> accepted = all.stream().filter(t -> !t.retired).map(t -> t.code).toList();
        String code;
        try {
            code = TermChoice.choose(v.protocolCode, v.code, v.vocabulary(), accepted, level, type);
        } catch (TermChoice.Refused e) {
            throw ApiException.invalidField(e.field(), e.getMessage());
        }
        ProtocolTerm term = all.stream().filter(t -> t.code.equals(code)).findFirst().orElseThrow();
        return new Chosen(v.protocolCode, v.code, v.vocabulary(), code, term.sharesHashes);
    }
}
