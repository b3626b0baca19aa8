package dev.mlops.onnx;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Schedules the termination of a run that exceeds its timeout. The default uses one shared daemon
 * thread; tests pass their own to fire terminations deterministically.
 */
interface Timeouts {

  /** Runs {@code terminate} after {@code timeout} unless the returned handle is cancelled first. */
  Cancellable schedule(Duration timeout, Runnable terminate);

  /** A scheduled termination. */
  interface Cancellable {
    void cancel();
  }

  /** The shared scheduler: one daemon thread for every model, created on first use. */
  static Timeouts shared() {
    return Shared.INSTANCE;
  }

  /** Holder so that models without a timeout never start the thread. */
  final class Shared implements Timeouts {
    static final Shared INSTANCE = new Shared();
    private final ScheduledThreadPoolExecutor executor;

    private Shared() {
      executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "mlops-onnx-timeouts");
        t.setDaemon(true);
        return t;
      });
      executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Cancellable schedule(Duration timeout, Runnable terminate) {
      var future = executor.schedule(terminate, timeout.toNanos(), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    }
  }
}
