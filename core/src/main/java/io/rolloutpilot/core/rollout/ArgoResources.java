package io.rolloutpilot.core.rollout;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The Argo Rollouts API groups and kinds, as registered by the v1.9.1 CRDs. */
public final class ArgoResources {
  public static final String GROUP = "argoproj.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  public static final ResourceDefinitionContext ROLLOUTS = context("Rollout", "rollouts", true);
  public static final ResourceDefinitionContext ANALYSIS_RUNS = context("AnalysisRun", "analysisruns", true);
  public static final ResourceDefinitionContext ANALYSIS_TEMPLATES = context("AnalysisTemplate", "analysistemplates", true);
  public static final ResourceDefinitionContext CLUSTER_ANALYSIS_TEMPLATES =
      context("ClusterAnalysisTemplate", "clusteranalysistemplates", false);
  public static final ResourceDefinitionContext EXPERIMENTS = context("Experiment", "experiments", true);

  /** Labels and annotations the controller writes and the CLI reads. */
  public static final String POD_TEMPLATE_HASH = "rollouts-pod-template-hash";
  public static final String REVISION = "rollout.argoproj.io/revision";

  private ArgoResources() {}

  private static ResourceDefinitionContext context(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder().withGroup(GROUP).withVersion(VERSION).withKind(kind)
        .withPlural(plural).withNamespaced(namespaced).build();
  }
}
