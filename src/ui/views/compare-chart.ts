import * as d3 from 'd3';
import type { StrategyComparison } from '../../contracts/compare';
import { yAxisTitle, xAxisTitle } from './chart-parts';
import { strategyEntry } from '../../core/strategy/index';
import { CHART } from './theme';

const W = 900;
const H = 300;
const M = { top: 14, right: 200, bottom: 44, left: 66 };

/** Mean (line) and ± one standard deviation (band) of each strategy's returned score by trial. */
export function createCompareChart(svgElement: SVGSVGElement): { update(results: StrategyComparison[], budget: number, label: string): void; destroy(): void } {
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${W} ${H}`);
  const x = d3.scaleLinear().range([M.left, W - M.right]);
  const y = d3.scaleLinear().range([H - M.bottom, M.top]);
  const xAxis = svg.append('g').attr('transform', `translate(0,${H - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left},0)`);
  const bands = svg.append('g');
  const lines = svg.append('g');
  const legend = svg.append('g').attr('transform', `translate(${W - M.right + 14},${M.top + 6})`);
  xAxisTitle(svg, W, H, M).text('trials (queries)');
  const yLabel = yAxisTitle(svg, H, M).style('font-size', '13px');

  function update(results: StrategyComparison[], budget: number, label: string): void {
    x.domain([1, Math.max(budget, 2)]);
    const lows = results.flatMap((r) => r.mean.map((m, i) => m - r.std[i]!));
    const highs = results.flatMap((r) => r.mean.map((m, i) => m + r.std[i]!));
    // Skip the first few trials when setting the floor: early values are far below the rest.
    const settled = results.flatMap((r) => r.mean.slice(Math.floor(r.mean.length / 10)).map((m, i) => m - r.std[i + Math.floor(r.mean.length / 10)]!));
    const lo = d3.min(settled.length ? settled : lows) ?? 0;
    const hi = d3.max(highs) ?? 1;
    y.domain([Math.max(0, lo - 0.01), Math.min(1, hi + 0.005)]).nice();
    xAxis.call(d3.axisBottom(x).ticks(8)).style('font-size', '13px');
    yAxis.call(d3.axisLeft(y).ticks(6).tickFormat(d3.format('.1%'))).style('font-size', '13px');
    yLabel.text(label);
    const stdMap = new Map<number[], number[]>(results.map((r) => [r.mean, r.std]));
    const stdOf = (all: number[], i: number) => stdMap.get(all)?.[i] ?? 0;
    const area = d3
      .area<number>()
      .x((_, i) => x(i + 1))
      .y0((m, i, all) => y(Math.max(y.domain()[0]!, m - stdOf(all, i))))
      .y1((m, i, all) => y(Math.min(y.domain()[1]!, m + stdOf(all, i))));
    bands
      .selectAll<SVGPathElement, StrategyComparison>('path')
      .data(results, (r) => r.label ?? r.strategy)
      .join('path')
      .attr('fill', (r) => strategyEntry(r.strategy).color)
      .attr('fill-opacity', 0.12)
      .attr('d', (r) => area(r.mean) ?? '');
    lines
      .selectAll<SVGPathElement, StrategyComparison>('path')
      .data(results, (r) => r.label ?? r.strategy)
      .join('path')
      .attr('fill', 'none')
      .attr('stroke', (r) => strategyEntry(r.strategy).color)
      .attr('stroke-width', 2.5)
      .attr(
        'd',
        (r) =>
          d3
            .line<number>()
            .x((_, i) => x(i + 1))
            .y((m) => y(Math.max(y.domain()[0]!, m)))(r.mean) ?? '',
      );
    legend
      .selectAll<SVGGElement, StrategyComparison>('g')
      .data(results, (r) => r.label ?? r.strategy)
      .join((enter) => {
        const g = enter.append('g');
        g.append('rect').attr('width', 14).attr('height', 4).attr('y', -2);
        g.append('text').attr('x', 20).attr('dy', '0.35em').style('font-size', '14px');
        return g;
      })
      .attr('transform', (_, i) => `translate(0,${i * 22})`)
      .call((g) => {
        g.select('rect').attr('fill', (r) => strategyEntry(r.strategy).color);
        g.select('text')
          .text((r) => r.label ?? strategyEntry(r.strategy).name)
          .attr('fill', CHART.text);
      });
  }

  return {
    update,
    destroy() {
      svg.selectAll('*').remove();
    },
  };
}
