package org.christchurchcall.supporter.supporters;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.values.CodeConverter;
import org.christchurchcall.supporter.values.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of supporter; each code is also the role its clients carry. */
public enum SupporterType implements Coded {
    GOVERNMENT(Roles.GOVERNMENT),
    INTERGOVERNMENTAL(Roles.INTERGOVERNMENTAL),
    /** An online service provider. */
    COMPANY(Roles.COMPANY),
    /** Partners and members of the Christchurch Call Advisory Network. */
    CIVIL_SOCIETY(Roles.CIVIL_SOCIETY);

    private final String code;

    SupporterType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String role() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodeConverter<SupporterType> {
        public Converter() {
            super(SupporterType.class);
        }
    }
}
