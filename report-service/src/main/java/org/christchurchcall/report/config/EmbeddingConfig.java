package org.christchurchcall.report.config;

import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which sites may embed a published report page in a frame: the page's CSP {@code frame-ancestors}.
 * None by default; a government portal that shows its published reports is named here
 * ({@code CCALL_REPORT_FRAME_ANCESTORS=https://gov.example}, several separated by spaces or commas).
 * Drafts are never framed.
 */
@ConfigMapping(prefix = "ccall.report")
public interface EmbeddingConfig {

    /** 'self' or origins (scheme, host, optional port), checked at start-up so that no value can add a directive. */
    String SOURCES = "^\\s*('none'|('self'|https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?)"
            + "([\\s,]+('self'|https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?))*)\\s*$";

    @WithDefault("'none'")
    @Pattern(regexp = SOURCES, message = "must be 'none', or 'self' and origins such as https://gov.example")
    String frameAncestors();

    /** The directive's source list as CSP writes it: separated by single spaces. */
    default String frameAncestorSources() {
        return String.join(" ", frameAncestors().trim().split("[\\s,]+"));
    }
}
