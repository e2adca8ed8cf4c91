package org.christchurchcall.supporter.stocktakes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.christchurchcall.platform.problem.ApiException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A cycle in which supporters report their progress on the commitments (e.g. "2021 stocktake"). */
@Entity
@Table(name = "stocktake")
public class Stocktake extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public StocktakeStatus status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    public static Stocktake open(String name, String description) {
        Stocktake s = new Stocktake();
        s.id = UUID.randomUUID();
        s.name = name;
        s.description = description;
        s.status = StocktakeStatus.OPEN;
        s.openedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return s;
    }

    public void close() {
        requireOpen();
        status = StocktakeStatus.CLOSED;
        closedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public void requireOpen() {
        if (status != StocktakeStatus.OPEN) {
            throw ApiException.invalidState("stocktake '" + name + "' is closed; its reports are frozen");
        }
    }
}
