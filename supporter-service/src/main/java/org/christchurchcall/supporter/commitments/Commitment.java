package org.christchurchcall.supporter.commitments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.christchurchcall.supporter.supporters.SupporterType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One of the Call's 25 commitments, seeded by a migration and never changed through the API.
 * {@code paraphrase} and {@code note} tell readers that the label is our wording.
 */
@Entity
@Table(name = "commitment")
public class Commitment extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "grp", nullable = false)
    public CommitmentGroup commitmentGroup;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public boolean paraphrase;

    public String note;

    /**
     * Which supporters report on this commitment in a stocktake: governments and intergovernmental
     * organisations on the government ones, companies on the provider ones, and every supporter
     * on the joint ones, since civil society takes part in those.
     */
    public boolean appliesTo(SupporterType type) {
        return switch (commitmentGroup) {
            case GOVERNMENT -> type == SupporterType.GOVERNMENT || type == SupporterType.INTERGOVERNMENTAL;
            case ONLINE_SERVICE_PROVIDERS -> type == SupporterType.COMPANY;
            case JOINT -> true;
        };
    }
}
