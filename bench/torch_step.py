"""The benchmark net of src/nn/step-bench.ts in PyTorch on this CPU: the reference for bench/train-step."""
import json
import sys
import time

import torch
from torch import nn

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 50
torch.manual_seed(0)
net = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(),
    nn.Conv2d(16, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(),
    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10),
)
opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
x = torch.rand(32, 1, 16, 16)
y = torch.randint(0, 10, (32,))
loss_fn = nn.CrossEntropyLoss()


def step():
    opt.zero_grad()
    loss = loss_fn(net(x), y)
    loss.backward()
    opt.step()
    return loss.item()


for _ in range(5):
    step()
start = time.perf_counter()
for _ in range(steps):
    step()
ms = (time.perf_counter() - start) * 1000 / steps
print(json.dumps({"msPerStep": ms, "threads": torch.get_num_threads(), "version": torch.__version__}))
