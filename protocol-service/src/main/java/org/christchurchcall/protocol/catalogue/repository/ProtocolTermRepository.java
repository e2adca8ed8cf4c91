package org.christchurchcall.protocol.catalogue.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.protocol.catalogue.ProtocolTerm;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProtocolTermRepository implements PanacheRepositoryBase<ProtocolTerm, ProtocolTerm.Key> {

    /** A version's levels or types: current ones in order, then the retired ones. */
    public List<ProtocolTerm> of(String protocol, String version) {
        return list("protocolCode = ?1 and versionCode = ?2 order by retired, position, code", protocol, version);
    }

    public Optional<ProtocolTerm> find(String protocol, String version, String code) {
        return findByIdOptional(new ProtocolTerm.Key(protocol, version, code));
    }
}
