package org.christchurchcall.platform.quota;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/** Documents the quota's 429 and RateLimit headers on every API operation, which the filter answers for all of them. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class QuotaOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("429")) {
                    operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                            .description("The client's request quota for this kind of request (read, write or "
                                    + "upload) is spent: problem+json, with Retry-After and the RateLimit headers")
                            .addHeader("Retry-After", seconds("Seconds until the next request is allowed"))
                            .addHeader(QuotaFilter.LIMIT, seconds("Requests allowed per period (this pod)"))
                            .addHeader(QuotaFilter.REMAINING, seconds("Requests left now"))
                            .addHeader(QuotaFilter.RESET, seconds("Seconds until the allowance is full again")));
                }
            }
        }
    }

    private static Header seconds(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }
}
