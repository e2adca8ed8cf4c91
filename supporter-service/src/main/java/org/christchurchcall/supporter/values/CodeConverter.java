package org.christchurchcall.supporter.values;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link Coded} enumeration as its code; subclasses bind it to one enum type. */
public abstract class CodeConverter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected CodeConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.code();
    }

    @Override
    public E convertToEntityAttribute(String code) {
        return code == null ? null : Coded.of(type, code);
    }
}
