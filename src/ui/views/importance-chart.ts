import * as d3 from 'd3';
import type { DecisionImportance, OpEffect } from '../../core/importance';
import { CHART, opLookOf } from './theme';

const W = 460;
const ROW = 24;
const M = { top: 8, right: 56, bottom: 24, left: 150 };

function frame(svgElement: SVGSVGElement, rows: number) {
  const h = M.top + M.bottom + Math.max(rows, 1) * ROW;
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${W} ${h}`);
  svg.selectAll('*').remove();
  return { svg, h };
}

/** One horizontal band per bar, between the chart's top and bottom margins. */
const bands = (count: number, h: number) =>
  d3
    .scaleBand<number>()
    .domain(d3.range(count))
    .range([M.top, h - M.bottom])
    .padding(0.25);

/** Each decision's share of what the decisions explain (ω², normalised), as horizontal bars. */
export function drawDecisionImportance(svgElement: SVGSVGElement, items: readonly DecisionImportance[]): void {
  const { svg, h } = frame(svgElement, items.length);
  const x = d3
    .scaleLinear()
    .domain([0, Math.max(d3.max(items, (d) => d.share) ?? 0, 0.01)])
    .range([M.left, W - M.right]);
  const y = bands(items.length, h);
  svg
    .append('g')
    .selectAll('rect')
    .data(items)
    .join('rect')
    .attr('x', M.left)
    .attr('y', (_, i) => y(i)!)
    .attr('height', y.bandwidth())
    .attr('width', (d) => x(d.share) - M.left)
    .attr('fill', CHART.point);
  const labels = svg.append('g').style('font-size', '12px').attr('fill', CHART.text);
  labels
    .selectAll('text.name')
    .data(items)
    .join('text')
    .attr('class', 'name')
    .attr('x', M.left - 6)
    .attr('y', (_, i) => y(i)! + y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .text((d) => d.name);
  labels
    .selectAll('text.value')
    .data(items)
    .join('text')
    .attr('class', 'value')
    .attr('x', (d) => x(d.share) + 4)
    .attr('y', (_, i) => y(i)! + y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .text((d) => `${Math.round(d.share * 100)}%`);
}

/** How much higher (or lower) the trials that use each op scored than those that do not, in accuracy points. */
export function drawOpEffects(svgElement: SVGSVGElement, items: readonly OpEffect[]): void {
  const shown = items.filter((e) => e.effect !== null);
  const { svg, h } = frame(svgElement, shown.length);
  const extent = Math.max(d3.max(shown, (e) => Math.abs(e.effect!)) ?? 0, 0.01);
  const x = d3
    .scaleLinear()
    .domain([-extent, extent])
    .nice()
    .range([M.left, W - M.right]);
  const y = bands(shown.length, h);
  svg
    .append('g')
    .selectAll('rect')
    .data(shown)
    .join('rect')
    .attr('x', (e) => Math.min(x(0), x(e.effect!)))
    .attr('y', (_, i) => y(i)!)
    .attr('height', y.bandwidth())
    .attr('width', (e) => Math.abs(x(e.effect!) - x(0)))
    .attr('fill', (e) => opLookOf(e.op).color);
  svg
    .append('line')
    .attr('x1', x(0))
    .attr('x2', x(0))
    .attr('y1', M.top)
    .attr('y2', h - M.bottom)
    .attr('stroke', CHART.text);
  svg
    .append('g')
    .attr('transform', `translate(0,${h - M.bottom})`)
    .call(
      d3
        .axisBottom(x)
        .ticks(5)
        .tickFormat((v) => `${Number(v) > 0 ? '+' : ''}${Math.round(Number(v) * 100)}`),
    )
    .style('font-size', '11px');
  svg
    .append('g')
    .style('font-size', '12px')
    .attr('fill', CHART.text)
    .selectAll('text')
    .data(shown)
    .join('text')
    .attr('x', M.left - 6)
    .attr('y', (_, i) => y(i)! + y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .text((e) => `${opLookOf(e.op).label} (${e.with.count}/${e.with.count + e.without.count})`);
}
