import { defineOneShot } from './entry';

export const proxyless = defineOneShot({
  id: 'proxyless',
  name: 'ProxylessNAS',
  title: 'ProxylessNAS (binarised paths)',
  blurb:
    'Keeps one sampled path per edge active, so memory is that of one network; learns α with a BinaryConnect-style gradient over two sampled paths, optionally with the expected measured latency in the loss (Cai et al. 2019). On the mnas space, as the paper: each layer picks a MobileNetV2 block (kernel 3/5/7 × expansion 3/6) or zero, with a latency table of every block timed on this device.',
  readsAlpha: true,
  onePath: true,
  uses: ['archLearningRate', 'warmup', 'latencyWeight', 'latencyTarget'],
});
