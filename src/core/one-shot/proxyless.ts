import { defineOneShot } from './entry';

export const proxyless = defineOneShot({
  id: 'proxyless',
  name: 'ProxylessNAS',
  title: 'ProxylessNAS (binarised paths)',
  blurb:
    'Keeps one sampled path per edge active, so memory is that of one network; learns α with a BinaryConnect-style gradient over two sampled paths, optionally with the expected measured latency in the loss (Cai et al. 2019).',
  readsAlpha: true,
  onePath: true,
  uses: ['archLearningRate', 'warmup', 'latencyWeight', 'latencyTarget'],
});
