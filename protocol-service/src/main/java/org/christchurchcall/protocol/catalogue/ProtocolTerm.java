package org.christchurchcall.protocol.catalogue;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One level or activation type of a protocol version (which of the two its version's
 * {@link Vocabulary} says). A term that is dropped is retired, not deleted, because past
 * activations still name it. The table keeps its first name, protocol_level, for rolling upgrades.
 */
@Entity
@Table(name = "protocol_level")
@IdClass(ProtocolTerm.Key.class)
public class ProtocolTerm extends PanacheEntityBase {

    @Id
    @Column(name = "protocol_code")
    public String protocolCode;

    @Id
    @Column(name = "version_code")
    public String versionCode;

    @Id
    public String code;

    public String name;

    public String description;

    public int position;

    public boolean retired;

    /** Activating it shares the perpetrator's hashes in the hash-sharing database. */
    @Column(name = "shares_hashes")
    public boolean sharesHashes;

    public static class Key implements Serializable {
        public String protocolCode;
        public String versionCode;
        public String code;

        public Key() {
        }

        public Key(String protocolCode, String versionCode, String code) {
            this.protocolCode = protocolCode;
            this.versionCode = versionCode;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(protocolCode, k.protocolCode)
                    && Objects.equals(versionCode, k.versionCode) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(protocolCode, versionCode, code);
        }
    }
}
