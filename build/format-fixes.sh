#!/usr/bin/env bash
# The code fixes as `dotnet format` applies them to a whole project (not part of CI: it builds a project, ~1 minute).
# A project with four typos (LRS0002, one per schedule: after an unknown kernel the parser skips the rest of its phase,
# so a second typo there is found once the first is fixed) and two warmups from 0 (LRS0009, one written 'from 0'), plus
# an attribute-form warmup that has no text to edit: one run per diagnostic must fix every instance of it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/fixes.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/ScheduleDsl/ScheduleDsl.csproj" />
    <ProjectReference Include="$repo/src/ScheduleDsl.Generators/ScheduleDsl.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/src/ScheduleDsl.CodeFixes/ScheduleDsl.CodeFixes.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
PROJ
cat > "$work/Schedules.cs" <<'CS'
using ScheduleDsl;

[Schedule("lr 0.1: stpe 0.8 every 2")]
public partial struct A;

[Schedule("lr 0.1: step 0.8 evry 2")]
public partial struct F;

[Schedule("lr 0.1: warmup linear 5 -> cosnie 10 to 0.01")]
public partial struct B;

[Schedule("lr 0.1: warmup linear 5 from 0 -> constant")]
public partial struct C;

[Schedule("lr 0.1: Step 0.5 every 3")]
public partial struct D;

[Schedule(Lr = 0.1), Warmup(WarmupShape.Linear, 5), StepDecay(0.8, Every = 2)]
public partial struct E;
CS
cd "$work"
# One run per diagnostic: given both IDs at once, dotnet format drops some fixes (a different one from run to run).
dotnet format analyzers --diagnostics LRS0002 --severity info -v q
dotnet format analyzers --diagnostics LRS0009 --severity info -v q
expected='using ScheduleDsl;

[Schedule("lr 0.1: step 0.8 every 2")]
public partial struct A;

[Schedule("lr 0.1: step 0.8 every 2")]
public partial struct F;

[Schedule("lr 0.1: warmup linear 5 from 0.001 -> cosine 10 to 0.01")]
public partial struct B;

[Schedule("lr 0.1: warmup linear 5 from 0.001 -> constant")]
public partial struct C;

[Schedule("lr 0.1: step 0.5 every 3")]
public partial struct D;

[Schedule(Lr = 0.1), Warmup(WarmupShape.Linear, 5), StepDecay(0.8, Every = 2)]
public partial struct E;'
if [ "$(cat Schedules.cs)" == "$expected" ]; then
  echo "dotnet format: every LRS0002 and LRS0009 fixed, one run per diagnostic"
else
  echo "dotnet format left:"; diff <(echo "$expected") Schedules.cs || true
  exit 1
fi
