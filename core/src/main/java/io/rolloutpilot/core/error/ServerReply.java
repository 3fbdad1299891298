package io.rolloutpilot.core.error;

/**
 * What a server answered when it refused or failed a request, for errors that came from one.
 *
 * @param server which server, as the user named it (a registry host, "Kubernetes API", "Prometheus", "ECR")
 * @param status the HTTP status, 0 when no response arrived
 * @param code the server's own error code ({@code NAME_UNKNOWN}, {@code RepositoryNotFoundException},
 *     {@code bad_data}...), or null
 */
public record ServerReply(String server, int status, String code) {}
