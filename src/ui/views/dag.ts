import * as d3 from 'd3';
import type { ArchGraph, ArchKind } from '../../core/space/types';
import { opColor, opLabel } from './theme';
import { dagreLayout } from './dag-layout';
import { layoutLater } from './dag-layout-later';
import { newestWins } from './newest-wins';

/** A cell's graph (ops on its edges) is laid out wider than a chain's (ops in its nodes). */
const isCellLike = (graph: ArchGraph): boolean => graph.edges.some((e) => e.op !== undefined);

export interface DagView {
  /**
   * `later`: a shape not laid out yet is laid out in a worker, the drawing following it (while a
   * search runs, and as it ends); the <svg> is `aria-busy` until then.
   */
  update(graph: ArchGraph | null, later?: boolean): void;
  /** Zooms by a factor about the centre (1 / factor zooms out), for the panel's buttons and keys. */
  zoomBy(factor: number): void;
  /** Back to the whole graph. */
  reset(): void;
  destroy(): void;
}

const NODE_W = 128;
const NODE_H = 40;
const MIN_VIEW_W = 760;
const GRID_X = 140;
const GRID_Y = 62;
const MIN_VIEW_H = 200;
/** The path a one-shot search decoded through a weighted trellis. */
const PATH = '#2563eb';

interface Placed {
  id: string;
  label: string;
  detail?: string;
  kind: ArchKind;
  faint?: boolean;
  /** A motif's node that opens or closes it (see motifs.ts). */
  toggle?: { motif: string; open: boolean };
  x: number;
  y: number;
}

/**
 * Draws an architecture DAG into an <svg>: dagre lays it out left to right; chain layers are
 * coloured boxes, cell operations are coloured labelled edges between feature-map nodes.
 */
