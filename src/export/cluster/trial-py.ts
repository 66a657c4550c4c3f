/**
 * trial.py, shared by the Ray Tune and NNI projects: one trial of the exported search space, trained
 * under PyTorch on the exported data the way the playground trains (SGD with momentum 0.9 or Adam,
 * cosine schedule, L2 on kernels), reporting validation accuracy per epoch, and appending its result
 * to a JSON-lines file in the playground's trial format, which the page and `--import` read.
 */
export const TRIAL_PY = String.raw`import json
import math
import os
import time
import uuid

import numpy as np
import torch
import torch.nn.functional as F

from model import build_model
from search_space import DECISIONS, EXPERIMENT, genotype_of

HERE = os.path.dirname(os.path.abspath(__file__))
# One JSON object per finished trial, in the playground's trial format (drop it on the page, or --import it).
RESULTS = os.environ.get('NAS_RESULTS', os.path.join(HERE, 'results.jsonl'))


def load_data(path=os.path.join(HERE, 'data.npz')):
    """The experiment's prepared split: x is N x H x W x C (the playground's layout), y class indices."""
    d = np.load(path)
    to_torch = lambda x: torch.from_numpy(x.astype(np.float32)).permute(0, 3, 1, 2).contiguous()
    return to_torch(d['train_x']), torch.from_numpy(d['train_y'].astype(np.int64)), to_torch(d['val_x']), torch.from_numpy(d['val_y'].astype(np.int64))


def accuracy(model, x, y, batch=256):
    model.eval()
    with torch.no_grad():
        hits = sum((model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item() for i in range(0, len(x), batch))
    return hits / max(len(x), 1)


def run_trial(config, report, epochs=None, trial_id=None, origin='cluster', results=RESULTS):
    """Builds the sampled architecture, trains it, calls report(metrics) after every epoch; returns the trial record."""
    started = time.time()
    genotype, choices, training = genotype_of(config)
    epochs = epochs or training['epochs']
    torch.manual_seed(EXPERIMENT['seed'])
    model = build_model(genotype)
    train_x, train_y, val_x, val_y = load_data()
    decay, plain = [], []
    for p in model.parameters():
        (decay if p.dim() > 1 else plain).append(p)
    groups = [{'params': decay, 'weight_decay': training['weightDecay']}, {'params': plain, 'weight_decay': 0.0}]
    if training['optimizer'] == 'adam':
        opt = torch.optim.Adam(groups, lr=training['learningRate'])
    else:
        opt = torch.optim.SGD(groups, lr=training['learningRate'], momentum=0.9)
    steps = math.ceil(len(train_x) / training['batchSize'])
    schedule = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + math.cos(math.pi * s / max(steps * epochs, 1))))
    curve = []
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.randperm(len(train_x))
        loss_sum = 0.0
        for s in range(steps):
            idx = order[s * training['batchSize']:(s + 1) * training['batchSize']]
            loss = F.cross_entropy(model(train_x[idx]), train_y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            schedule.step()
            loss_sum += loss.item() * len(idx)
        acc = accuracy(model, val_x, val_y)
        curve.append({'epoch': epoch, 'loss': loss_sum / len(train_x), 'valAccuracy': acc})
        report({'accuracy': acc, 'epoch': epoch, 'loss': curve[-1]['loss']})
    record = {
        'format': 'nas-playground-trial',
        'version': 1,
        'trial': str(trial_id or uuid.uuid4().hex[:8]),
        'space': EXPERIMENT['space'],
        'input': EXPERIMENT['input'],
        'classes': EXPERIMENT['classes'],
        'choices': choices,
        'genotype': genotype,
        'accuracy': curve[-1]['valAccuracy'],
        'curve': curve,
        'params': sum(p.numel() for p in model.parameters()),
        'seconds': time.time() - started,
        'origin': origin,
    }
    with open(results, 'a') as f:
        f.write(json.dumps(record) + '\n')
    return record
`;

/** search_space.py: the decisions, and how a sampled configuration becomes a genotype and training settings. */
export function searchSpacePy(hpKeys: readonly string[]): string {
  return String.raw`"""The search space: one decision per architecture choice (and per training hyperparameter, with joint HPO)."""
import json
import os

from model import SETTINGS, from_choices

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, 'experiment.json')) as f:
    EXPERIMENT = json.load(f)

# Name and options of every decision, in the playground's order (a trial records the option indices).
DECISIONS = EXPERIMENT['decisions']
# Decisions that are training hyperparameters rather than architecture.
HYPERPARAMETERS = ${JSON.stringify(hpKeys)}


def genotype_of(config):
    """A sampled configuration (decision name -> option) as (genotype, option indices, training settings)."""
    choices = [d['options'].index(config[d['name']]) for d in DECISIONS]
    arch = [c for d, c in zip(DECISIONS, choices) if d['name'] not in HYPERPARAMETERS]
    training = dict(EXPERIMENT['training'])
    for d, c in zip(DECISIONS, choices):
        if d['name'] in HYPERPARAMETERS:
            training[d['name']] = d['options'][c]
    return from_choices(arch, SETTINGS, EXPERIMENT['vocabulary']), choices, training
`;
}
