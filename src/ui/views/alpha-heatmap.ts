import * as d3 from 'd3';
import type { AlphaSnapshot } from '../../contracts/events';
import { CHART, opLookOf } from './theme';

const ROW = 18;
const COL = 64;
const LEFT = 150;
const TOP = 70;

/**
 * α as a heat map: one row per supernet edge (grouped by cell type), one column per op, the cell's
 * shade its softmax weight. The op the derived genotype keeps on an edge is outlined; ops P-DARTS
 * pruned are crossed out; parameter-free columns are marked, since that is where DARTS drifts.
 */
export function drawAlphaHeatmap(svg: SVGSVGElement, snapshot: AlphaSnapshot, chosen: ReadonlyArray<readonly number[]>): void {
  const { ops, edges, probs, allowed, parameterFree } = snapshot;
  const groups = [...new Set(edges.map((e) => e.group))];
  const gap = groups.length > 1 ? 22 : 0;
  const rowY = (i: number) => TOP + i * ROW + groups.indexOf(edges[i]!.group) * gap;
  const width = LEFT + ops.length * COL + 60;
  const height = rowY(edges.length - 1) + ROW + 8;
  const root = d3.select(svg).attr('viewBox', `0 0 ${width} ${height}`).attr('data-rows', edges.length);
  const shade = d3.scaleSequential(d3.interpolateBlues).domain([0, 1]);
  // Updated in place, epoch after epoch: only the shades, outlines and figures change.
  const layer = (name: string) => root.selectAll<SVGGElement, string>(`g.${name}`).data([name]).join('g').attr('class', name);

  layer('alpha-ops')
    .selectAll('text')
    .data(ops)
    .join('text')
    .attr('transform', (_, k) => `translate(${LEFT + k * COL + COL / 2}, ${TOP - 8}) rotate(-30)`)
    .attr('font-size', 12)
    .attr('font-weight', 600)
    .attr('fill', (op) => opLookOf(op).color)
    .text((op, k) => `${opLookOf(op).label}${parameterFree[k] ? ' ◦' : ''}`);

  layer('alpha-groups')
    .selectAll('text')
    .data(groups.length < 2 ? [] : groups)
    .join('text')
    .attr('x', 4)
    .attr('y', (group) => rowY(edges.findIndex((e) => e.group === group)) - 6)
    .attr('font-size', 12)
    .attr('font-weight', 700)
    .attr('fill', CHART.text)
    .text((group) => (group === 'reduce' ? 'reduction cell' : `${group} cell`));

  const rows = layer('alpha-rows')
    .selectAll<SVGGElement, AlphaSnapshot['edges'][number]>('g.alpha-row')
    .data(edges)
    .join((enter) => {
      const row = enter.append('g').attr('class', 'alpha-row');
      row
        .append('text')
        .attr('x', LEFT - 6)
        .attr('y', ROW / 2 + 4)
        .attr('text-anchor', 'end')
        .attr('font-size', 12)
        .attr('fill', CHART.text);
      return row;
    })
    .attr('transform', (_, i) => `translate(0, ${rowY(i)})`);
  rows.select('text').text((e) => e.label);
  rows.each(function (_, i) {
    const cells = d3
      .select(this)
      .selectAll<SVGGElement, { p: number; k: number; on: boolean; kept: boolean }>('g')
      .data(probs[i]!.map((p, k) => ({ p, k, on: allowed[i]![k]!, kept: chosen[i]?.includes(k) ?? false })))
      .join((enter) => {
        const cell = enter.append('g');
        cell
          .append('rect')
          .attr('class', 'alpha-cell')
          .attr('width', COL - 2)
          .attr('height', ROW - 2)
          .attr('rx', 2)
          .attr('stroke-width', 2.5)
          .append('title');
        cell
          .append('text')
          .attr('x', (COL - 2) / 2)
          .attr('y', ROW / 2 + 3)
          .attr('text-anchor', 'middle')
          .attr('font-size', 10);
        return cell;
      })
      .attr('transform', (d) => `translate(${LEFT + d.k * COL}, 0)`);
    cells
      .select('rect')
      .attr('fill', (d) => (d.on ? shade(d.p) : '#f1f5f9'))
      .attr('stroke', (d) => (d.kept ? '#f59e0b' : 'none'))
      .select('title')
      .text((d) => `${edges[i]!.label}, ${ops[d.k]}: ${d.on ? (d.p * 100).toFixed(1) + ' %' : 'pruned'}`);
    cells
      .select(':scope > text')
      .attr('fill', (d) => (d.on && d.p > 0.55 ? 'white' : CHART.text))
      .text((d) => (d.on ? (d.p * 100).toFixed(0) : '×'));
  });
}

