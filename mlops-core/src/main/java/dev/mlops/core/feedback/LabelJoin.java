package dev.mlops.core.feedback;

import dev.mlops.feedback.GroundTruth;
import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.time.MlopsClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Joins ground truth that arrives later (minutes to weeks) to logged predictions by request id.
 * Arrival order does not matter: a label may come before its prediction (it waits for the grace
 * period), twice (the last one wins, counted), or for an id that is unknown or expired (counted,
 * waits, then is discarded). The state is bounded ({@link LabelJoinConfig}) and survives a
 * restart through {@link LabelJoinState#save} and {@link LabelJoinState#load}.
 *
 * <p>Every join, and every change of a joined label, goes to the {@link Listener} (live
 * performance listens), on the calling thread.
 *
 * <p>Thread-safe: all methods synchronize on the join.
 */
public final class LabelJoin {

  /** Receives joins as they happen. Called under the join's lock: keep it short. */
  @FunctionalInterface
  public interface Listener {
    /**
     * A prediction got its label, or a later label replaced an earlier one.
     *
     * @param joined the prediction with its (new) label
     * @param replaced the same prediction with the label it had before, if any
     */
    void joined(JoinedPrediction joined, Optional<JoinedPrediction> replaced);
  }

  private final LabelJoinConfig config;
  private final MlopsClock clock;
  private final Listener listener;
  private final LinkedHashMap<String, JoinedPrediction> predictions = new LinkedHashMap<>();
  private final LinkedHashMap<String, GroundTruth> waiting = new LinkedHashMap<>();
  private long predictionCount;
  private long labelCount;
  private long joinedOnArrival;
  private long duplicates;
  private long waited;
  private long joinedAfterWaiting;
  private long discardedLabels;
  private long expiredPredictions;
  private long evictedPredictions;

  /**
   * Creates an empty join.
   *
   * @param config the bounds
   * @param clock the time expiry is measured against
   * @param listener receives joins; {@code (j, r) -> {}} for none
   */
  public LabelJoin(LabelJoinConfig config, MlopsClock clock, Listener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Adds a logged prediction; joins a label that was waiting for it. */
  public synchronized void prediction(LoggedPrediction p) {
    add(JoinedPrediction.of(p));
  }

  synchronized void add(JoinedPrediction entry) {
    predictionCount++;
    JoinedPrediction old = predictions.remove(entry.requestId());
    GroundTruth early = waiting.remove(entry.requestId());
    if (early != null) {
      joinedAfterWaiting++;
      entry = entry.withTruth(early.value(), early.arrivedAt());
    } else if (old != null && old.labeled()) {
      entry = entry.withTruth(old.truth().orElseThrow(), old.labeledAt().orElseThrow());
    }
    predictions.put(entry.requestId(), entry);
    if (entry.labeled()) {
      listener.joined(entry, Optional.ofNullable(old).filter(JoinedPrediction::labeled));
    }
    while (predictions.size() > config.maxPredictions()) {
      Iterator<JoinedPrediction> it = predictions.values().iterator();
      it.next();
      it.remove();
      evictedPredictions++;
    }
  }

  /** Adds a label: joins it, replaces an earlier one, or lets it wait for its prediction. */
  public synchronized void label(GroundTruth label) {
    labelCount++;
    JoinedPrediction p = predictions.get(label.requestId());
    if (p != null) {
      if (p.labeled()) {
        duplicates++;
      } else {
        joinedOnArrival++;
      }
      JoinedPrediction joined = p.withTruth(label.value(), label.arrivedAt());
      predictions.put(label.requestId(), joined);
      listener.joined(joined, Optional.of(p).filter(JoinedPrediction::labeled));
      return;
    }
    if (waiting.remove(label.requestId()) != null) {
      duplicates++;
    } else {
      waited++;
    }
    waiting.put(label.requestId(), label);
    while (waiting.size() > config.maxWaitingLabels()) {
      Iterator<GroundTruth> it = waiting.values().iterator();
      it.next();
      it.remove();
      discardedLabels++;
    }
  }

  /**
   * Drops what waited too long by the clock: predictions received before
   * {@code now - keepPredictionsFor} and labels that arrived before {@code now - labelGrace}.
   */
  public synchronized void expire() {
    Instant now = clock.instant();
    Instant predictionCutoff = now.minus(config.keepPredictionsFor());
    predictions.values().removeIf(p -> {
      boolean old = p.receivedAt().isBefore(predictionCutoff);
      if (old && !p.labeled()) {
        expiredPredictions++;
      }
      return old;
    });
    Instant labelCutoff = now.minus(config.labelGrace());
    waiting.values().removeIf(l -> {
      boolean old = l.arrivedAt().isBefore(labelCutoff);
      if (old) {
        discardedLabels++;
      }
      return old;
    });
  }

  /** Returns the held prediction with this id, labeled or not. */
  public synchronized Optional<JoinedPrediction> find(String requestId) {
    return Optional.ofNullable(predictions.get(requestId));
  }

  /** Returns the held predictions that have their label, in the order they were added. */
  public synchronized List<JoinedPrediction> joined() {
    return predictions.values().stream().filter(JoinedPrediction::labeled).toList();
  }

  /** Returns the held predictions still without a label. */
  public synchronized List<JoinedPrediction> unlabeled() {
    return predictions.values().stream().filter(p -> !p.labeled()).toList();
  }

  /** Returns the labels waiting for their prediction, in arrival order. */
  public synchronized List<GroundTruth> waitingLabels() {
    return List.copyOf(waiting.values());
  }

  /** Returns the counts so far. */
  public synchronized JoinCounts counts() {
    return new JoinCounts(predictionCount, labelCount, joinedOnArrival, duplicates, waited,
        joinedAfterWaiting, discardedLabels, expiredPredictions, evictedPredictions);
  }

  LabelJoinConfig config() {
    return config;
  }

  /** The state as {@link LabelJoinState} writes it; under the lock. */
  synchronized LabelJoinState.Snapshot snapshot() {
    return new LabelJoinState.Snapshot(counts(), new ArrayList<>(predictions.values()),
        new ArrayList<>(waiting.values()));
  }

  /** Replaces the state by a saved one; for {@link LabelJoinState#load}. */
  synchronized void restore(LabelJoinState.Snapshot s) {
    predictions.clear();
    waiting.clear();
    for (JoinedPrediction p : s.predictions()) {
      predictions.put(p.requestId(), p);
    }
    for (GroundTruth g : s.waiting()) {
      waiting.put(g.requestId(), g);
    }
    JoinCounts c = s.counts();
    predictionCount = c.predictions();
    labelCount = c.labels();
    joinedOnArrival = c.joinedOnArrival();
    duplicates = c.duplicates();
    waited = c.waited();
    joinedAfterWaiting = c.joinedAfterWaiting();
    discardedLabels = c.discardedLabels();
    expiredPredictions = c.expiredPredictions();
    evictedPredictions = c.evictedPredictions();
  }
}
