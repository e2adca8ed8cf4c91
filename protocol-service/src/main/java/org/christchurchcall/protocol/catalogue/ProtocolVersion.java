package org.christchurchcall.protocol.catalogue;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A version of a protocol (e.g. GIFCT's Incident Response Framework of 2021 or of 2025), with the
 * vocabulary its activations use. The version in effect is the one whose {@link #effectiveFrom}
 * passed last; an activation keeps the version it was made under.
 */
@Entity
@Table(name = "protocol_version")
@IdClass(ProtocolVersion.Key.class)
public class ProtocolVersion extends PanacheEntityBase {

    @Id
    @Column(name = "protocol_code")
    public String protocolCode;

    @Id
    public String code;

    public String name;

    @Column(name = "vocabulary")
    public String vocabularyCode;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    /** Where the vocabulary comes from. */
    public String source;

    public Vocabulary vocabulary() {
        return Vocabulary.fromCode(vocabularyCode);
    }

    public static class Key implements Serializable {
        public String protocolCode;
        public String code;

        public Key() {
        }

        public Key(String protocolCode, String code) {
            this.protocolCode = protocolCode;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(protocolCode, k.protocolCode) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(protocolCode, code);
        }
    }
}
