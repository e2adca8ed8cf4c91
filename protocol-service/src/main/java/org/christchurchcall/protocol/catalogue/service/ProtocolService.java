package org.christchurchcall.protocol.catalogue.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.protocol.catalogue.Protocol;
import org.christchurchcall.protocol.catalogue.ProtocolLevel;
import org.christchurchcall.protocol.catalogue.rest.ProtocolDtos;

/** The secretariat's management of protocols and their levels. */
@ApplicationScoped
public class ProtocolService {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Protocol> list(String afterCode, int limitPlusOne) {
        return Protocol.find("code > ?1 order by code", afterCode == null ? "" : afterCode).page(0, limitPlusOne).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Protocol get(String code) {
        Protocol p = Protocol.findById(code);
        if (p == null) {
            throw ApiException.notFound("protocol", code);
        }
        return p;
    }

    @Transactional
    public Protocol create(ProtocolDtos.Create r) {
        distinctLevels(r.levels());
        if (Protocol.findById(r.code()) != null) {
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
        p.persist();
        writeLevels(p.code, r.levels());
        return p;
    }

    /** Levels absent from the new list are retired, not deleted: past activations still name them. */
    @Transactional
    public Protocol update(String code, ProtocolDtos.Update r) {
        distinctLevels(r.levels());
        Protocol p = get(code);
        if (p.version != r.version()) {
            throw ApiException.staleVersion(r.version(), p.version);
        }
        p.name = r.name().strip();
        p.description = r.description();
        p.requiresSecondApproval = r.requiresSecondApproval();
        p.updatedAt = Instant.now();
        writeLevels(code, r.levels());
        // updatedAt always changes, so the version moves even when only the levels did
        em.flush();
        return p;
    }

    private void writeLevels(String protocol, List<ProtocolDtos.LevelInput> levels) {
        Set<String> keep = new HashSet<>();
        int position = 1;
        for (ProtocolDtos.LevelInput in : levels) {
            ProtocolLevel l = ProtocolLevel.findById(new ProtocolLevel.Key(protocol, in.code()));
            if (l == null) {
                l = new ProtocolLevel();
                l.protocolCode = protocol;
                l.code = in.code();
            }
            l.name = in.name().strip();
            l.description = in.description();
            l.position = position++;
            l.retired = false;
            l.persist();
            keep.add(in.code());
        }
        for (ProtocolLevel l : ProtocolLevel.<ProtocolLevel>list("protocolCode", protocol)) {
            if (!keep.contains(l.code) && !l.retired) {
                l.retired = true;
                l.position = position++;
            }
        }
    }

    private static void distinctLevels(List<ProtocolDtos.LevelInput> levels) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            if (!seen.add(levels.get(i).code())) {
                throw ApiException.invalidField("levels[" + i + "].code", "duplicate level " + levels.get(i).code());
            }
        }
    }
}
