#!/usr/bin/env bash
# The long fuzz job (minutes, not part of CI): the properties of the test suite's hostile-input tests over many more
# inputs. FUZZ_SCALE multiplies the sample counts (default 250: about 1,000,000 schedule texts).
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_SCALE="${FUZZ_SCALE:-250}"
dotnet test tests/ScheduleDsl.Tests --filter "FullyQualifiedName~HostileInputTests" --logger "console;verbosity=normal"
