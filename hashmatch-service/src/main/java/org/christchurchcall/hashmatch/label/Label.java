package org.christchurchcall.hashmatch.label;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A term of the label taxonomy: a behaviour, a producing entity (with the list that designates
 * it), a list source, or a content type. The taxonomy is seeded and changed by migrations only.
 */
@Entity
@Table(name = "label")
public class Label extends PanacheEntityBase {

    @Id
    @Column(length = 100)
    public String code;

    @Column(nullable = false, length = 30)
    public String kind;

    @Column(nullable = false, length = 200)
    public String name;

    public String description;

    @Column(name = "list_source", length = 100)
    public String listSource;
}
