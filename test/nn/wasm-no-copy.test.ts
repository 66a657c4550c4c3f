import { describe, expect, it } from 'vitest';
import { on, seeded, tf } from './helpers';

describe('wasm Identity and same-dtype Cast share memory instead of copying', () => {
  it('a clone keeps its values after the original is disposed, and the original after the clone is', async () => {
    await on('wasm');
    const x = seeded([4, 3], 'identity');
    const values = Array.from(x.dataSync());
    const y = tf.clone(x);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual(values);
    const z = tf.clone(y);
    y.dispose();
    expect(Array.from(z.dataSync())).toEqual(values);
    z.dispose();
  });

  it('a cast to float32 of float32 values keeps them; int32 to float32 still converts', async () => {
    await on('wasm');
    const x = seeded([6], 'cast');
    const same = tf.cast(x, 'float32');
    expect(Array.from(same.dataSync())).toEqual(Array.from(x.dataSync()));
    const ints = tf.tensor1d([1, -2, 3], 'int32');
    const floats = tf.cast(ints, 'float32');
    expect(floats.dtype).toBe('float32');
    expect(Array.from(floats.dataSync())).toEqual([1, -2, 3]);
    tf.dispose([x, same, ints, floats]);
  });

  it('gradients that save their inputs (clones) are those of the cpu backend', async () => {
    const grad = async (backend: 'cpu' | 'wasm') => {
      await on(backend);
      const x = seeded([2, 5], 'identity-grad');
      const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.relu(t), tf.square(t))))(x);
      const out = Array.from(await g.data());
      tf.dispose([x, g]);
      return out;
    };
    const cpu = await grad('cpu');
    expect(await grad('wasm')).toEqual(cpu);
  });

  it('leaks no tensor memory over a training-style gradient', async () => {
    await on('wasm');
    const w = tf.variable(seeded([3, 3], 'identity-leak'));
    const before = tf.memory().numBytes;
    for (let i = 0; i < 3; i++) {
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(tf.relu(w))) as tf.Scalar, [w]);
      tf.dispose([value, ...Object.values(grads)]);
    }
    expect(tf.memory().numBytes).toBe(before);
    w.dispose();
  });
});

describe('wasm Slice and SplitV read the heap in place', () => {
  it.each([
    [[5], [1], [3]],
    [
      [4, 6],
      [1, 2],
      [2, 3],
    ],
    [
      [3, 4, 5],
      [0, 1, 2],
      [3, 2, 2],
    ],
    [
      [2, 5, 4, 3],
      [1, 1, 0, 1],
      [1, 3, 4, 2],
    ],
    [
      [2, 5, 4, 3],
      [0, 2, 0, 0],
      [-1, 2, -1, -1],
    ],
  ])('slice of %j from %j, size %j is the cpu backend’s', async (shape, begin, size) => {
    const cut = async (backend: 'cpu' | 'wasm') => {
      await on(backend);
      const x = seeded(shape, `slice-${shape.join('x')}`);
      const y = tf.slice(x, begin, size);
      const out = { shape: y.shape, values: Array.from(await y.data()) };
      tf.dispose([x, y]);
      return out;
    };
    const cpu = await cut('cpu');
    expect(await cut('wasm')).toEqual(cpu);
  });

  it.each([0, 1, 3])('a split along axis %i is the cpu backend’s', async (axis) => {
    const parts = async (backend: 'cpu' | 'wasm') => {
      await on(backend);
      const x = seeded([4, 3, 2, 5], 'split');
      const sizes = axis === 3 ? [1, 3, 1] : axis === 0 ? [2, 1, 1] : [1, 2];
      const ys = tf.split(x, sizes, axis);
      const out = await Promise.all(ys.map(async (y) => ({ shape: y.shape, values: Array.from(await y.data()) })));
      tf.dispose([x, ...ys]);
      return out;
    };
    const cpu = await parts('cpu');
    expect(await parts('wasm')).toEqual(cpu);
  });
});

describe('wasm Concat copies short runs element by element', () => {
  it.each([
    [
      [
        [2, 3, 2, 1],
        [2, 3, 2, 4],
      ],
      3,
    ],
    [
      [
        [2, 3, 2, 5],
        [2, 1, 2, 5],
        [2, 2, 2, 5],
      ],
      1,
    ],
    [
      [
        [3, 70],
        [3, 2],
      ],
      1,
    ],
    [[[4], [0], [3]], 0],
  ])('concat of %j along axis %i is the cpu backend’s', async (shapes, axis) => {
    const joined = async (backend: 'cpu' | 'wasm') => {
      await on(backend);
      const xs = shapes.map((shape, i) => seeded(shape, `concat-${i}`));
      const y = tf.concat(xs, axis);
      const out = { shape: y.shape, values: Array.from(await y.data()) };
      tf.dispose([...xs, y]);
      return out;
    };
    const cpu = await joined('cpu');
    expect(await joined('wasm')).toEqual(cpu);
  });

  it('keeps int32 and bool values', async () => {
    await on('wasm');
    const ints = tf.concat([tf.tensor2d([[1, 2]], [1, 2], 'int32'), tf.tensor2d([[-3]], [1, 1], 'int32')], 1);
    expect(Array.from(ints.dataSync())).toEqual([1, 2, -3]);
    const bools = tf.concat([tf.tensor1d([true, false], 'bool'), tf.tensor1d([true], 'bool')]);
    expect(Array.from(bools.dataSync())).toEqual([1, 0, 1]);
    tf.dispose([ints, bools]);
  });
});
