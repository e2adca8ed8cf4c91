package org.christchurchcall.protocol.catalogue.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.protocol.catalogue.ProtocolVersion;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProtocolVersionRepository implements PanacheRepositoryBase<ProtocolVersion, ProtocolVersion.Key> {

    /** The protocol's versions, oldest first. */
    public List<ProtocolVersion> of(String protocol) {
        return list("protocolCode = ?1 order by effectiveFrom", protocol);
    }

    /** The version in effect at {@code at}: the latest whose effectiveFrom is not after it. */
    public Optional<ProtocolVersion> inEffectAt(String protocol, Instant at) {
        return find("protocolCode = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc", protocol, at)
                .firstResultOptional();
    }

    public Optional<ProtocolVersion> find(String protocol, String code) {
        return findByIdOptional(new ProtocolVersion.Key(protocol, code));
    }
}
