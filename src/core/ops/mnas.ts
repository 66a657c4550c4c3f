import type { Cost } from '../space/types';
import type { OpInfo } from './types';

export interface MnasOpInfo extends OpInfo {
  /**
   * A full k × k conv-BN-ReLU, or a depthwise-separable block: a pointwise expansion to
   * `expansion` × the input channels (none at 1), depthwise k × k, optional squeeze-and-excitation,
   * pointwise projection, each conv with its BN.
   */
  body: 'conv' | 'separable';
  expansion: number;
}

/** MnasNet's conv types (Tan et al. 2019); the kernel, SE and skip are other decisions of a stage. */
export const MNAS_OP_TABLE = {
  conv: { label: 'Conv', color: '#2563eb', parameterFree: false, body: 'conv', expansion: 1 },
  sepconv: { label: 'SepConv', color: '#0891b2', parameterFree: false, body: 'separable', expansion: 1 },
  mbconv1: { label: 'MBConv1', color: '#a78bfa', parameterFree: false, body: 'separable', expansion: 1 },
  mbconv3: { label: 'MBConv3', color: '#7c3aed', parameterFree: false, body: 'separable', expansion: 3 },
  mbconv6: { label: 'MBConv6', color: '#5b21b6', parameterFree: false, body: 'separable', expansion: 6 },
} as const satisfies Record<string, MnasOpInfo>;

export type MnasOpId = keyof typeof MNAS_OP_TABLE;

export interface MnasBlockShape {
  cin: number;
  cout: number;
  height: number;
  width: number;
  stride: number;
  kernel: number;
  /** Squeeze-and-excitation ratio of the input channels; 0 for none. */
  se: number;
}

/** Parameters and multiply–accumulates of one layer of a stage; the expansion runs at the input size, the rest at the output's. */
export function mnasBlockCost(op: MnasOpInfo, { cin, cout, height, width, stride, kernel, se }: MnasBlockShape): Cost {
  const out = Math.ceil(height / stride) * Math.ceil(width / stride);
  const k2 = kernel * kernel;
  if (op.body === 'conv') return { params: k2 * cin * cout + 2 * cout, flops: k2 * cin * cout * out };
  const mid = cin * op.expansion;
  let params = 0;
  let flops = 0;
  if (op.expansion > 1) {
    params += cin * mid + 2 * mid;
    flops += cin * mid * height * width;
  }
  params += k2 * mid + 2 * mid;
  flops += k2 * mid * out;
  if (se > 0) {
    const squeeze = Math.max(1, Math.floor(cin * se));
    params += mid * squeeze + squeeze + squeeze * mid + mid;
    flops += 2 * mid * squeeze;
  }
  params += mid * cout + 2 * cout;
  flops += mid * cout * out;
  return { params, flops };
}
