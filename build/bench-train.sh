#!/usr/bin/env bash
# End-to-end training throughput as users see it: fresh `schedule train` processes beside PyTorch 1.13 on the same
# workloads in the same run. Needs Debian's python3-torch and libopenblas0-openmp (apt-get install python3-torch
# libopenblas0-openmp). Prints seconds per epoch (the first epoch apart), samples per second and the ratios.
#
#   bash build/bench-train.sh [REPEATS]        (default 3 fresh processes per workload and side)
#
# Extra variants of ours run with EXTRA_ENV, e.g. EXTRA_ENV="DOTNET_TieredCompilation=0" bash build/bench-train.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build src/ScheduleDsl.Cli -c Release -nologo -v quiet >/dev/null
cli="src/ScheduleDsl.Cli/bin/Release/net10.0/schedule.dll"
/usr/bin/python3 build/bench_train.py data --out "$work"

declare -A args=(
  [tutorial]="--tutorial-data --epochs 20 --batch 50 --optimizer sgd --lr 0.01"
  [wide-momentum]="--data $work/wide-train.csv --test $work/wide-test.csv --layers 256,256 --batch 128 --epochs 6 --optimizer momentum --lr 0.01"
  [wide-adam]="--data $work/wide-train.csv --test $work/wide-test.csv --layers 256,256 --batch 128 --epochs 6 --optimizer adam --lr 0.001"
)
samples() { [ "$1" = tutorial ] && echo 1000 || echo 8192; }

summary() { # name samples json-files… -> "first median samples/s"
  /usr/bin/python3 - "$@" <<'PY'
import json, statistics, sys
name, samples, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
firsts, rest, all_ = [], [], []
for f in files:
    d = json.load(open(f))
    s = [e["seconds"] for e in d["epochs"]] if "epochs" in d else d["seconds"]
    firsts.append(s[0]); rest.extend(s[1:]); all_.extend(s)
print("%.5f %.5f %.0f %.0f" % (statistics.median(firsts), statistics.median(rest), samples / statistics.median(rest), samples / statistics.median(all_)))
PY
}

# Each of our runs is paired with the PyTorch run right after it: the shared machine's slow phases last seconds, so a
# pair is more alike than two runs a minute apart. "paired" is the median (and range) of the pairs' ratios of median
# epochs, the first included.
paired() { # ours-files… -- theirs-files…
  /usr/bin/python3 - "$@" <<'PY'
import json, statistics, sys
args = sys.argv[1:]; cut = args.index("--"); ours, theirs = args[:cut], args[cut + 1:]
def median_epoch(f):
    d = json.load(open(f))
    return statistics.median([e["seconds"] for e in d["epochs"]] if "epochs" in d else d["seconds"])
pairs = [(median_epoch(o), median_epoch(t)) for o, t in zip(ours, theirs)]
ratios = sorted(t / o for o, t in pairs)
print("%.2fx (%.2f-%.2f)" % (statistics.median(ratios), ratios[0], ratios[-1]))
# Each pair's median epochs, ours/theirs in ms, on stderr: which runs were slow, and on which side.
print("  pairs (ours/PyTorch ms): " + " ".join("%.2f/%.2f" % (o * 1e3, t * 1e3) for o, t in pairs), file=sys.stderr)
PY
}

printf '%-14s | %-40s | %-12s | %-12s | %-14s | %-14s | %s\n' workload side "1st epoch s" "median s" "samples/s" "incl. 1st" "ratio"
for w in tutorial wide-momentum wide-adam; do
  ours=(); theirs=()
  for r in $(seq "$repeats"); do
    env ${EXTRA_ENV:-} dotnet "$cli" train ${args[$w]} --quiet --history-json "$work/$w-ours-$r.json" >/dev/null
    ours+=("$work/$w-ours-$r.json")
    /usr/bin/python3 build/bench_train.py run "$w" "$work" --threads 2 > "$work/$w-torch-$r.json"
    theirs+=("$work/$w-torch-$r.json")
  done
  read -r of om os oa <<<"$(summary "$w" "$(samples "$w")" "${ours[@]}")"
  read -r tf tm ts ta <<<"$(summary "$w" "$(samples "$w")" "${theirs[@]}")"
  printf '%-14s | %-40s | %-12s | %-12s | %-14s | %-14s | %s\n' "$w" "ScheduleDsl ${EXTRA_ENV:-}" "$of" "$om" "$os" "$oa" "$(/usr/bin/python3 -c "print('%.2fx (incl. 1st: %.2fx)' % ($os / $ts, $oa / $ta))"); paired $(paired "${ours[@]}" -- "${theirs[@]}")"
  printf '%-14s | %-40s | %-12s | %-12s | %-14s | %-14s |\n' "$w" "PyTorch $(/usr/bin/python3 -c "import json;d=json.load(open('${theirs[0]}'));print(d['torch'], d['threads'], 'threads', ('OpenBLAS ' + d['openblas_coretype']) if d.get('openblas_coretype') else '')")" "$tf" "$tm" "$ts" "$ta"
done
