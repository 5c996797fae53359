#!/usr/bin/env bash
# Packs the four packages into artifacts/packages (Release): ScheduleDsl (runtime, generator, analyzers, code
# fixes), ScheduleDsl.Training (the trainer), ScheduleDsl.TorchSharp (schedules driving TorchSharp optimizers) and
# ScheduleDsl.Cli (the `schedule` tool). docs/install.md says how to
# use the folder as a package source.
#   bash build/pack.sh [VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."
out="artifacts/packages"
mkdir -p "$out"
version=()
[ $# -gt 0 ] && version=("-p:PackageVersion=$1")
dotnet build src/ScheduleDsl.CodeFixes -c Release -nologo -v quiet
for project in src/ScheduleDsl src/ScheduleDsl.Training src/ScheduleDsl.TorchSharp src/ScheduleDsl.Cli; do
  dotnet pack "$project" -c Release -o "$out" -nologo -v quiet "${version[@]}"
done
ls -la "$out"
