#!/usr/bin/env bash
# Reproduces every figure of BENCHMARKS.md: runs each benchmark group with the settings the table
# names, writing JMH's JSON and text output to mlops-benchmarks/results/GROUP.{json,txt} (the
# load average before and after each group is the text's first and last line), then draws the
# scaling plots into docs/benchmarks/ and, where Debian's python3-scipy and python3-sklearn are
# installed, times the Python peers on the same data into results/peers.md.
#
#   ./mvnw -B -q -o -pl mlops-benchmarks -am package -DskipTests
#   mlops-benchmarks/scripts/run-benchmarks.sh            # every group, about 20 minutes
#   mlops-benchmarks/scripts/run-benchmarks.sh drift-tests batching   # some groups
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=mlops-benchmarks/target/benchmarks.jar
OUT=mlops-benchmarks/results
mkdir -p "$OUT"

declare -A GROUPS_ARGS=(
  [drift-tests]="DriftTestBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1"
  [drift-report]="DriftReportBenchmark -f 1 -wi 1 -i 3 -jvmArgs -Xmx4g"
  [data]="ValidateBenchmark|InferSpecBenchmark|RecordValidationBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc"
  [csv]="CsvReadBenchmark -f 1 -wi 1 -i 2 -jvmArgs -Xmx2g"
  [labels]="KrippendorffAlphaBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1"
  [evaluation]="EvaluationBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1"
  [experiments]="MetricLoggingBenchmark|MlflowLoggingBenchmark|RunSearchBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1"
  [feedback]="PredictionLogBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc"
  [streaming]="StreamingDetectorBenchmark|KswinBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc"
  [profile]="ProfileBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc"
  [monitor]="MonitorOverheadBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc"
  [deployment]="RoutingBenchmark|ShadowOverheadBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc"
  [onnx]="OnnxOverheadBenchmark -f 1"
  [batching]="DynamicBatchingBenchmark|BatchingLimitsBenchmark -f 1"
  [batching-profile]="DynamicBatchingBenchmark -f 1 -bm thrpt -wi 1 -i 3 -w 1 -r 1 -prof perfnorm:events=context-switches,task-clock"
  [batching-1core]="DynamicBatchingBenchmark|BatchingLimitsBenchmark -f 1 -bm thrpt -wi 1 -i 3 -w 1 -r 1"
  [scaling]="ScalingBenchmark -f 1 -wi 1 -i 3 -w 1 -r 1"
)
# batching-profile needs Linux perf (software events only); batching-1core pins the JVM to one
# core with taskset, for the batching study's core-count comparison.
declare -A PREFIX=([batching-1core]="taskset -c 0")
ORDER=(drift-tests drift-report data csv labels evaluation experiments feedback streaming profile
  monitor deployment onnx batching batching-profile batching-1core scaling peers)

load() { cut -d' ' -f1-3 /proc/loadavg; }

run_group() {
  local group=$1
  if [ "$group" = peers ]; then
    java -cp "$JAR" dev.mlops.benchmarks.PeerDataWriter /tmp/mlops-peer-data
    if /usr/bin/python3 -c 'import scipy, sklearn' 2>/dev/null; then
      /usr/bin/python3 mlops-benchmarks/scripts/peers.py /tmp/mlops-peer-data | tee "$OUT/peers.md"
    else
      echo "peers: /usr/bin/python3 with scipy and scikit-learn not found (apt-get install python3-scipy python3-sklearn)"
    fi
    return
  fi
  local args=${GROUPS_ARGS[$group]:?unknown group $group}
  local regex=${args%% *}
  local rest=${args#* }
  local prefix=${PREFIX[$group]:-}
  echo "== $group: ${prefix:+$prefix }java -jar $JAR '$regex' $rest =="
  {
    echo "load average before: $(load)"
    # shellcheck disable=SC2086 # the prefix and the settings are words
    $prefix java -jar "$JAR" "$regex" $rest -rf json -rff "$OUT/$group.json"
    echo "load average after: $(load)"
  } 2>&1 | tee "$OUT/$group.txt"
  if [ "$group" = scaling ]; then
    java -cp "$JAR" dev.mlops.benchmarks.ScalingPlot "$OUT/scaling.json" docs/benchmarks \
      | tee "$OUT/scaling-exponents.md"
  fi
}

if [ $# -eq 0 ]; then
  set -- "${ORDER[@]}"
fi
failed=()
for group in "$@"; do
  run_group "$group" || failed+=("$group")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed groups: ${failed[*]}" >&2
  exit 1
fi
