import { defineDataset } from './entry';

/** Standard image sets fetched at run time from their usual public mirrors, checked and cached on the device. */

export const mnist = defineDataset({
  id: 'mnist',
  title: 'MNIST (28×28, 10 classes; downloads 10 MB once)',
  blurb: '70 000 handwritten digits, 28 × 28.',
  kind: 'image',
  input: { kind: 'image', shape: { height: 28, width: 28, channels: 1 } },
  downloaded: true,
  source: { kind: 'download' },
});

export const fashionMnist = defineDataset({
  id: 'fashion_mnist',
  title: 'Fashion-MNIST (28×28, 10 classes; downloads 26 MB once)',
  blurb: '70 000 pictures of clothes in ten classes, 28 × 28.',
  kind: 'image',
  input: { kind: 'image', shape: { height: 28, width: 28, channels: 1 } },
  downloaded: true,
  source: { kind: 'download' },
});

export const cifar10Images = defineDataset({
  id: 'cifar10_images',
  title: 'CIFAR-10 images (32×32 colour; downloads 162 MB once)',
  blurb: '60 000 small colour photographs in ten classes, 32 × 32.',
  kind: 'image',
  input: { kind: 'image', shape: { height: 32, width: 32, channels: 3 } },
  downloaded: true,
  source: { kind: 'download' },
});
