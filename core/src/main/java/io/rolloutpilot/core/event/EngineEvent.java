package io.rolloutpilot.core.event;

/**
 * Something an operation did or saw, reported while it runs. Events are data: each front end words
 * them its own way (a stderr line in the CLI, a console line in a Jenkins build, a JSON object), and
 * the engine never prints. Events name digests, tags, repositories and rollouts, never a secret.
 */
public sealed interface EngineEvent
    permits RolloutProgressed, DegradedGraceStarted, DegradedGraceEnded, ServerUnreachable, ServerReachable,
        SourceOpened, BlobExists, BlobMounted, BlobUploaded, ManifestPut, TagSet, TagUnchanged, RequestRetried,
        RepositoryReady, RegistryTokenRefreshed, ScanWaiting, ScanCompleted, AnalysisRunAwaited,
        AnalysisRunFollowed, AnalysisTemplateWarned, MeasurementTaken, AnalysisRunPhaseChanged, JudgementLook,
        MetricErrored {}
