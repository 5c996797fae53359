#!/usr/bin/python3
"""The PyTorch side of build/bench-train.sh: the same workloads as `schedule train`, timed per epoch.

    /usr/bin/python3 build/bench_train.py data --out DIR            # writes wide-train.csv / wide-test.csv
    /usr/bin/python3 build/bench_train.py run WORKLOAD DIR --threads 2   # one JSON line: seconds per epoch

Workloads mirror the CLI's runs exactly: the same CSV files (or the tutorial's 1,000 uniform samples), the same
network, batch, optimizer and rate, a reshuffle every epoch, and after every epoch a loss/accuracy pass over the
test set (the CLI validates every epoch too). PyTorch 1.13 is Debian's python3-torch; the BLAS is OpenMP OpenBLAS,
selected by re-executing with LD_LIBRARY_PATH as ../shared/peers/mlp_bench.py does.
"""
import json
import os
import sys
import time

OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-openmp"
WIDE_FEATURES = 784
WIDE_CLASSES = 10


def write_data(directory):
    import numpy as np
    rng = np.random.default_rng(0)
    weights = rng.standard_normal((WIDE_FEATURES, WIDE_CLASSES)).astype(np.float32)
    for name, count in (("wide-train.csv", 8192), ("wide-test.csv", 1024)):
        x = rng.standard_normal((count, WIDE_FEATURES)).astype(np.float32)
        labels = np.argmax(x @ weights + 0.5 * rng.standard_normal((count, WIDE_CLASSES)), axis=1)
        header = ",".join("f%d" % i for i in range(WIDE_FEATURES)) + ",label"
        rows = np.column_stack([np.round(x, 4), labels])
        np.savetxt(os.path.join(directory, name), rows, delimiter=",", header=header, comments="",
                   fmt=["%.4f"] * WIDE_FEATURES + ["%d"])


def load(path):
    import numpy as np
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32)
    return data[:, :-1].copy(), data[:, -1].astype(np.int64)


def run(workload, directory, threads):
    import numpy as np
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    if workload == "tutorial":
        rng = np.random.default_rng(0)
        x = rng.random((1000, 3), dtype=np.float32)
        y = rng.integers(0, 3, 1000)
        tx, ty = x[:100], y[:100]
        sizes, batch, epochs = [3, 9, 9, 9, 3], 50, 20
        make_optimizer = lambda p: torch.optim.SGD(p, lr=0.01)
    else:
        x, y = load(os.path.join(directory, "wide-train.csv"))
        tx, ty = load(os.path.join(directory, "wide-test.csv"))
        sizes, batch, epochs = [WIDE_FEATURES, 256, 256, WIDE_CLASSES], 128, 6
        make_optimizer = (lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9)) if workload == "wide-momentum" else (lambda p: torch.optim.Adam(p, lr=0.001))
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    optimizer = make_optimizer(model.parameters())
    loss_fn = torch.nn.CrossEntropyLoss()
    x, y, tx, ty = torch.from_numpy(x), torch.from_numpy(y), torch.from_numpy(tx), torch.from_numpy(ty)
    seconds = []
    for _ in range(epochs):
        start = time.perf_counter()
        order = torch.randperm(len(x))
        model.train()
        for b in range(0, len(x), batch):
            index = order[b:b + batch]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[index]), y[index])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            out = model(tx)
            loss_fn(out, ty).item()
            (out.argmax(1) == ty).float().mean().item()
        seconds.append(time.perf_counter() - start)
    blas = next((line.split()[-1] for line in open("/proc/self/maps") if "blas" in line and ".so" in line), "unknown")
    print(json.dumps({"workload": workload, "samples": len(x), "seconds": seconds, "torch": torch.__version__, "threads": threads, "blas": blas,
                      "openblas_coretype": os.environ.get("BENCH_OPENBLAS_CORE")}))


def openblas_core(env):
    """The kernel set OpenBLAS picks here ('Core: ...' of OPENBLAS_VERBOSE=2), or None."""
    import subprocess
    probe = subprocess.run([sys.executable, "-c", "import torch"], env=dict(env, OPENBLAS_VERBOSE="2"), capture_output=True, text=True)
    return next((line.split(":", 1)[1].strip() for line in (probe.stdout + probe.stderr).splitlines() if line.startswith("Core:")), None)


