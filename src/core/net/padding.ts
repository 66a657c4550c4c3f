/** Explicit padding amounts for 'same' as TensorFlow computes them (the extra pixel at the end). */
export function samePadding(size: number, k: number, stride: number, dilation = 1): [number, number] {
  const effK = (k - 1) * dilation + 1;
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + effK - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}
