import type { CellGenotype, CellSettings } from './cell';

/**
 * Published cells as literal genotypes (as quark0/darts lists them): presets for the page and
 * fixtures for the tests. Each names the space settings it needs.
 */
export interface CellPreset {
  id: string;
  title: string;
  source: string;
  settings: Pick<CellSettings, 'nodes' | 'ops' | 'concat'>;
  genotype: CellGenotype;
}

export const NASNET_A: CellPreset = {
  id: 'nasnet-a',
  title: 'NASNet-A',
  source: 'Zoph et al. 2018 (RL search)',
  settings: { nodes: 5, ops: 'nasnet', concat: 'unused' },
  genotype: {
    normal: {
      edges: [
        ['sep_conv_5x5', 1],
        ['sep_conv_3x3', 0],
        ['sep_conv_5x5', 0],
        ['sep_conv_3x3', 0],
        ['avg_pool_3x3', 1],
        ['skip_connect', 0],
        ['avg_pool_3x3', 0],
        ['avg_pool_3x3', 0],
        ['sep_conv_3x3', 1],
        ['skip_connect', 1],
      ],
      concat: [2, 3, 4, 5, 6],
    },
    reduce: {
      edges: [
        ['sep_conv_5x5', 1],
        ['sep_conv_7x7', 0],
        ['max_pool_3x3', 1],
        ['sep_conv_7x7', 0],
        ['avg_pool_3x3', 1],
        ['sep_conv_5x5', 0],
        ['skip_connect', 3],
        ['avg_pool_3x3', 2],
        ['sep_conv_3x3', 2],
        ['max_pool_3x3', 1],
      ],
      concat: [4, 5, 6],
    },
  },
};

export const AMOEBANET_A: CellPreset = {
  id: 'amoebanet-a',
  title: 'AmoebaNet-A',
  source: 'Real et al. 2019 (regularised evolution)',
  settings: { nodes: 5, ops: 'nasnet', concat: 'unused' },
  genotype: {
    normal: {
      edges: [
        ['avg_pool_3x3', 0],
        ['max_pool_3x3', 1],
        ['sep_conv_3x3', 0],
        ['sep_conv_5x5', 2],
        ['sep_conv_3x3', 0],
        ['avg_pool_3x3', 3],
        ['sep_conv_3x3', 1],
        ['skip_connect', 1],
        ['skip_connect', 0],
        ['avg_pool_3x3', 1],
      ],
      concat: [4, 5, 6],
    },
    reduce: {
      edges: [
        ['avg_pool_3x3', 0],
        ['sep_conv_3x3', 1],
        ['max_pool_3x3', 0],
        ['sep_conv_7x7', 2],
        ['sep_conv_7x7', 0],
        ['avg_pool_3x3', 1],
        ['max_pool_3x3', 0],
        ['max_pool_3x3', 1],
        ['conv_7x1_1x7', 0],
        ['sep_conv_3x3', 5],
      ],
      concat: [3, 4, 6],
    },
  },
};

export const DARTS_V2: CellPreset = {
  id: 'darts-v2',
  title: 'DARTS (second order)',
  source: 'Liu et al. 2019 (gradient-based search)',
  settings: { nodes: 4, ops: 'darts', concat: 'all' },
  genotype: {
    normal: {
      edges: [
        ['sep_conv_3x3', 0],
        ['sep_conv_3x3', 1],
        ['sep_conv_3x3', 0],
        ['sep_conv_3x3', 1],
        ['sep_conv_3x3', 1],
        ['skip_connect', 0],
        ['skip_connect', 0],
        ['dil_conv_3x3', 2],
      ],
      concat: [2, 3, 4, 5],
    },
    reduce: {
      edges: [
        ['max_pool_3x3', 0],
        ['max_pool_3x3', 1],
        ['skip_connect', 2],
        ['max_pool_3x3', 1],
        ['max_pool_3x3', 0],
        ['skip_connect', 2],
        ['skip_connect', 2],
        ['max_pool_3x3', 1],
      ],
      concat: [2, 3, 4, 5],
    },
  },
};

export const CELL_PRESETS: readonly CellPreset[] = [NASNET_A, AMOEBANET_A, DARTS_V2];
