#!/usr/bin/python3
"""The cost of PyTorch's scheduler.step() for OneCycleLR with cycle_momentum (the peer of ScheduleDriver.Step), per step,
averaged over 100,000 steps after 1,000 of warm-up, on one SGD parameter group. Run by build/scheduler-step-bench.sh."""
import time

import torch
from torch.optim import SGD, lr_scheduler

optimizer = SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1, momentum=0.9)
scheduler = lr_scheduler.OneCycleLR(optimizer, max_lr=0.1, total_steps=10**9)
optimizer.step()  # as a training loop does first; the scheduler warns otherwise
for _ in range(1000):
    scheduler.step()
n = 100_000
start = time.perf_counter()
for _ in range(n):
    scheduler.step()
elapsed = time.perf_counter() - start
print("PyTorch %s OneCycleLR(cycle_momentum=True).step(), one SGD group: %.0f ns per step" % (torch.__version__, elapsed / n * 1e9))
