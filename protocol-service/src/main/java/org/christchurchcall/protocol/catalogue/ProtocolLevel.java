package org.christchurchcall.protocol.catalogue;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One level of a protocol. A level that is dropped is retired, not deleted, because past
 * activations still name it.
 */
@Entity
@Table(name = "protocol_level")
@IdClass(ProtocolLevel.Key.class)
public class ProtocolLevel extends PanacheEntityBase {

    @Id
    @Column(name = "protocol_code")
    public String protocolCode;

    @Id
    public String code;

    public String name;

    public String description;

    public int position;

    public boolean retired;

    public static List<ProtocolLevel> of(String protocolCode) {
        return list("protocolCode = ?1 order by retired, position, code", protocolCode);
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
