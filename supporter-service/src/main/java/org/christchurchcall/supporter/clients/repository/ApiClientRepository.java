package org.christchurchcall.supporter.clients.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.supporter.clients.ApiClient;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ApiClientRepository implements PanacheRepositoryBase<ApiClient, UUID> {

    public Optional<ApiClient> findByClientId(String clientId) {
        return find("clientId", clientId).firstResultOptional();
    }

    public List<ApiClient> page(UUID supporterId, UUID afterId, int rows) {
        if (supporterId == null) {
            return afterId == null ? find("order by id").page(0, rows).list()
                    : find("id > ?1 order by id", afterId).page(0, rows).list();
        }
        return afterId == null ? find("supporterId = ?1 order by id", supporterId).page(0, rows).list()
                : find("supporterId = ?1 and id > ?2 order by id", supporterId, afterId).page(0, rows).list();
    }
}
