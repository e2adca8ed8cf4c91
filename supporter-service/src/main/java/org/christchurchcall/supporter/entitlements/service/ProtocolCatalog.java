package org.christchurchcall.supporter.entitlements.service;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.supporter.entitlements.EntitlementKind;
import org.christchurchcall.supporter.entitlements.client.ProtocolServiceClient;
import org.christchurchcall.supporter.entitlements.repository.EntitlementRepository;
import org.jboss.logging.Logger;

/**
 * Protocol codes are protocol-service's data: a code is granted only once protocol-service has
 * confirmed it. Confirmed codes are remembered for the life of the process (protocol-service never
 * deletes a protocol), and a code some supporter already holds was confirmed when it was granted,
 * so either lets a grant through while protocol-service is down. Anything else then gets a 503:
 * an unknown code is never granted.
 */
@ApplicationScoped
public class ProtocolCatalog {

    private static final Logger LOG = Logger.getLogger(ProtocolCatalog.class);

    /** protocol-service's own rule for protocol codes. */
    public static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    public static final int MAX_LENGTH = 60;

    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

    @Inject
    ProtocolServiceClient protocolService;

    @Inject
    EntitlementRepository entitlements;

    /** A 400 naming {@code field} unless the code has the form of a protocol code. */
    public static String checkForm(String field, String code) {
        if (code == null || code.isBlank() || code.length() > MAX_LENGTH || !CODE.matcher(code).matches()) {
            throw ApiException.invalidField(field, "must be a protocol code: lower-case kebab, at most " + MAX_LENGTH
                    + " characters");
        }
        return code;
    }

    /**
     * Returns when protocol-service has the protocol; a 400 when it has not, a 503 when it cannot
     * be asked and the code is not known already. Waits on another service: call it outside a
     * transaction.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void requireKnown(String field, String code) {
        checkForm(field, code);
        if (confirmed.contains(code)) {
            return;
        }
        boolean exists;
        try {
            exists = protocolService.exists(code);
        } catch (RuntimeException e) {
            if (entitlements.grantedToAnyone(EntitlementKind.PROTOCOL, code)) {
                confirmed.add(code);
                return;
            }
            LOG.warnf("protocol-service could not confirm protocol '%s': %s", code, e.toString());
            throw new ApiException(ProblemType.UNAVAILABLE, "protocol-service, which owns the protocol codes, could "
                    + "not be reached to confirm '" + code + "'; nothing was granted, try again shortly");
        }
        if (!exists) {
            throw ApiException.invalidField(field, "protocol-service has no protocol '" + code + "'");
        }
        confirmed.add(code);
    }
}
