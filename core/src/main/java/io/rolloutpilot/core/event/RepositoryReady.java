package io.rolloutpilot.core.event;

/** The destination ECR repository exists ({@code created} when this push created it). */
public record RepositoryReady(String repository, String uri, boolean created) implements EngineEvent {}
