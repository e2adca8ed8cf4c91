package org.christchurchcall.supporter.supporters.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.SupporterStatus;
import org.christchurchcall.supporter.supporters.SupporterType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SupporterRepository implements PanacheRepositoryBase<Supporter, UUID> {

    public Optional<Supporter> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    /**
     * Ordered by name, then id; the keyset comparison runs in the database so that it shares the
     * collation of the ordering.
     */
    public List<Supporter> page(SupporterStatus status, SupporterType type, String afterName, UUID afterId, int rows) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (type != null) {
            where.add("type = :type");
            params.put("type", type);
        }
        if (afterName != null) {
            where.add("(name > :afterName or (name = :afterName and id > :afterId))");
            params.put("afterName", afterName);
            params.put("afterId", afterId);
        }
        String query = "from Supporter" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by name, id";
        return find(query, params).page(0, rows).list();
    }
}
