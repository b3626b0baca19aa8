package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.testkit.model.FakeModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MlopsTest
class MlopsExtensionTest {
  private TestClock clockSeenBeforeEach;

  @BeforeEach
  void setUp(TestClock clock) {
    clockSeenBeforeEach = clock;
  }

  @Test
  void injectsOneClockPerTestAtTheDefaultStart(TestClock clock, TestClock again) {
    assertThat(clock).isSameAs(again).isSameAs(clockSeenBeforeEach);
    assertThat(clock.instant()).isEqualTo(Instant.parse(TestClock.DEFAULT_START));
    assertThat(clock.monotonicTime()).isEqualTo(TestClock.MONOTONIC_START);
  }

  @Test
  void injectsEmptySeparateDirectories(@ExperimentStore Path store, @PredictionLog Path log,
      @ExperimentStore Path sameStore) throws Exception {
    assertThat(store).isSameAs(sameStore).isDirectory().isEmptyDirectory();
    assertThat(log).isDirectory().isEmptyDirectory().isNotEqualTo(store);
  }

  @Test
  void aTestThatClosesWhatItTrackedPasses() {
    KitRunner.Result result = KitRunner.run(ClosesItsModel.class);
    assertThat(result.succeeded()).isEqualTo(1);
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void aTestThatLeavesAModelOpenFailsAndTheModelIsClosedAnyway() {
    KitRunner.Result result = KitRunner.run(LeavesItsModelOpen.class);
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.failures()).singleElement().asString()
        .contains("left open at the end of the test")
        .contains("model 'churn' v7");
    assertThat(LeavesItsModelOpen.model.get().isClosed()).isTrue();
  }

  @Test
  void aLeakOfAnyResourceIsFoundThroughItsPredicate() {
    assertThat(KitRunner.run(LeavesAStoreOpen.class).failures()).singleElement().asString().contains("store-handle");
  }

  @Test
  void theDirectoriesAreDeletedAfterTheTest() {
    KitRunner.run(WritesIntoItsDirectories.class);
    Path store = WritesIntoItsDirectories.store.get();
    assertThat(store).isNotNull();
    assertThat(Files.exists(store)).isFalse();
    assertThat(Files.exists(store.getParent())).isFalse();
  }

  @MlopsTest
  static class ClosesItsModel {
    @Test
    void closes(TestResources resources, TestClock clock) {
      FakeModel m = resources.track(FakeModel.classifier("churn", "no", "yes").version("v7")
          .otherwiseLabel("no").latency(Duration.ofMillis(3), clock).build());
      m.close();
    }
  }

  @MlopsTest
  static class LeavesItsModelOpen {
    static final AtomicReference<FakeModel> model = new AtomicReference<>();

    @Test
    void leaves(TestResources resources) {
      model.set(resources.track(FakeModel.classifier("churn", "no", "yes").version("v7").build()));
    }
  }

  @MlopsTest
  static class LeavesAStoreOpen {
    @Test
    void leaves(TestResources resources) {
      Handle h = resources.track(new Handle(), Handle::closed);
      assertThat(h.closed()).isFalse();
    }
  }

  @MlopsTest
  static class WritesIntoItsDirectories {
    static final AtomicReference<Path> store = new AtomicReference<>();

    @Test
    void writes(@ExperimentStore Path dir, @PredictionLog Path log) throws Exception {
      store.set(dir);
      Files.writeString(dir.resolve("run.json"), "{}");
      Files.createDirectories(log.resolve("2026/01"));
      Files.writeString(log.resolve("2026/01/part.jsonl"), "{}\n");
    }
  }

  /** A resource whose closed state is visible. */
  static final class Handle implements AutoCloseable {
    private boolean closed;

    boolean closed() {
      return closed;
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public String toString() {
      return "store-handle";
    }
  }

  @Test
  void closeAfterResourcesAreClosedWithoutALeakCheck() {
    TestResources resources = new TestResources();
    Handle h = resources.closeAfter(new Handle());
    assertThat(resources.leaks()).isEmpty();
    assertThat(resources.closeAll()).isEmpty();
    assertThat(h.closed()).isTrue();
  }

  @Test
  void closingStopsAtNoFailure() {
    TestResources resources = new TestResources();
    Handle last = new Handle();
    resources.closeAfter(last);
    resources.closeAfter(() -> {
      throw new IllegalStateException("boom");
    });
    List<Exception> failures = resources.closeAll();
    assertThat(failures).singleElement().extracting(Exception::getMessage).isEqualTo("boom");
    assertThat(last.closed()).isTrue();
  }
}
