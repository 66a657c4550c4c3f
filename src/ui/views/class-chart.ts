import * as d3 from 'd3';
import { yAxisTitle, xAxisTitle } from './chart-parts';
import { CHART } from './theme';

/** One student's best-so-far accuracy after each trial, drawn in its strategy's colour. */
export interface ClassCurve {
  key: number;
  name: string;
  strategyTitle: string;
  color: string;
  curve: number[];
  /** Flagged (a duplicate, a claim the table does not hold): drawn dashed and faint. */
  flagged: boolean;
}

const W = 900;
const H = 300;
const M = { top: 14, right: 250, bottom: 44, left: 66 };

/** Every student's best-so-far curve on one chart; the legend names the strategies, each line's title the student. */
export function createClassChart(svgElement: SVGSVGElement): { update(curves: ClassCurve[]): void; destroy(): void } {
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${W} ${H}`);
  const x = d3.scaleLinear().range([M.left, W - M.right]);
  const y = d3.scaleLinear().range([H - M.bottom, M.top]);
  const xAxis = svg.append('g').attr('transform', `translate(0,${H - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left},0)`);
  const lines = svg.append('g');
  const legend = svg.append('g').attr('transform', `translate(${W - M.right + 14},${M.top + 6})`);
  xAxisTitle(svg, W, H, M).text('trial');
  yAxisTitle(svg, H, M).text('best accuracy so far');

  function update(curves: ClassCurve[]): void {
    const longest = d3.max(curves, (c) => c.curve.length) ?? 1;
    x.domain([1, Math.max(longest, 2)]);
    // The floor skips each curve's first tenth: early trials sit far below where the class ends up.
    const settled = curves.flatMap((c) => c.curve.slice(Math.floor(c.curve.length / 10)));
    const lo = d3.min(settled) ?? 0;
    const hi = d3.max(settled) ?? 1;
    y.domain([Math.max(0, lo - 0.005), Math.min(1, hi + 0.005)]).nice();
    xAxis.call(d3.axisBottom(x).ticks(8)).style('font-size', '13px');
    yAxis.call(d3.axisLeft(y).ticks(6).tickFormat(d3.format('.1%'))).style('font-size', '13px');
    const line = d3
      .line<number>()
      .x((_, i) => x(i + 1))
      .y((v) => y(Math.max(y.domain()[0]!, v)))
      .curve(d3.curveStepAfter);
    lines
      .selectAll<SVGPathElement, ClassCurve>('path')
      .data(curves, (c) => String(c.key))
      .join((enter) => {
        const path = enter.append('path').attr('fill', 'none').attr('stroke-width', 2);
        path.append('title');
        return path;
      })
      .attr('stroke', (c) => c.color)
      .attr('stroke-opacity', (c) => (c.flagged ? 0.35 : 0.8))
      .attr('stroke-dasharray', (c) => (c.flagged ? '4 3' : null))
      .attr('d', (c) => line(c.curve) ?? '')
      .attr('data-testid', 'class-curve')
      .call((p) => p.select('title').text((c) => `${c.name} (${c.strategyTitle}): ${d3.format('.2%')(c.curve[c.curve.length - 1] ?? 0)}`));
    const strategies = [...new Map(curves.map((c) => [c.strategyTitle, c.color])).entries()];
    legend
      .selectAll<SVGGElement, [string, string]>('g')
      .data(strategies, (s) => s[0])
      .join((enter) => {
        const g = enter.append('g');
        g.append('rect').attr('width', 14).attr('height', 4).attr('y', -2);
        g.append('text').attr('x', 20).attr('dy', '0.35em').style('font-size', '13px').attr('fill', CHART.text);
        return g;
      })
      .attr('transform', (_, i) => `translate(0,${i * 22})`)
      .call((g) => {
        g.select('rect').attr('fill', (s) => s[1]);
        g.select('text').text((s) => s[0]);
      });
  }

  return {
    update,
    destroy() {
      svg.selectAll('*').remove();
    },
  };
}
