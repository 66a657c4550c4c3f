/** Visual constants shared by every view: one colour per operation, the same in every space. */
export const OP_COLORS: Record<string, string> = {
  conv3x3: '#2563eb',
  nor_conv_3x3: '#2563eb',
  conv5x5: '#7c3aed',
  conv1x1: '#0891b2',
  nor_conv_1x1: '#0891b2',
  max_pool3x3: '#dc2626',
  avg_pool3x3: '#ea580c',
  avg_pool_3x3: '#ea580c',
  identity: '#64748b',
  skip_connect: '#64748b',
  none: '#cbd5e1',
  max_pool_3x3: '#dc2626',
  sep_conv_3x3: '#2563eb',
  sep_conv_5x5: '#7c3aed',
  sep_conv_7x7: '#a21caf',
  dil_conv_3x3: '#0d9488',
  dil_conv_5x5: '#15803d',
  conv_7x1_1x7: '#b45309',
  conv: '#2563eb',
  sepconv: '#0891b2',
  mbconv: '#7c3aed',
  input: '#0f172a',
  output: '#0f172a',
  node: '#334155',
};

export const OP_LABELS: Record<string, string> = {
  conv3x3: 'conv 3×3',
  conv5x5: 'conv 5×5',
  conv1x1: 'conv 1×1',
  max_pool3x3: 'max pool 3×3',
  avg_pool3x3: 'avg pool 3×3',
  identity: 'identity',
  nor_conv_3x3: 'conv 3×3',
  nor_conv_1x1: 'conv 1×1',
  avg_pool_3x3: 'avg pool 3×3',
  skip_connect: 'skip',
  none: 'none',
  max_pool_3x3: 'max pool 3×3',
  sep_conv_3x3: 'sep conv 3×3',
  sep_conv_5x5: 'sep conv 5×5',
  sep_conv_7x7: 'sep conv 7×7',
  dil_conv_3x3: 'dil conv 3×3',
  dil_conv_5x5: 'dil conv 5×5',
  conv_7x1_1x7: 'conv 1×7+7×1',
};

export function opColor(op: string | undefined): string {
  return (op && OP_COLORS[op]) || '#475569';
}

export function opLabel(op: string): string {
  return OP_LABELS[op] ?? op;
}

export const CHART = {
  point: '#2563eb',
  best: '#16a34a',
  grid: '#e2e8f0',
  text: '#334155',
  font: '15px',
};

