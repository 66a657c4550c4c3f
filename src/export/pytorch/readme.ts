import type { TrainedModel } from '../../core/net/index';

export const PREDICT_PY = String.raw`"""python3 predict.py in.npy out.npy

Maps a float32 batch in the playground's layout, N x H x W x C (one example H x W x C also works),
to the model's logits, N x classes, saved as float32. Apply a softmax for probabilities.
"""
import sys

import numpy as np
import torch

from model import load_model


def predict(x):
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 3:
        x = x[None]
    with torch.no_grad():
        return load_model()(torch.from_numpy(x).permute(0, 3, 1, 2).contiguous()).numpy()


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: python3 predict.py in.npy out.npy')
    np.save(sys.argv[2], predict(np.load(sys.argv[1])).astype(np.float32))
`;

/** The download's README: what is in it, how to predict, how to fine-tune. */
export function pytorchReadme(model: TrainedModel): string {
  const { graph, about } = model;
  const { height, width, channels } = graph.input;
  return `# ${about.space} network from NAS Playground

Found by a search on ${about.dataset}: trial ${about.trial + 1} (${about.origin}), ${(about.accuracy * 100).toFixed(2)} % validation accuracy.
Genotype: \`${about.encoded}\`

| file | what |
| --- | --- |
| \`genotype.py\` | the architecture as plain data (\`GENOTYPE\`) |
| \`ops.py\` | every op of the search space as a PyTorch module |
| \`model.py\` | the network built from the genotype, \`build_model()\`, \`load_model()\` |
| \`weights.npz\` | the trained weights, one numpy array per \`state_dict\` key |
| \`predict.py\` | \`python3 predict.py in.npy out.npy\`: float32 N × ${height} × ${width} × ${channels} → logits N × ${graph.classes} |

Needs only \`torch\` and \`numpy\`. Inputs are prepared as the playground prepares them (pixels scaled
to 0..1; table columns as its data panel prepared them). The network takes N × C × H × W;
\`predict.py\` takes the playground's N × H × W × C and transposes it. Classes, in logit order:
${about.classNames.map((c, i) => `${i}: ${c}`).join(', ')}.

## Fine-tune

\`\`\`python
import torch
from model import load_model

model = load_model().train()          # trained weights, batch norm back in training mode
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=3e-4)
for x, y in loader:                   # x: N x ${channels} x ${height} x ${width} float32, y: class indices
    loss = torch.nn.functional.cross_entropy(model(x), y)
    opt.zero_grad(); loss.backward(); opt.step()
torch.save(model.state_dict(), 'finetuned.pt')
\`\`\`

To train the same architecture from scratch, use \`build_model()\` instead of \`load_model()\`; to change the
number of classes, \`build_model(classes=K)\` and load the weights of everything but \`head.classifier\`.
`;
}
