package org.christchurchcall.supporter.stocktakes.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.supporter.stocktakes.Stocktake;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StocktakeRepository implements PanacheRepositoryBase<Stocktake, UUID> {

    public Optional<Stocktake> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    /** Newest first. */
    public List<Stocktake> page(Instant afterOpenedAt, UUID afterId, int rows) {
        if (afterOpenedAt == null) {
            return find("order by openedAt desc, id desc").page(0, rows).list();
        }
        return find("openedAt < ?1 or (openedAt = ?1 and id < ?2) order by openedAt desc, id desc", afterOpenedAt,
                afterId).page(0, rows).list();
    }
}
