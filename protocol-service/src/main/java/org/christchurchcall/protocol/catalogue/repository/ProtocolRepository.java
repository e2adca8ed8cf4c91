package org.christchurchcall.protocol.catalogue.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.protocol.catalogue.Protocol;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProtocolRepository implements PanacheRepositoryBase<Protocol, String> {

    /** Protocols after {@code afterCode} in code order, at most {@code limit}. */
    public List<Protocol> after(String afterCode, int limit) {
        return find("code > ?1 order by code", afterCode == null ? "" : afterCode).page(0, limit).list();
    }
}
