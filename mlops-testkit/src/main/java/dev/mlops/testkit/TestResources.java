package dev.mlops.testkit;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a test opened, so that {@link MlopsExtension} can fail the test when something was left
 * open and then close it anyway. {@link #track} registers a resource the test itself must close
 * (the leak check); {@link #closeAfter} registers one the extension closes for the test, without
 * a check, as {@code @TempDir} deletes its directory.
 *
 * <p>A tracked {@link Model} is closed when a call fails as {@link Model}'s contract says a call
 * after {@code close()} does ({@link FailureKind#CLOSED}, or {@link IllegalStateException} from
 * older implementations); the check predicts an empty record once. Any other resource is tracked
 * with a predicate that says whether it is closed.
 *
 * <p>Thread-safe: a test's threads may register concurrently.
 */
public final class TestResources {
  /** A registered resource; {@code closed} is null for one the extension closes unchecked. */
  private record Entry(AutoCloseable resource, String description, Predicate<AutoCloseable> closed) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Creates an empty registry; {@link MlopsExtension} makes one per test. */
  public TestResources() {}

  /**
   * Registers a model that the test must close before it ends.
   *
   * @return {@code model}, for chaining
   */
  public <T extends Model> T track(T model) {
    Objects.requireNonNull(model, "model");
    return add(model, "model '" + model.name() + "' " + model.version(), m -> isClosed((Model) m));
  }

  /**
   * Registers a resource that the test must close before it ends.
   *
   * @param resource the resource
   * @param isClosed says whether it has been closed
   * @return {@code resource}, for chaining
   */
  public <T extends AutoCloseable> T track(T resource, Predicate<? super T> isClosed) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(isClosed, "isClosed");
    @SuppressWarnings("unchecked")
    Predicate<AutoCloseable> check = r -> isClosed.test((T) r);
    return add(resource, resource.toString(), check);
  }

  /**
   * Registers a resource that the extension closes after the test, with no leak check.
   *
   * @return {@code resource}, for chaining
   */
  public <T extends AutoCloseable> T closeAfter(T resource) {
    Objects.requireNonNull(resource, "resource");
    return add(resource, resource.toString(), null);
  }

  private synchronized <T extends AutoCloseable> T add(
      T resource, String description, Predicate<AutoCloseable> closed) {
    entries.add(new Entry(resource, description, closed));
    return resource;
  }

  /** Returns a description of each tracked resource that is still open, in registration order. */
  public synchronized List<String> leaks() {
    List<String> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.closed() != null && !e.closed().test(e.resource())) {
        out.add(e.description());
      }
    }
    return out;
  }

  /**
   * Closes every registered resource, the last registered first; a resource that throws does not
   * stop the others.
   *
   * @return what the resources threw, in closing order
   */
  public synchronized List<Exception> closeAll() {
    List<Exception> failures = new ArrayList<>();
    for (int i = entries.size() - 1; i >= 0; i--) {
      try {
        entries.get(i).resource().close();
      } catch (Exception e) {
        failures.add(e);
      }
    }
    entries.clear();
    return failures;
  }

  private static boolean isClosed(Model model) {
    try {
      model.predict(Record.of(Map.of()));
      return false;
    } catch (ModelInferenceException e) {
      return e.kind() == FailureKind.CLOSED;
    } catch (IllegalStateException e) {
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