# Products of the shapes a training step runs (A·B and A·Bᵀ, sizes not multiples of the kernels' tiles) held to a float64
# reference: kernels that crash or compute wrong results on this CPU fail it.
KERNEL_CHECK = """
import torch
torch.manual_seed(1)
a, b, bt = torch.randn(250, 333), torch.randn(333, 131), torch.randn(131, 333)
worst = 0.0
for c, ref in ((a @ b, a.double() @ b.double()), (a @ bt.T, a.double() @ bt.double().T)):
    worst = max(worst, float((c.double() - ref).abs().max() / ref.abs().max()))
print("ok" if worst < 1e-5 else "wrong: %g" % worst)
"""


def kernels_correct(env):
    import subprocess
    probe = subprocess.run([sys.executable, "-c", KERNEL_CHECK], env=env, capture_output=True, text=True, timeout=300)
    return probe.returncode == 0 and probe.stdout.strip() == "ok"


def cpu_flags():
    with open("/proc/cpuinfo") as info:
        return next((line.split(":", 1)[1].split() for line in info if line.startswith("flags")), [])


FORCING = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def openblas_choice(env):
    """
    The kernels PyTorch gets: those OpenBLAS picks for this CPU itself, as a user tuning PyTorch would run it, once they
    are checked to compute correctly here. Machines of this workplace may force OPENBLAS_CORETYPE (with OPENBLAS_L2_SIZE)
    to an older kernel set because some OpenBLAS builds crash or compute wrong results on newer CPUs; on an AMD Zen 5 it
    forces Haswell's AVX2 kernels where OpenBLAS 0.3.21 picks Cooperlake's AVX-512 ones, which train 1.5x faster. Debian's
    OpenBLAS 0.3.21 also does not know some CPUs (Emerald Rapids, model 207) and falls back to its SSE3 'Prescott'
    kernels, 2.5-3x slower: then the widest kernels the CPU's flags allow. Returns (environment, core, note).
    """
    own = {k: v for k, v in env.items() if k not in FORCING}
    core = openblas_core(own)
    if core == "Prescott":
        flags = cpu_flags()
        core = "SkylakeX" if "avx512f" in flags else "Haswell" if "avx2" in flags else None
        if core:
            own["OPENBLAS_CORETYPE"] = core
    forced = {k: env[k] for k in FORCING if k in env}
    if own == env or core is None:
        return env, openblas_core(env), None
    if kernels_correct(own):
        return own, core, "OpenBLAS runs its %s kernels here%s; they compute correctly, so PyTorch gets them" % (
            core, " (the environment forces " + ", ".join("%s=%s" % kv for kv in forced.items()) + ")" if forced else "")
    return env, openblas_core(env), "OpenBLAS's %s kernels compute wrong results here; PyTorch keeps the environment's %s" % (
        core, ", ".join("%s=%s" % kv for kv in forced.items()) or "default")


def main():
    if os.path.isdir(OPENBLAS) and OPENBLAS not in os.environ.get("LD_LIBRARY_PATH", ""):
        env = dict(os.environ, LD_LIBRARY_PATH=":".join([OPENBLAS] + [p for p in os.environ.get("LD_LIBRARY_PATH", "").split(":") if p]))
        if sys.argv[1] != "run":
            os.execve(sys.executable, [sys.executable] + sys.argv, env)
        # The choice takes up to three probes of a few seconds each: made once per data directory, then read back.
        cache = os.path.join(sys.argv[3], "openblas-choice.json")
        if os.path.exists(cache):
            with open(cache) as saved:
                choice = json.load(saved)
        else:
            chosen, core, note = openblas_choice(env)
            choice = {"set": {k: chosen[k] for k in FORCING if k in chosen}, "core": core, "note": note}
            with open(cache, "w") as saved:
                json.dump(choice, saved)
            if note:
                print("# " + note, file=sys.stderr)
        env = {k: v for k, v in env.items() if k not in FORCING}
        env.update(choice["set"])
        env["BENCH_OPENBLAS_CORE"] = choice["core"] or "unknown"
        os.execve(sys.executable, [sys.executable] + sys.argv, env)
    if sys.argv[1] == "data":
        write_data(sys.argv[3] if len(sys.argv) > 3 else ".")
    else:
        threads = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else 2
        run(sys.argv[2], sys.argv[3], threads)


if __name__ == "__main__":
    main()
