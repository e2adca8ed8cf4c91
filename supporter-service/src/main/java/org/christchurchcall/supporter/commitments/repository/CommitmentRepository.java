package org.christchurchcall.supporter.commitments.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.supporter.commitments.Commitment;
import org.christchurchcall.supporter.commitments.CommitmentGroup;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, String> {

    public List<Commitment> page(CommitmentGroup group, int afterPosition, int rows) {
        if (group == null) {
            return find("position > ?1 order by position", afterPosition).page(0, rows).list();
        }
        return find("commitmentGroup = ?1 and position > ?2 order by position", group, afterPosition).page(0, rows).list();
    }

    public List<Commitment> all() {
        return list("order by position");
    }
}