/** Share of α on parameter-free ops, and of the derived genotype's ops that have no weights, by epoch. */
export function drawCollapseChart(svg: SVGSVGElement, history: readonly AlphaSnapshot[]): void {
  const width = 420;
  const height = 150;
  const m = { top: 10, right: 12, bottom: 30, left: 40 };
  const root = d3.select(svg).attr('viewBox', `0 0 ${width} ${height}`);
  root.selectAll('*').remove();
  const last = history[history.length - 1]?.epoch ?? 1;
  const x = d3
    .scaleLinear()
    .domain([0, Math.max(last, 1)])
    .range([m.left, width - m.right]);
  const y = d3
    .scaleLinear()
    .domain([0, 1])
    .range([height - m.bottom, m.top]);
  root
    .append('g')
    .attr('transform', `translate(0, ${height - m.bottom})`)
    .call(d3.axisBottom(x).ticks(5))
    .append('text')
    .attr('x', width - m.right)
    .attr('y', 26)
    .attr('text-anchor', 'end')
    .attr('fill', CHART.text)
    .text('epoch');
  root
    .append('g')
    .attr('transform', `translate(${m.left}, 0)`)
    .call(d3.axisLeft(y).ticks(4).tickFormat(d3.format('.0%')));
  // Where α starts: a uniform choice puts this share on parameter-free ops.
  const first = history[0];
  if (first) {
    const uniform =
      first.allowed.reduce((s, row) => s + row.filter((on, k) => on && first.parameterFree[k]).length / Math.max(1, row.filter(Boolean).length), 0) /
      first.allowed.length;
    root
      .append('line')
      .attr('x1', x(0))
      .attr('x2', x(Math.max(last, 1)))
      .attr('y1', y(uniform))
      .attr('y2', y(uniform))
      .attr('stroke', '#94a3b8')
      .attr('stroke-dasharray', '4 3');
    root
      .append('text')
      .attr('x', x(Math.max(last, 1)) - 4)
      .attr('y', y(uniform) - 4)
      .attr('text-anchor', 'end')
      .attr('font-size', 11)
      .attr('fill', '#64748b')
      .text('uniform α');
  }
  const series = [
    { key: 'α mass', color: '#64748b', value: (s: AlphaSnapshot) => s.parameterFreeShare },
    { key: 'derived ops', color: '#dc2626', value: (s: AlphaSnapshot) => s.derivedParameterFree },
  ];
  for (const s of series) {
    root
      .append('path')
      .datum(history)
      .attr('fill', 'none')
      .attr('stroke', s.color)
      .attr('stroke-width', 2)
      .attr(
        'd',
        d3
          .line<AlphaSnapshot>()
          .x((d) => x(d.epoch))
          .y((d) => y(s.value(d))),
      );
  }
  series.forEach((s, i) => {
    const g = root.append('g').attr('transform', `translate(${m.left + 10 + i * 130}, ${m.top + 4})`);
    g.append('rect').attr('width', 12).attr('height', 3).attr('y', 4).attr('fill', s.color);
    g.append('text').attr('x', 16).attr('y', 9).attr('font-size', 12).attr('fill', CHART.text).text(s.key);
  });
}
