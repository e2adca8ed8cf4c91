package org.christchurchcall.supporter.stocktakes.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.supporter.stocktakes.ProgressStatus;
import org.christchurchcall.supporter.stocktakes.StocktakeReport;
import org.christchurchcall.supporter.supporters.SupporterType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StocktakeReportRepository implements PanacheRepositoryBase<StocktakeReport, UUID> {

    /** One row of the summary: how many supporters of a type report a status on a commitment. */
    public record Count(String commitmentId, SupporterType supporterType, ProgressStatus status, long reports) {
    }

    public List<StocktakeReport> ofSupporter(UUID stocktakeId, UUID supporterId) {
        return list("stocktakeId = ?1 and supporterId = ?2", stocktakeId, supporterId);
    }

    public List<StocktakeReport> page(UUID stocktakeId, UUID supporterId, String commitmentId, UUID afterId, int rows) {
        List<String> where = new ArrayList<>(List.of("stocktakeId = :stocktakeId"));
        Map<String, Object> params = new HashMap<>(Map.of("stocktakeId", stocktakeId));
        if (supporterId != null) {
            where.add("supporterId = :supporterId");
            params.put("supporterId", supporterId);
        }
        if (commitmentId != null) {
            where.add("commitmentId = :commitmentId");
            params.put("commitmentId", commitmentId);
        }
        if (afterId != null) {
            where.add("id > :afterId");
            params.put("afterId", afterId);
        }
        return find(String.join(" and ", where) + " order by id", params).page(0, rows).list();
    }

    public List<Count> counts(UUID stocktakeId) {
        return getEntityManager().createQuery("""
                select r.commitmentId, s.type, r.status, count(r)
                from StocktakeReport r join Supporter s on s.id = r.supporterId
                where r.stocktakeId = :stocktakeId
                group by r.commitmentId, s.type, r.status""", Object[].class)
                .setParameter("stocktakeId", stocktakeId)
                .getResultList().stream()
                .map(row -> new Count((String) row[0], (SupporterType) row[1], (ProgressStatus) row[2], (Long) row[3]))
                .toList();
    }

    public long supportersReporting(UUID stocktakeId) {
        return getEntityManager()
                .createQuery("select count(distinct r.supporterId) from StocktakeReport r where r.stocktakeId = :id",
                        Long.class)
                .setParameter("id", stocktakeId).getSingleResult();
    }
}
