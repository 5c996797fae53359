#!/usr/bin/env bash
# Runs the BenchmarkDotNet suites (schedule evaluation: generated vs interpreted vs hand-written; the generator on
# 1,000 schedules). Results land in BenchmarkDotNet.Artifacts/results; docs/performance.md records them.
# Usage: build/bench.sh [BenchmarkDotNet arguments, default --filter '*']
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--filter '*')
dotnet run -c Release --project tests/ScheduleDsl.Benchmarks -- "${args[@]}"
