package org.christchurchcall.protocol.catalogue.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.protocol.catalogue.Protocol;
import org.christchurchcall.protocol.catalogue.ProtocolTerm;
import org.christchurchcall.protocol.catalogue.ProtocolVersion;
import org.christchurchcall.protocol.catalogue.Vocabulary;
import org.christchurchcall.protocol.catalogue.repository.ProtocolRepository;
import org.christchurchcall.protocol.catalogue.repository.ProtocolTermRepository;
import org.christchurchcall.protocol.catalogue.repository.ProtocolVersionRepository;
import org.christchurchcall.protocol.catalogue.rest.ProtocolDtos;

/**
 * The secretariat's management of protocols and the terms (levels or activation types) of their
 * current version, and what every caller reads of them.
 */
@ApplicationScoped
public class ProtocolService {

    /** The code of the one version a protocol created through the API starts with. */
    static final String FIRST_VERSION = "1";

    @Inject
    ProtocolRepository protocols;

    @Inject
    ProtocolVersionRepository versions;

    @Inject
    ProtocolTermRepository terms;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Protocol> list(String afterCode, int limitPlusOne) {
        return protocols.after(afterCode, limitPlusOne);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Protocol get(String code) {
        return protocols.findByIdOptional(code).orElseThrow(() -> ApiException.notFound("protocol", code));
    }

    /** A protocol with its current version's terms and the list of its versions. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProtocolDtos.ProtocolView view(Protocol p) {
        Instant now = Instant.now();
        List<ProtocolVersion> all = versions.of(p.code);
        ProtocolVersion current = ProtocolVersions.inEffect(all, now);
        List<ProtocolDtos.VersionSummary> summaries = all.stream()
                .map(v -> new ProtocolDtos.VersionSummary(v.code, v.name, v.vocabularyCode, v.effectiveFrom, v == current))
                .toList();
        List<ProtocolDtos.TermView> currentTerms = current == null ? List.of() : views(terms.of(p.code, current.code));
        boolean types = current != null && current.vocabulary() == Vocabulary.TYPES;
        return new ProtocolDtos.ProtocolView(p.code, p.name, p.description, p.requiresSecondApproval,
                current == null ? null : current.code, current == null ? null : current.vocabularyCode,
                types ? List.of() : currentTerms, types ? currentTerms : List.of(), summaries, p.version, p.updatedAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProtocolDtos.VersionView> versions(String code) {
        get(code);
        List<ProtocolVersion> all = versions.of(code);
        ProtocolVersion current = ProtocolVersions.inEffect(all, Instant.now());
        return all.stream().map(v -> view(v, v == current)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProtocolDtos.VersionView version(String code, String versionCode) {
        get(code);
        ProtocolVersion v = versions.find(code, versionCode)
                .orElseThrow(() -> ApiException.notFound("version of protocol " + code, versionCode));
        ProtocolVersion current = ProtocolVersions.inEffect(versions.of(code), Instant.now());
        return view(v, current != null && current.code.equals(v.code));
    }

    @Transactional
    public Protocol create(ProtocolDtos.Create r) {
        Vocabulary vocabulary = vocabularyOf(r.levels(), r.types());
        List<ProtocolDtos.TermInput> given = vocabulary == Vocabulary.LEVELS ? r.levels() : r.types();
        distinct(vocabulary, given);
        if (protocols.findByIdOptional(r.code()).isPresent()) {
            throw ApiException.conflict("protocol " + r.code() + " already exists");
        }
        Instant now = Instant.now();
        Protocol p = new Protocol();
        p.code = r.code();
        p.name = r.name().strip();
        p.description = r.description();
        p.requiresSecondApproval = r.requiresSecondApproval();
        p.createdAt = now;
        p.updatedAt = now;
        protocols.persist(p);
        ProtocolVersion v = new ProtocolVersion();
        v.protocolCode = p.code;
        v.code = FIRST_VERSION;
        v.name = p.name;
        v.vocabularyCode = vocabulary.code();
        v.effectiveFrom = now;
        v.source = "Created by the secretariat.";
        versions.persist(v);
        writeTerms(p.code, v.code, given);
        return p;
    }

    /**
     * Replaces the settings and the current version's terms. Terms absent from the new list are
     * retired, not deleted: past activations still name them.
     */
    @Transactional
    public Protocol update(String code, ProtocolDtos.Update r) {
        Protocol p = get(code);
        ProtocolVersion current = ProtocolVersions.inEffect(versions.of(code), Instant.now());
        if (current == null) {
            throw ApiException.invalidState("protocol " + code + " has no version in effect yet");
        }
        Vocabulary vocabulary = vocabularyOf(r.levels(), r.types());
        if (vocabulary != current.vocabulary()) {
            throw ApiException.invalidField(vocabulary.code(),
                    code + " version " + current.code + " uses " + current.vocabulary().plural() + ": give "
                            + current.vocabulary().code() + ", not " + vocabulary.code());
        }
        List<ProtocolDtos.TermInput> given = vocabulary == Vocabulary.LEVELS ? r.levels() : r.types();
        distinct(vocabulary, given);
        if (p.version != r.version()) {
            throw ApiException.staleVersion(r.version(), p.version);
        }
        p.name = r.name().strip();
        p.description = r.description();
        p.requiresSecondApproval = r.requiresSecondApproval();
        p.updatedAt = Instant.now();
        writeTerms(code, current.code, given);
        // updatedAt always changes, so the version moves even when only the terms did
        protocols.flush();
        return p;
    }

    private ProtocolDtos.VersionView view(ProtocolVersion v, boolean current) {
        List<ProtocolDtos.TermView> t = views(terms.of(v.protocolCode, v.code));
        boolean types = v.vocabulary() == Vocabulary.TYPES;
        return new ProtocolDtos.VersionView(v.protocolCode, v.code, v.name, v.vocabularyCode, v.effectiveFrom, current,
                v.source, types ? List.of() : t, types ? t : List.of());
    }

    private static List<ProtocolDtos.TermView> views(List<ProtocolTerm> terms) {
        return terms.stream()
                .map(t -> new ProtocolDtos.TermView(t.code, t.name, t.description, t.position, t.retired, t.sharesHashes))
                .toList();
    }

    private void writeTerms(String protocol, String version, List<ProtocolDtos.TermInput> given) {
        Set<String> keep = new HashSet<>();
        int position = 1;
        for (ProtocolDtos.TermInput in : given) {
            ProtocolTerm t = terms.find(protocol, version, in.code()).orElse(null);
            if (t == null) {
                t = new ProtocolTerm();
                t.protocolCode = protocol;
                t.versionCode = version;
                t.code = in.code();
            }
            t.name = in.name().strip();
            t.description = in.description();
            t.position = position++;
            t.retired = false;
            if (in.sharesHashes() != null) {
                t.sharesHashes = in.sharesHashes();
            }
            terms.persist(t);
            keep.add(in.code());
        }
        for (ProtocolTerm t : terms.of(protocol, version)) {
            if (!keep.contains(t.code) && !t.retired) {
                t.retired = true;
                t.position = position++;
            }
        }
    }

    /** Levels or types, exactly one of the two lists given and not empty. */
    private static Vocabulary vocabularyOf(List<ProtocolDtos.TermInput> levels, List<ProtocolDtos.TermInput> types) {
        boolean hasLevels = levels != null && !levels.isEmpty();
        boolean hasTypes = types != null && !types.isEmpty();
        if (hasLevels && hasTypes) {
            throw ApiException.invalidField("types", "give levels or types, not both");
        }
        if (!hasLevels && !hasTypes) {
            throw ApiException.invalidField("levels", "give the levels, or the activation types (types) of a "
                    + "protocol whose activations are not hierarchical");
        }
        return hasLevels ? Vocabulary.LEVELS : Vocabulary.TYPES;
    }

    private static void distinct(Vocabulary vocabulary, List<ProtocolDtos.TermInput> given) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            if (!seen.add(given.get(i).code())) {
                throw ApiException.invalidField(vocabulary.code() + "[" + i + "].code",
                        "duplicate " + vocabulary.field() + " " + given.get(i).code());
            }
        }
    }
}
