#!/usr/bin/env bash
# What one scheduler step costs: ScheduleDriver.Step (ScheduleDsl.TorchSharp, BenchmarkDotNet on TorchSharp's own
# parameter-group objects, no libtorch needed) and PyTorch 1.13's OneCycleLR.step() (Debian's python3-torch), in one run
# on this machine. Both are steady-state averages per step. docs/performance.md reports the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project tests/ScheduleDsl.Benchmarks -- --filter '*TorchSharpDriver*' --job short 2>&1 | grep -E '^\|'
/usr/bin/python3 build/peers/scheduler_step.py