export function createDagView(svgElement: SVGSVGElement, onToggle?: (motif: string) => void): DagView {
  const svg = d3.select(svgElement);
  const defs = svg.append('defs');
  const root = svg.append('g');
  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.3, 4])
    .on('zoom', (e) => root.attr('transform', e.transform.toString()));
  svg.call(zoom);

  function arrowFor(color: string): string {
    const id = `arrow-${color.replace('#', '')}`;
    if (defs.select(`#${id}`).empty()) {
      defs
        .append('marker')
        .attr('id', id)
        .attr('viewBox', '0 0 10 10')
        .attr('refX', 9)
        .attr('refY', 5)
        .attr('markerWidth', 7)
        .attr('markerHeight', 7)
        .attr('orient', 'auto-start-reverse')
        .append('path')
        .attr('d', 'M 0 0 L 10 5 L 0 10 z')
        .attr('fill', color);
    }
    return `url(#${id})`;
  }

  // The newest update wins over a layout still on its way (a known shape comes back before a new one).
  const newest = newestWins();
  function update(graph: ArchGraph | null, later = false): void {
    if (graph && later && !graph.nodes.every((n) => n.grid)) {
      svg.attr('aria-busy', 'true');
      newest.later(layoutLater(graph, isCellLike(graph)), () => {
        svg.attr('aria-busy', null);
        draw(graph);
      });
      return;
    }
    newest.now();
    svg.attr('aria-busy', null);
    draw(graph);
  }

  function draw(graph: ArchGraph | null): void {
    if (!graph) {
      root.selectAll('*').remove();
      return;
    }
    const cellLike = isCellLike(graph);
    // A trellis comes with its own grid; anything else is laid out by dagre.
    const gridded = graph.nodes.length > 0 && graph.nodes.every((n) => n.grid);
    let nodes: Placed[];
    let edges: Array<ArchGraph['edges'][number] & { key: string; points: Array<{ x: number; y: number }>; label?: { x: number; y: number } }>;
    let info: { width?: number; height?: number };
    if (gridded) {
      const at = (n: ArchGraph['nodes'][number]) => ({ x: 80 + n.grid!.column * GRID_X, y: 40 + n.grid!.row * GRID_Y });
      nodes = graph.nodes.map((n) => ({ ...n, ...at(n) }));
      const byId = new Map(nodes.map((n) => [n.id, n]));
      edges = graph.edges.map((e, i) => ({
        ...e,
        key: `${e.from}-${e.to}-${i}`,
        points: [byId.get(e.from)!, byId.get(e.to)!].map((p) => ({ x: p.x, y: p.y })),
      }));
      info = { width: 160 + Math.max(...nodes.map((n) => n.x)) - 80, height: 80 + Math.max(...nodes.map((n) => n.y)) - 40 };
    } else {
      const laid = dagreLayout(graph, cellLike);
      nodes = graph.nodes.map((n) => ({ ...n, ...laid.nodes.get(n.id)! }));
      edges = graph.edges.map((e, i) => ({ ...e, key: `${e.from}-${e.to}-${e.op ?? ''}-${i}`, points: laid.edges[i]!.points, label: laid.edges[i]!.label }));
      info = laid;
    }
    // Never magnify a small graph beyond its natural size: centre it in a minimum canvas instead.
    const w = info.width ?? 0;
    const h = info.height ?? 0;
    const vw = Math.max(w, MIN_VIEW_W);
    const vh = Math.max(h, MIN_VIEW_H);
    svg.attr('viewBox', `${-(vw - w) / 2} ${-(vh - h) / 2} ${vw} ${vh}`);

    const line = d3
      .line<{ x: number; y: number }>()
      .x((p) => p.x)
      .y((p) => p.y)
      .curve(d3.curveBasis);
    root
      .selectAll<SVGPathElement, (typeof edges)[number]>('path.edge')
      .data(edges, (d) => d.key)
      .join('path')
      .attr('class', 'edge')
      .attr('d', (d) => line(d.points))
      .attr('fill', 'none')
      // A weighted trellis (Auto-DeepLab's β) draws every transition by its weight, the decoded path in colour.
      .attr('stroke', (d) => (d.faint ? (d.weight !== undefined ? '#cbd5e1' : '#e2e8f0') : d.op ? opColor(d.op) : d.weight !== undefined ? PATH : '#94a3b8'))
      .attr('stroke-width', (d) =>
        d.faint ? (d.weight !== undefined ? 1 + 7 * d.weight : 1.5) : d.weight !== undefined ? 1 + 7 * d.weight : d.op ? 3 : gridded ? 4 : 2,
      )
      .attr('stroke-dasharray', (d) => (d.skip ? '6 4' : null))
      .attr('marker-end', (d) => (d.faint ? null : arrowFor(d.op ? opColor(d.op) : d.weight !== undefined ? PATH : '#94a3b8')));

    const labelled = edges.filter((e) => e.op);
    root
      .selectAll<SVGGElement, (typeof labelled)[number]>('g.edge-label')
      .data(labelled, (d) => d.key)
      .join((enter) => {
        const group = enter.append('g').attr('class', 'edge-label');
        group.append('rect').attr('rx', 4).attr('height', 20).attr('y', -10);
        group.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em');
        return group;
      })
      .attr('transform', (d) => {
        const at = d.label ?? d.points[Math.floor(d.points.length / 2)]!;
        return `translate(${at.x},${at.y})`;
      })
      .call((sel) => {
        sel
          .select('text')
          .text((d) => opLabel(d.op!))
          .attr('fill', (d) => opColor(d.op!));
        sel
          .select('rect')
          .attr('fill', 'white')
          .attr('stroke', (d) => opColor(d.op!))
          .attr('width', 100)
          .attr('x', -50);
      });

    root
      .selectAll<SVGGElement, Placed>('g.dag-node')
      .data(nodes, (d) => d.id)
      .join((enter) => {
        const group = enter.append('g').attr('class', 'dag-node').attr('data-testid', 'dag-node');
        group.append('rect').attr('rx', 8);
        group.append('text').attr('class', 'label').attr('text-anchor', 'middle');
        group.append('text').attr('class', 'detail').attr('text-anchor', 'middle');
        group.append('title');
        return group;
      })
      .attr('transform', (d) => `translate(${d.x},${d.y})`)
      .call((sel) => {
        const w = cellLike ? 76 : gridded ? 112 : NODE_W;
        sel
          .select('rect')
          .attr('x', -w / 2)
          .attr('y', -NODE_H / 2)
          .attr('width', w)
          .attr('height', NODE_H)
          .attr('fill', (d) => (d.kind === 'node' ? '#f8fafc' : opColor(d.kind)))
          .attr('opacity', (d) => (d.faint ? 0.35 : 1))
          .attr('stroke', (d) => (d.kind === 'node' ? '#334155' : 'none'))
          .attr('stroke-width', 1.5);
        sel
          .select('text.label')
          .text((d) => d.label)
          .attr('dy', (d) => (d.detail ? '-0.2em' : '0.35em'))
          .attr('fill', (d) => (d.kind === 'node' ? '#0f172a' : 'white'));
        sel.select('title').text((d) => `${d.label}${d.detail ? ` (${d.detail})` : ''}`);
        // A motif's toggle is a button (named by its visible text, its state in aria-expanded), opened by click, Enter or Space.
        sel
          .attr('role', (d) => (d.toggle ? 'button' : null))
          .attr('tabindex', (d) => (d.toggle ? 0 : null))
          .attr('aria-expanded', (d) => (d.toggle ? String(d.toggle.open) : null))
          .attr('data-motif', (d) => d.toggle?.motif ?? null)
          .style('cursor', (d) => (d.toggle ? 'pointer' : null))
          .on('click', (_e, d) => d.toggle && onToggle?.(d.toggle.motif))
          .on('keydown', (e: KeyboardEvent, d) => {
            if (!d.toggle || (e.key !== 'Enter' && e.key !== ' ')) return;
            e.preventDefault();
            onToggle?.(d.toggle.motif);
          });
        sel.select('rect').attr('stroke-dasharray', (d) => (d.toggle && !d.toggle.open ? '5 3' : null));
        sel
          .select('text.detail')
          .text((d) => d.detail ?? '')
          .attr('dy', '1.05em')
          .attr('fill', (d) => (d.kind === 'node' ? '#475569' : 'white'));
      });
  }

  return {
    update,
    zoomBy(factor) {
      svg.transition().duration(150).call(zoom.scaleBy, factor);
    },
    reset() {
      svg.transition().duration(150).call(zoom.transform, d3.zoomIdentity);
    },
    destroy() {
      svg.on('.zoom', null);
      svg.selectAll('*').remove();
    },
  };
}
