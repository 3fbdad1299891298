package io.rolloutpilot.core.analysis.argo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.rolloutpilot.core.kube.ClusterErrors;
import io.rolloutpilot.core.rollout.ArgoResources;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads and watches AnalysisRuns. A watch is a fabric8 informer on the one run: it resumes a dropped
 * watch and re-lists on {@code 410 Gone}, so no state is missed for long and nothing is polled.
 */
public final class AnalysisRunClient {
  /** Receives every state of the watched run and its deletion, on the informer's thread. */
  public interface RunWatcher {
    void onState(AnalysisRunState run);

    void onDeleted();
  }

  /** Ends a watch. */
  public interface RunWatch extends AutoCloseable {
    /** True when the run existed when the watch started (the first list found it). */
    boolean found();

    @Override
    void close();
  }

  private final KubernetesClient client;
  private final String credentials;
  private final AnalysisRunParser parser;

  public AnalysisRunClient(KubernetesClient client, String credentials, AnalysisRunParser parser) {
    this.client = client;
    this.credentials = credentials;
    this.parser = parser;
  }

  public Optional<AnalysisRunState> get(String namespace, String name) {
    GenericKubernetesResource run = call("read AnalysisRun " + namespace + "/" + name, () -> {
      try {
        return client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(namespace).withName(name).get();
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return null;
        }
        throw e;
      }
    });
    return Optional.ofNullable(run).map(parser::parse);
  }

  /** Runs in the namespace carrying the label. */
  public List<AnalysisRunState> list(String namespace, String label, String value) {
    return call("list AnalysisRuns in " + namespace, () -> client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS)
        .inNamespace(namespace).withLabel(label, value).list().getItems().stream().map(parser::parse).toList());
  }

  /** Starts watching one run; returns once the first list is done, so {@link RunWatch#found()} is known. */
  public RunWatch watch(String namespace, String name, RunWatcher watcher) {
    SharedIndexInformer<GenericKubernetesResource> informer = call("watch AnalysisRun " + namespace + "/" + name,
        () -> client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(namespace).withName(name)
            .inform(new Dispatcher(watcher), 0));
    boolean found = !informer.getStore().list().isEmpty();
    return new RunWatch() {
      @Override
      public boolean found() {
        return found;
      }

      @Override
      public void close() {
        informer.close();
      }
    };
  }

  private final class Dispatcher implements ResourceEventHandler<GenericKubernetesResource> {
    private final RunWatcher watcher;

    Dispatcher(RunWatcher watcher) {
      this.watcher = watcher;
    }

    @Override
    public void onAdd(GenericKubernetesResource obj) {
      watcher.onState(parser.parse(obj));
    }

    @Override
    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
      watcher.onState(parser.parse(newObj));
    }

    @Override
    public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
      watcher.onDeleted();
    }
  }

  private <T> T call(String action, Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      throw ClusterErrors.translate(e, action, credentials);
    }
  }
}
