import * as d3 from 'd3';
import { duration, percent } from '../../core/format';
import { CHART } from './theme';
import { yAxisTitle } from './chart-parts';
import { accuracyDomain, createChartTip } from './chart-tip';
import { drawInSlices } from './draw-later';

export interface ChartPoint {
  index: number;
  accuracy: number;
  /** Seconds since the search started when this trial finished. */
  elapsed: number;
  /** The architecture, in words, for the tooltip (asked for on hover only). */
  architecture(): string;
}

export interface ChartData {
  points: ChartPoint[];
  budget: number;
  /** Index of the best trial, highlighted, and of the one a person picked, ringed. */
  bestIndex: number | null;
  selected: number | null;
  /** The x axis: trial number, or wall-clock seconds of search. */
  axis: 'trial' | 'time';
  /** The y range: fitted to the trials, or 0–100 %. */
  range: 'fit' | 'full';
}

const W = 640;
const H = 260;
const M = { top: 14, right: 18, bottom: 44, left: 62 };

/** Accuracy of each trial as a dot (hover for the trial, click to pick it), with the best-so-far as a step line. */
export function createAccuracyChart(svgElement: SVGSVGElement, onSelect: (index: number) => void): { update(data: ChartData): void; destroy(): void } {
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${W} ${H}`);
  const x = d3.scaleLinear().range([M.left, W - M.right]);
  const y = d3.scaleLinear().range([H - M.bottom, M.top]);
  const grid = svg.append('g').attr('class', 'grid');
  const xAxis = svg.append('g').attr('transform', `translate(0,${H - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left},0)`);
  const bestLine = svg.append('path').attr('fill', 'none').attr('stroke', CHART.best).attr('stroke-width', 3);
  // One set of listeners for all the dots (a thousand dots had three listeners each).
  const dotOf = (event: Event) => ((event.target as Element).closest('circle.trial-dot') as (SVGCircleElement & { __data__?: ChartPoint }) | null)?.__data__;
  const dots = svg
    .append('g')
    .on('mousemove', (event: MouseEvent) => {
      const d = dotOf(event);
      if (d) tip.show(event, [`Trial ${d.index + 1}: ${percent(d.accuracy)}`, d.architecture(), 'click to show it']);
      else tip.hide();
    })
    .on('mouseleave', () => tip.hide())
    .on('click', (event: MouseEvent) => {
      const d = dotOf(event);
      if (d) onSelect(d.index);
    });
  const empty = svg
    .append('text')
    .attr('x', (M.left + W - M.right) / 2)
    .attr('y', (M.top + H - M.bottom) / 2)
    .attr('text-anchor', 'middle')
    .attr('fill', CHART.text)
    .style('font-size', CHART.font);
  const xLabel = svg
    .append('text')
    .attr('x', (M.left + W - M.right) / 2)
    .attr('y', H - 6)
    .attr('text-anchor', 'middle')
    .attr('fill', CHART.text)
    .style('font-size', CHART.font);
  yAxisTitle(svg, H, M).text('validation accuracy');
  const tip = createChartTip(svgElement);
  const slices = drawInSlices();

  function update({ points, budget, bestIndex, selected, axis, range }: ChartData): void {
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
      xAxis
        .call(
          d3
            .axisBottom(x)
            .ticks(6)
            .tickFormat((s) => duration(Number(s))),
        )
        .style('font-size', '13px');
      xLabel.text('time since Start');
    }
    y.domain(
      accuracyDomain(
        points.map((p) => p.accuracy),
        range,
      ),
    );
    const span = y.domain()[1]! - y.domain()[0]!;
    yAxis
      .call(
        d3
          .axisLeft(y)
          .ticks(5)
          .tickFormat(d3.format(span < 0.1 ? '.1%' : '.0%')),
      )
      .style('font-size', '13px');
    grid
      .selectAll('line')
      .data(y.ticks(5))
      .join('line')
      .attr('x1', M.left)
      .attr('x2', W - M.right)
      .attr('y1', (d) => y(d))
      .attr('y2', (d) => y(d))
      .attr('stroke', CHART.grid);
    empty.text(points.length ? '' : 'Each trial appears here as a dot when it finishes.');

    // The step line needs only the trials that raised the best, and the last one to end it on.
    let best = -Infinity;
    const steps: Array<{ index: number; elapsed: number; best: number }> = [];
    points.forEach((p, i) => {
      if (p.accuracy > best || i === points.length - 1) steps.push({ index: p.index, elapsed: p.elapsed, best: (best = Math.max(best, p.accuracy)) });
    });
    bestLine.attr(
      'd',
      d3
        .line<{ index: number; elapsed: number; best: number }>()
        .x((d) => at(d))
        .y((d) => y(d.best))
        .curve(d3.curveStepAfter)(steps) ?? '',
    );
    // A new dot has no radius, so it shows nothing until its slice places it.
    const circles = dots
      .selectAll<SVGCircleElement, ChartPoint>('circle')
      .data(points, (d) => String(d.index))
      .join((enter) =>
        enter
          .append('circle')
          .attr('class', 'trial-dot')
          .attr('data-index', (d) => d.index)
          .attr('fill-opacity', 0.85),
      )
      .nodes();
    slices(circles.length, (from, to) =>
      d3
        .selectAll<SVGCircleElement, ChartPoint>(circles.slice(from, to))
        .attr('cx', (d) => at(d))
        .attr('cy', (d) => y(d.accuracy))
        .attr('r', (d) => (d.index === bestIndex ? 8 : 5.5))
        .attr('fill', (d) => (d.index === bestIndex ? CHART.best : CHART.point))
        .attr('stroke', (d) => (d.index === selected ? CHART.text : 'white'))
        .attr('stroke-width', (d) => (d.index === selected ? 3 : 1.5)),
    );
  }

  return {
    update,
    destroy() {
      slices.cancel();
      tip.remove();
      svg.selectAll('*').remove();
    },
  };
}
