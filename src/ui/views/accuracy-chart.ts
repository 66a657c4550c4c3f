import * as d3 from 'd3';
import { CHART } from './theme';
import { yAxisTitle } from './chart-parts';

export interface ChartPoint {
  index: number;
  accuracy: number;
  /** Seconds since the search started when this trial finished. */
  elapsed: number;
}

export interface ChartData {
  points: ChartPoint[];
  budget: number;
  /** Index of the best trial, highlighted. */
  bestIndex: number | null;
  /** The x axis: trial number, or wall-clock seconds of search. */
  axis: 'trial' | 'time';
}

const W = 640;
const H = 260;
const M = { top: 14, right: 18, bottom: 44, left: 58 };

/** Accuracy of each trial as a dot, with the best-so-far as a step line. */
export function createAccuracyChart(svgElement: SVGSVGElement): { update(data: ChartData): void; destroy(): void } {
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${W} ${H}`);
  const x = d3.scaleLinear().range([M.left, W - M.right]);
  const y = d3
    .scaleLinear()
    .domain([0, 1])
    .range([H - M.bottom, M.top]);
  const grid = svg.append('g').attr('class', 'grid');
  const xAxis = svg.append('g').attr('transform', `translate(0,${H - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left},0)`);
  const bestLine = svg.append('path').attr('fill', 'none').attr('stroke', CHART.best).attr('stroke-width', 3);
  const dots = svg.append('g');
  const xLabel = svg
    .append('text')
    .attr('x', (M.left + W - M.right) / 2)
    .attr('y', H - 6)
    .attr('text-anchor', 'middle')
    .attr('fill', CHART.text)
    .style('font-size', CHART.font);
  yAxisTitle(svg, H, M).text('validation accuracy');

  function update({ points, budget, bestIndex, axis }: ChartData): void {
    const at = (p: { index: number; elapsed: number }) => (axis === 'trial' ? x(p.index + 1) : x(p.elapsed));
    if (axis === 'trial') {
      x.domain([0.5, Math.max(budget, points.length, 2) + 0.5]);
      xAxis
        .call(
          d3
            .axisBottom(x)
            .ticks(Math.min(Math.max(budget, 2), 10))
            .tickFormat(d3.format('d')),
        )
        .style('font-size', '13px');
      xLabel.text('trial');
    } else {
      x.domain([0, Math.max(d3.max(points, (p) => p.elapsed) ?? 1, 1e-3) * 1.05]);
      xAxis.call(d3.axisBottom(x).ticks(8)).style('font-size', '13px');
      xLabel.text('seconds of search');
    }
    yAxis.call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('.0%'))).style('font-size', '13px');
    grid
      .selectAll('line')
      .data(y.ticks(5))
      .join('line')
      .attr('x1', M.left)
      .attr('x2', W - M.right)
      .attr('y1', (d) => y(d))
      .attr('y2', (d) => y(d))
      .attr('stroke', CHART.grid);

    let best = 0;
    const steps = points.map((p) => ({ index: p.index, elapsed: p.elapsed, best: (best = Math.max(best, p.accuracy)) }));
    bestLine.attr(
      'd',
      d3
        .line<{ index: number; elapsed: number; best: number }>()
        .x((d) => at(d))
        .y((d) => y(d.best))
        .curve(d3.curveStepAfter)(steps) ?? '',
    );
    dots
      .selectAll<SVGCircleElement, ChartPoint>('circle')
      .data(points, (d) => String(d.index))
      .join('circle')
      .attr('cx', (d) => at(d))
      .attr('cy', (d) => y(d.accuracy))
      .attr('r', (d) => (d.index === bestIndex ? 8 : 5.5))
      .attr('fill', (d) => (d.index === bestIndex ? CHART.best : CHART.point))
      .attr('fill-opacity', 0.85)
      .attr('stroke', 'white')
      .attr('stroke-width', 1.5);
  }

  return {
    update,
    destroy() {
      svg.selectAll('*').remove();
    },
  };
}
