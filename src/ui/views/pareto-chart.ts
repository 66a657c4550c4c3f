import * as d3 from 'd3';
import { paretoFront } from '../../core/objective';
import { CHART } from './theme';

export interface ParetoPoint {
  index: number;
  accuracy: number;
  cost: number;
}

const W = 960;
const H = 270;
const M = { top: 14, right: 18, bottom: 48, left: 58 };

/** Accuracy against a cost on a log axis; the non-dominated trials joined as a staircase. */
export function createParetoChart(svgElement: SVGSVGElement): { update(points: ParetoPoint[], costLabel: string, format: (n: number) => string): void; destroy(): void } {
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${W} ${H}`);
  const x = d3.scaleLog().range([M.left, W - M.right]);
  const y = d3.scaleLinear().domain([0, 1]).range([H - M.bottom, M.top]);
  const xAxis = svg.append('g').attr('transform', `translate(0,${H - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left},0)`);
  const frontLine = svg.append('path').attr('fill', 'none').attr('stroke', CHART.best).attr('stroke-width', 2.5);
  const dots = svg.append('g');
  const xLabel = svg.append('text').attr('x', (M.left + W - M.right) / 2).attr('y', H - 8).attr('text-anchor', 'middle').attr('fill', CHART.text).style('font-size', CHART.font);
  svg
    .append('text')
    .attr('transform', `translate(16,${(M.top + H - M.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('fill', CHART.text)
    .style('font-size', CHART.font)
    .text('validation accuracy');

  function update(points: ParetoPoint[], costLabel: string, format: (n: number) => string): void {
    const usable = points.filter((p) => p.cost > 0 && Number.isFinite(p.cost));
    const [lo, hi] = d3.extent(usable, (p) => p.cost) as [number | undefined, number | undefined];
    x.domain(lo === undefined || hi === undefined ? [1, 10] : lo === hi ? [lo / 2, hi * 2] : [lo / 1.15, hi * 1.15]);
    xAxis.call(d3.axisBottom(x).ticks(5, (n: d3.NumberValue) => format(Number(n)))).style('font-size', '13px');
    yAxis.call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('.0%'))).style('font-size', '13px');
    xLabel.text(`${costLabel} (log scale) — lower is better`);
    const front = paretoFront(usable.map((p) => ({ gain: p.accuracy, cost: p.cost }))).map((i) => usable[i]!);
    const onFront = new Set(front.map((p) => p.index));
    frontLine.attr('d', d3.line<ParetoPoint>().x((p) => x(p.cost)).y((p) => y(p.accuracy)).curve(d3.curveStepBefore)(front) ?? '');
    dots
      .selectAll<SVGCircleElement, ParetoPoint>('circle')
      .data(usable, (p) => String(p.index))
      .join('circle')
      .attr('cx', (p) => x(p.cost))
      .attr('cy', (p) => y(p.accuracy))
      .attr('r', (p) => (onFront.has(p.index) ? 6.5 : 4.5))
      .attr('fill', (p) => (onFront.has(p.index) ? CHART.best : CHART.point))
      .attr('fill-opacity', (p) => (onFront.has(p.index) ? 0.95 : 0.45))
      .attr('data-front', (p) => (onFront.has(p.index) ? 'yes' : 'no'))
      .attr('stroke', 'white');
  }

  return {
    update,
    destroy() {
      svg.selectAll('*').remove();
    },
  };
}
