package org.christchurchcall.hashmatch.hash;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the enumerations as their lower-case API codes, which the schema's checks list. */
public final class EnumConverters {

    private EnumConverters() {
    }

    @Converter(autoApply = true)
    public static class HashTypeConverter implements AttributeConverter<HashType, String> {
        @Override
        public String convertToDatabaseColumn(HashType t) {
            return t == null ? null : t.code();
        }

        @Override
        public HashType convertToEntityAttribute(String code) {
            return code == null ? null
                    : HashType.fromCode(code).orElseThrow(() -> new IllegalStateException("unknown hash type " + code));
        }
    }

    @Converter(autoApply = true)
    public static class HashStatusConverter implements AttributeConverter<HashStatus, String> {
        @Override
        public String convertToDatabaseColumn(HashStatus s) {
            return s == null ? null : s.code();
        }

        @Override
        public HashStatus convertToEntityAttribute(String code) {
            return code == null ? null : HashStatus.fromCode(code);
        }
    }
}
