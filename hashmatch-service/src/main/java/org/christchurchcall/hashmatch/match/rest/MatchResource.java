package org.christchurchcall.hashmatch.match.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.christchurchcall.hashmatch.config.HashmatchConfig;
import org.christchurchcall.hashmatch.hash.HashType;
import org.christchurchcall.hashmatch.match.rest.MatchRequest.HashQuery;
import org.christchurchcall.hashmatch.match.rest.MatchResponse.QueryResult;
import org.christchurchcall.hashmatch.match.service.MatchService;
import org.christchurchcall.hashmatch.match.service.MatchService.Hit;
import org.christchurchcall.hashmatch.match.service.MatchService.Query;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/match")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matching", description = "Look up hashes or files against the shared hashes")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
public class MatchResource {

    @Inject
    MatchService matcher;

    @Inject
    HashmatchConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "Match up to 1,000 hashes", description = "Roles matcher, secretariat, service. pdq matches "
            + "every record within the threshold (Hamming distance), md5 and sha256 match exactly. Retracted records "
            + "never match; disputed ones do, with their status. Dihedral variants need the image: use "
            + "/api/v1/match/file?dihedral=true, or send the eight hashes of `pdq --dihedral` as queries.")
    @APIResponse(responseCode = "200", description = "The hits of each query, nearest first")
    @APIResponse(responseCode = "400", description = "No queries, too many, a malformed hash, or a threshold above the cap")
    public MatchResponse match(MatchRequest request) {
        if (request == null || request.queries() == null || request.queries().isEmpty()) {
            throw ApiException.invalidField("queries", "at least one query is required");
        }
        if (request.queries().size() > config.maxQueries()) {
            throw ApiException.invalidField("queries", "at most " + config.maxQueries() + " queries per request");
        }
        int threshold = threshold(request.threshold(), config);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Query> queries = new ArrayList<>(request.queries().size());
        for (int i = 0; i < request.queries().size(); i++) {
            HashQuery q = request.queries().get(i);
            Optional<HashType> type = q == null ? Optional.empty() : HashType.fromCode(q.type());
            if (type.isEmpty()) {
                errors.add(new Problem.FieldError("queries[" + i + "].type", "must be one of pdq, md5, sha256"));
                continue;
            }
            Optional<String> value = type.get().normalise(q.value());
            if (value.isEmpty()) {
                errors.add(new Problem.FieldError("queries[" + i + "].value",
                        "a " + type.get().code() + " hash is " + type.get().formatHint()));
                continue;
            }
            queries.add(new Query(type.get(), value.get(), null));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ProblemType.VALIDATION, errors.size() == 1 ? errors.get(0).field() + ": "
                    + errors.get(0).message() : errors.size() + " queries are invalid", errors);
        }
        return respond(threshold, queries, matcher.match(queries, threshold));
    }

    static int threshold(Integer requested, HashmatchConfig config) {
        if (requested == null) {
            return Math.min(config.defaultThreshold(), config.maxThreshold());
        }
        if (requested < 0 || requested > config.maxThreshold()) {
            throw ApiException.invalidField("threshold", "must be between 0 and " + config.maxThreshold());
        }
        return requested;
    }

    static MatchResponse respond(int threshold, List<Query> queries, List<List<Hit>> hits) {
        List<QueryResult> results = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            results.add(new QueryResult(i, q.type().code(), q.value(), q.variant(), hits.get(i)));
        }
        return new MatchResponse(threshold, results);
    }
}
