import { PlaygroundError } from '../errors';
import type { MnasOpId } from '../ops/mnas';
import type { MnasGenotype, MnasSettings, MnasStage } from './mnas';

/**
 * ProxylessNAS's per-layer choices on the MnasNet-style space (Cai et al. 2019): a MobileNetV2
 * inverted-residual block (expansion 3 or 6, kernel 3, 5 or 7), or `zero`, which leaves the layer
 * out (its residual passes the input on). A stage searched this way has one choice per layer slot,
 * its base layer count plus one; the first slot changes width or stride, so it is never zero.
 */
export const MNAS_BLOCKS = ['mb3_k3', 'mb3_k5', 'mb3_k7', 'mb6_k3', 'mb6_k5', 'mb6_k7'] as const;
export type MnasBlockId = (typeof MNAS_BLOCKS)[number];
export type MnasBlock = MnasBlockId | 'zero';

/** The conv type and kernel of a block. */
export function blockParts(block: MnasBlockId): { conv: MnasOpId; kernel: number } {
  const m = /^mb(\d)_k(\d)$/.exec(block)!;
  return { conv: m[1] === '3' ? 'mbconv3' : 'mbconv6', kernel: Number(m[2]) };
}

/** Layer slots of stage `i` when searched per layer. */
export function blockSlots(settings: MnasSettings, i: number): number {
  return settings.baseLayers[i]! + 1;
}

/**
 * A stage given per layer. Its own conv and kernel are not read (each layer has its own); it keeps
 * the base width, no squeeze-and-excitation and identity skips wherever the shapes allow, as the
 * paper's MobileNetV2 blocks; `layers` records how many layers it kept, within the space's deltas.
 */
export function blockStage(settings: MnasSettings, i: number, blocks: readonly MnasBlock[]): MnasStage {
  const where = `MnasNet genotype: stage ${i + 1}'s blocks`;
  const advice = `Give ${blockSlots(settings, i)} of ${MNAS_BLOCKS.join(', ')} or zero, the first not zero.`;
  if (blocks.length !== blockSlots(settings, i))
    throw new PlaygroundError('invalid-genotype', `${where} are ${blocks.length}, not ${blockSlots(settings, i)}.`, advice);
  blocks.forEach((b, l) => {
    if (!(MNAS_BLOCKS as readonly string[]).includes(b) && (b !== 'zero' || l === 0))
      throw new PlaygroundError('invalid-genotype', `${where}: layer ${l + 1} is "${String(b)}".`, advice);
  });
  const kept = blocks.filter((b) => b !== 'zero').length;
  const layers = Math.max(-1, Math.min(1, kept - settings.baseLayers[i]!)) as MnasStage['layers'];
  return { conv: 'mbconv6', kernel: 3, se: 0, skip: 'identity', width: 1, layers, blocks: [...blocks] };
}

/** One concrete layer of a network of the space. */
export interface MnasLayer {
  conv: MnasOpId;
  kernel: number;
  se: number;
  skip: boolean;
  cout: number;
  stride: number;
}

/** Stage by stage, the layers a genotype builds: a stage's block repeated, or its kept per-layer blocks. */
export function mnasLayers(settings: MnasSettings, g: MnasGenotype, shape: (i: number, s: MnasStage) => { width: number; layers: number }): MnasLayer[][] {
  return g.stages.map((s, i) => {
    const { width, layers } = shape(i, s);
    const stride = (l: number) => (l === 0 ? settings.strides[i]! : 1);
    if (s.blocks) {
      return s.blocks.filter((b): b is MnasBlockId => b !== 'zero').map((b, l) => ({ ...blockParts(b), se: 0, skip: true, cout: width, stride: stride(l) }));
    }
    return Array.from({ length: layers }, (_, l) => ({
      conv: s.conv,
      kernel: s.kernel,
      se: s.se,
      skip: s.skip === 'identity',
      cout: width,
      stride: stride(l),
    }));
  });
}

export function encodeBlocks(blocks: readonly MnasBlock[]): string {
  return `blocks(${blocks.join(',')})`;
}

/** The blocks of an encoded stage, or null when it is not written per layer. */
export function decodeBlocks(text: string): MnasBlock[] | null {
  const m = /^blocks\(([\w,]+)\)$/.exec(text.trim());
  return m ? (m[1]!.split(',') as MnasBlock[]) : null;
}
