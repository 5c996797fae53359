#!/usr/bin/python3
"""Writes PyTorch's own learning-rate and momentum sequences for the parity tests (tests/ScheduleDsl.Tests/Fixtures).

Run with Debian's interpreter, which sees python3-torch 1.13:  /usr/bin/python3 build/peers/torch_sequences.py
Each case records, for t = 0 … n-1, the rate (and momentum or beta1) the optimizer holds when it takes step t, then
calls optimizer.step() and scheduler.step() (with the case's metric for ReduceLROnPlateau), as a training loop does.
"""
import json
import math
import os
import sys

import torch
from torch.optim import SGD, Adam, lr_scheduler

CASES = []


def case(name, text, n, make_optimizer, make_scheduler, metrics=None, channel="momentum"):
    CASES.append((name, text, n, make_optimizer, make_scheduler, metrics, channel))


def param():
    return [torch.nn.Parameter(torch.zeros(1))]


sgd = lambda lr=0.1: SGD(param(), lr=lr, momentum=0.9)
adam = lambda lr=0.001: Adam(param(), lr=lr, betas=(0.9, 0.999))

case("onecycle-defaults", "lr 0.1 per step: onecycle 0.1 over 100 momentum", 100, sgd,
     lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=100))
case("onecycle-adam-beta1", "lr 0.1 per step: onecycle 0.1 over 100 momentum", 100, adam,
     lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=100))
case("onecycle-three-phase-linear", "lr 0.1 per step: onecycle 0.1 over 100 warm 0.25 div 10 final-div 100 linear three-phase momentum 0.8 to 0.9", 100, sgd,
     lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=100, pct_start=0.25, div_factor=10, final_div_factor=100,
                                       anneal_strategy="linear", three_phase=True, base_momentum=0.8, max_momentum=0.9))
case("onecycle-no-momentum", "lr 0.1 per step: onecycle 0.1 over 100", 100, sgd,
     lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=100, cycle_momentum=False), channel=None)
case("cyclic-triangular2-momentum", "lr 0.006 per step: cyclic triangular2 0.001 to 0.006 up 20 momentum 0.8 to 0.9", 120, sgd,
     lambda o: lr_scheduler.CyclicLR(o, base_lr=0.001, max_lr=0.006, step_size_up=20, mode="triangular2", cycle_momentum=True, base_momentum=0.8, max_momentum=0.9))
case("cyclic-exp-range-asymmetric", "per step: cyclic exp-range 0.99 0.1 to 1 up 3 down 7 momentum", 60, lambda: SGD(param(), lr=1, momentum=0.9),
     lambda o: lr_scheduler.CyclicLR(o, base_lr=0.1, max_lr=1, step_size_up=3, step_size_down=7, mode="exp_range", gamma=0.99))
case("sgdr", "lr 0.05: restarts 10 mult 2 to 1e-4", 150, lambda: sgd(0.05),
     lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=10, T_mult=2, eta_min=1e-4), channel=None)
case("multistep", "lr 0.1: multistep 0.1 at 3, 7, 9", 15, sgd, lambda o: lr_scheduler.MultiStepLR(o, milestones=[3, 7, 9], gamma=0.1), channel=None)
case("polynomial", "lr 0.1: poly 10 power 2", 15, sgd, lambda o: lr_scheduler.PolynomialLR(o, total_iters=10, power=2), channel=None)
case("exponential", "lr 0.1: exp 0.9", 20, sgd, lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9), channel=None)

PLATEAU_METRICS = [1.0, 0.9, 0.95, 0.96, 0.97, 0.89, 0.9, 0.91, 0.92, 0.93, 0.94, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8,
                   0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8]
case("plateau-rel", "lr 0.1: plateau factor 0.5 patience 2 cooldown 1 floor 1e-3", 30, sgd,
     lambda o: lr_scheduler.ReduceLROnPlateau(o, factor=0.5, patience=2, cooldown=1, min_lr=1e-3), metrics=PLATEAU_METRICS, channel=None)
case("plateau-abs", "lr 0.1: plateau factor 0.5 patience 1 threshold 0.05 absolute", 30, sgd,
     lambda o: lr_scheduler.ReduceLROnPlateau(o, factor=0.5, patience=1, threshold=0.05, threshold_mode="abs"), metrics=PLATEAU_METRICS, channel=None)


def run(name, text, n, make_optimizer, make_scheduler, metrics, channel):
    torch.manual_seed(0)
    optimizer = make_optimizer()
    scheduler = make_scheduler(optimizer)
    rates, momenta = [], []
    for t in range(n):
        group = optimizer.param_groups[0]
        rates.append(group["lr"])
        if channel == "momentum":
            momenta.append(group["betas"][0] if "betas" in group else group["momentum"])
        optimizer.zero_grad()
        optimizer.step()
        if metrics is not None:
            scheduler.step(metrics[t])
        else:
            scheduler.step()
    out = {"name": name, "text": text, "lr": rates}
    if channel == "momentum":
        out["momentum"] = momenta
    if metrics is not None:
        out["metrics"] = metrics[:n]
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "..", "tests", "ScheduleDsl.Tests", "Fixtures", "torch-sequences.json")
    result = {"torch": torch.__version__, "cases": [run(*c) for c in CASES]}
    with open(target, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(target), "with", len(CASES), "cases from torch", torch.__version__)


if __name__ == "__main__":
    sys.exit(main())
