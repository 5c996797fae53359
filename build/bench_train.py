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
                      "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE")}))


def openblas_core(env):
    """The kernel set OpenBLAS picks here ('Core: ...' of OPENBLAS_VERBOSE=2), or None."""
    import subprocess
    probe = subprocess.run([sys.executable, "-c", "import torch"], env=dict(env, OPENBLAS_VERBOSE="2"), capture_output=True, text=True)
    return next((line.split(":", 1)[1].strip() for line in (probe.stdout + probe.stderr).splitlines() if line.startswith("Core:")), None)


def cpu_flags():
    with open("/proc/cpuinfo") as info:
        return next((line.split(":", 1)[1].split() for line in info if line.startswith("flags")), [])


def main():
    if os.path.isdir(OPENBLAS) and OPENBLAS not in os.environ.get("LD_LIBRARY_PATH", ""):
        env = dict(os.environ, LD_LIBRARY_PATH=":".join([OPENBLAS] + [p for p in os.environ.get("LD_LIBRARY_PATH", "").split(":") if p]))
        # Debian's OpenBLAS 0.3.21 does not know newer CPUs (Emerald Rapids, model 207) and falls back to its SSE3
        # 'Prescott' kernels, 2.5-3x slower here: give PyTorch the kernels its CPU has, as a user tuning it would.
        if "OPENBLAS_CORETYPE" not in env and openblas_core(env) == "Prescott":
            flags = cpu_flags()
            core = "SKYLAKEX" if "avx512f" in flags else "HASWELL" if "avx2" in flags else None
            if core:
                env["OPENBLAS_CORETYPE"] = core
                if sys.argv[1] == "run":
                    print("# OpenBLAS detects this CPU as Prescott; running it with OPENBLAS_CORETYPE=" + core, file=sys.stderr)
        os.execve(sys.executable, [sys.executable] + sys.argv, env)
    if sys.argv[1] == "data":
        write_data(sys.argv[3] if len(sys.argv) > 3 else ".")
    else:
        threads = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else 2
        run(sys.argv[2], sys.argv[3], threads)


if __name__ == "__main__":
    main()
