package io.rolloutpilot.core.rollout.follow;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.rolloutpilot.core.kube.ClusterErrors;
import io.rolloutpilot.core.rollout.ArgoResources;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One list-and-watch (a fabric8 informer) per namespace, shared by every follower of a Rollout in it,
 * so following a thousand Rollouts costs one watch, not a thousand polls. The informer resumes a
 * dropped watch and re-lists on {@code 410 Gone}; a re-list delivers any state changed meanwhile, so a
 * terminal state reached while disconnected is still seen.
 */
public final class RolloutWatchHub implements AutoCloseable {
  /** Receives every state of one Rollout and its deletion; called on the informer's thread. */
  public interface Subscriber {
    void onState(Rollout rollout);

    void onDeleted();
  }

  /** Ends one subscription. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private final KubernetesClient client;
  private final String credentials;
  private final Map<String, SharedIndexInformer<GenericKubernetesResource>> informers = new ConcurrentHashMap<>();
  private final Map<RolloutRef, List<Subscriber>> subscribers = new ConcurrentHashMap<>();

  public RolloutWatchHub(KubernetesClient client, String credentials) {
    this.client = client;
    this.credentials = credentials;
  }

  /**
   * Subscribes and delivers the current state at once. The namespace's list is complete when this
   * returns, so a Rollout that has no state here does not exist.
   */
  public Subscription subscribe(RolloutRef ref, Subscriber subscriber) {
    subscribers.computeIfAbsent(ref, r -> new CopyOnWriteArrayList<>()).add(subscriber);
    SharedIndexInformer<GenericKubernetesResource> informer = informer(ref.namespace());
    GenericKubernetesResource current = informer.getStore().getByKey(ref.namespace() + "/" + ref.name());
    if (current != null) {
      subscriber.onState(Rollout.from(current));
    }
    return () -> subscribers.getOrDefault(ref, List.of()).remove(subscriber);
  }

  /** Whether the Rollout exists, as the namespace's watch sees it; starts that watch if needed. */
  public boolean exists(RolloutRef ref) {
    return informer(ref.namespace()).getStore().getByKey(ref.namespace() + "/" + ref.name()) != null;
  }

  /** The Rollouts of a namespace as its watch sees them, sorted, for "not found" messages. */
  public List<String> names(String namespace) {
    return informer(namespace).getStore().list().stream().map(r -> r.getMetadata().getName()).sorted().toList();
  }

  private SharedIndexInformer<GenericKubernetesResource> informer(String namespace) {
    return informers.computeIfAbsent(namespace, this::start);
  }

  private SharedIndexInformer<GenericKubernetesResource> start(String namespace) {
    try {
      return client.genericKubernetesResources(ArgoResources.ROLLOUTS).inNamespace(namespace)
          .inform(new Dispatcher(), 0);
    } catch (KubernetesClientException e) {
      throw ClusterErrors.translate(e, "watch rollouts in " + namespace, credentials);
    }
  }

  private final class Dispatcher implements ResourceEventHandler<GenericKubernetesResource> {
    @Override
    public void onAdd(GenericKubernetesResource obj) {
      state(obj);
    }

    @Override
    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
      state(newObj);
    }

    @Override
    public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
      subscribers.getOrDefault(key(obj), List.of()).forEach(Subscriber::onDeleted);
    }

    private void state(GenericKubernetesResource obj) {
      List<Subscriber> interested = subscribers.getOrDefault(key(obj), List.of());
      if (!interested.isEmpty()) {
        Rollout rollout = Rollout.from(obj);
        interested.forEach(s -> s.onState(rollout));
      }
    }

    private RolloutRef key(GenericKubernetesResource obj) {
      return new RolloutRef(obj.getMetadata().getNamespace(), obj.getMetadata().getName());
    }
  }

  @Override
  public void close() {
    informers.values().forEach(SharedIndexInformer::close);
    informers.clear();
  }
}
