package org.christchurchcall.protocol.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A level under a version with levels, a type under one with activation types, and refusals that name the accepted values. */
class TermChoiceTest {

    static final List<String> LEVELS = List.of("incident", "content-incident", "content-incident-protocol");
    static final List<String> TYPES = List.of("perpetrator-content-incident", "awareness-communication");

    static String levels(String level, String type) {
        return TermChoice.choose("gifct-cip", "2021", Vocabulary.LEVELS, LEVELS, level, type);
    }

    static String types(String level, String type) {
        return TermChoice.choose("gifct-cip", "2025", Vocabulary.TYPES, TYPES, level, type);
    }

    static TermChoice.Refused refused(Runnable r) {
        return assertThrows(TermChoice.Refused.class, r::run);
    }

    @Test
    void theFieldOfTheVersionsVocabularyIsTaken() {
        assertEquals("content-incident-protocol", levels("content-incident-protocol", null));
        assertEquals("perpetrator-content-incident", types(null, "perpetrator-content-incident"));
    }

    @Test
    void aLevelUnderTypesIsRefusedNamingTheTypes() {
        TermChoice.Refused e = refused(() -> types("content-incident-protocol", null));
        assertEquals("level", e.field());
        assertEquals("gifct-cip version 2025 uses activation types, not levels: give type, one of "
                + "perpetrator-content-incident, awareness-communication", e.getMessage());
        // a level beside a valid type is refused too: the request says two different things
        assertEquals("level", refused(() -> types("incident", "perpetrator-content-incident")).field());
    }

    @Test
    void aTypeUnderLevelsIsRefusedNamingTheLevels() {
        TermChoice.Refused e = refused(() -> levels(null, "perpetrator-content-incident"));
        assertEquals("type", e.field());
        assertEquals("gifct-cip version 2021 uses levels, not activation types: give level, one of incident, "
                + "content-incident, content-incident-protocol", e.getMessage());
    }

    @Test
    void missingAndUnknownTermsNameTheAcceptedOnes() {
        TermChoice.Refused missing = refused(() -> types(null, null));
        assertEquals("type", missing.field());
        assertEquals("is required: gifct-cip version 2025 uses activation types, one of perpetrator-content-incident, "
                + "awareness-communication", missing.getMessage());
        TermChoice.Refused unknown = refused(() -> levels("full-activation", null));
        assertEquals("level", unknown.field());
        assertEquals("full-activation is not a current level of gifct-cip version 2021; one of incident, "
                + "content-incident, content-incident-protocol", unknown.getMessage());
        assertEquals("retired is not a current activation type of x version 1; it has none in effect",
                refused(() -> TermChoice.choose("x", "1", Vocabulary.TYPES, List.of(), null, "retired")).getMessage());
    }
}
