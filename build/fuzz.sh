#!/usr/bin/env bash
# The long fuzz job (minutes, not part of CI): the properties of the test suite's fuzz tests over many more inputs.
# FUZZ_SCALE multiplies the sample counts of the language properties (default 250: about 1,000,000 schedule texts);
# the generator-driver and CLI properties are slower per input and take their own scales.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${FUZZ_SCALE:-250}"
FUZZ_SCALE="$scale" dotnet test tests/ScheduleDsl.Tests --filter "FullyQualifiedName~HostileInputTests" --logger "console;verbosity=normal"
# 1,100 declarations per unit through the generator driver, the analyzer and a warnings-as-errors compilation.
FUZZ_SCALE="${GENERATOR_FUZZ_SCALE:-20}" dotnet test tests/ScheduleDsl.Generators.Tests --filter "FullyQualifiedName~GeneratorFuzzTests" --logger "console;verbosity=normal"
# 600 command lines per unit, in-process (at most 20 units).
FUZZ_SCALE="${CLI_FUZZ_SCALE:-20}" dotnet test tests/ScheduleDsl.Cli.Tests --filter "FullyQualifiedName~CliFuzzTests" --logger "console;verbosity=normal"
