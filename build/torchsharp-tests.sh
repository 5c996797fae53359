#!/usr/bin/env bash
# The ScheduleDsl.TorchSharp tests that load the real libtorch (tests/ScheduleDsl.TorchSharp.LibTorchTests): PyTorch's
# sequences from a driven TorchSharp optimizer, a training run that resumes bit for bit, and the cost of a step.
# TorchSharp 0.107.0's native library needs GLIBCXX_3.4.32 (the libstdc++ of GCC 13+): Ubuntu 24.04+, Debian 13+,
# Windows and macOS have it; Debian 12 does not. On a machine without it this script says so and exits 2, instead of
# TorchSharp's misleading "doesn't contain a reference to libtorch-cpu-linux-x64" message. (The tests that need no
# libtorch run in `dotnet test` everywhere.)
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "$(uname -s)" == Linux ]]; then
    libstdcxx=""
    for candidate in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6; do
        if [[ -e "$candidate" ]]; then libstdcxx="$(readlink -f "$candidate")"; break; fi
    done
    if [[ -z "$libstdcxx" ]]; then
        echo "cannot run here: no libstdc++.so.6 found; TorchSharp's native library needs one with GLIBCXX_3.4.32 (GCC 13+)." >&2
        exit 2
    fi
    if ! grep -qa 'GLIBCXX_3\.4\.32' "$libstdcxx"; then
        newest="$(grep -ao 'GLIBCXX_3\.4\.[0-9]*' "$libstdcxx" | sort -t. -k3 -n | tail -1)"
        echo "cannot run here: TorchSharp 0.107.0's native library (libLibTorchSharp.so) needs GLIBCXX_3.4.32, the libstdc++ of GCC 13 or later;" >&2
        echo "this machine's $libstdcxx provides up to $newest. Run this script on Ubuntu 24.04+, Debian 13+, Windows or macOS." >&2
        echo "(The driver's tests without libtorch, tests/ScheduleDsl.TorchSharp.Tests, run in 'dotnet test' here.)" >&2
        exit 2
    fi
fi

dotnet test tests/ScheduleDsl.TorchSharp.LibTorchTests --logger "console;verbosity=normal"
