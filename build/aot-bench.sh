#!/usr/bin/env bash
# Native AOT and the instruction set: publishes build/aot (the trainer on the tutorial network and on 784→256→256→10)
# without IlcInstructionSet, with x86-64-v3 (AVX2), x86-64-v4 (AVX-512) and native, and runs each, and the JIT build,
# twice in fresh processes. docs/performance.md reports the figures. Takes a few minutes (four AOT publishes).
set -euo pipefail
cd "$(dirname "$0")/.."
out="artifacts/aot-bench"
rm -rf "$out"
dotnet publish build/aot -c Release -o "$out/default" -nologo -v quiet
dotnet publish build/aot -c Release -p:IlcInstructionSet=x86-64-v3 -o "$out/x86-64-v3" -nologo -v quiet
if grep -qw avx512f /proc/cpuinfo; then
  dotnet publish build/aot -c Release -p:IlcInstructionSet=x86-64-v4 -o "$out/x86-64-v4" -nologo -v quiet
fi
dotnet publish build/aot -c Release -p:IlcInstructionSet=native -o "$out/native" -nologo -v quiet
dotnet build build/aot -c Release -o "$out/jit" -nologo -v quiet
for build in jit default x86-64-v3 x86-64-v4 native; do
  [[ -d "$out/$build" ]] || continue
  for run in 1 2; do
    if [[ $build == jit ]]; then line="$(dotnet "$out/jit/AotTrain.dll")"; else line="$("$out/$build/AotTrain")"; fi
    echo "$build: $line"
  done
done
