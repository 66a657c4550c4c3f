import * as d3 from 'd3';
import { paretoFront } from '../../core/objective';
import { CHART } from './theme';
import { yAxisTitle } from './chart-parts';
import { drawInSlices } from './draw-later';

export interface ParetoPoint {
  index: number;
  x: number;
  y: number;
}

export interface ParetoAxis {
  label: string;
  /** Accuracy is maximised on a linear axis; costs are minimised on a log axis. */
  maximise: boolean;
  format: (n: number) => string;
}

const W = 960;
const H = 270;
const M = { top: 14, right: 18, bottom: 48, left: 70 };

function scaleFor(axis: ParetoAxis, values: number[], range: [number, number]): d3.ScaleContinuousNumeric<number, number> {
  if (axis.maximise) return d3.scaleLinear().domain([0, 1]).range(range);
  const [lo, hi] = d3.extent(values) as [number | undefined, number | undefined];
  const domain: [number, number] = lo === undefined || hi === undefined ? [1, 10] : lo === hi ? [lo / 2, hi * 2] : [lo / 1.15, hi * 1.15];
  return d3.scaleLog().domain(domain).range(range);
}

/** Any two objectives against each other; the non-dominated trials joined as a staircase. */
export function createParetoChart(svgElement: SVGSVGElement): { update(points: ParetoPoint[], xAxis: ParetoAxis, yAxis: ParetoAxis): void; destroy(): void } {
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${W} ${H}`);
  const xAxisG = svg.append('g').attr('transform', `translate(0,${H - M.bottom})`);
  const yAxisG = svg.append('g').attr('transform', `translate(${M.left},0)`);
  const frontLine = svg.append('path').attr('fill', 'none').attr('stroke', CHART.best).attr('stroke-width', 2.5);
  const dots = svg.append('g');
  const xLabel = svg
    .append('text')
    .attr('x', (M.left + W - M.right) / 2)
    .attr('y', H - 8)
    .attr('text-anchor', 'middle')
    .attr('fill', CHART.text)
    .style('font-size', CHART.font);
  const yLabel = yAxisTitle(svg, H, M);
  const slices = drawInSlices();

  function update(points: ParetoPoint[], xa: ParetoAxis, ya: ParetoAxis): void {
    const usable = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (xa.maximise || p.x > 0) && (ya.maximise || p.y > 0));
    const x = scaleFor(
      xa,
      usable.map((p) => p.x),
      [M.left, W - M.right],
    );
    const y = scaleFor(
      ya,
      usable.map((p) => p.y),
      [H - M.bottom, M.top],
    );
    // On a log axis only 1, 2 and 5 × 10^k get a label; the other ticks stay as marks.
    const label = (axis: ParetoAxis) => (n: d3.NumberValue) => {
      const v = Number(n);
      if (axis.maximise) return axis.format(v);
      const mantissa = Math.round(v / 10 ** Math.floor(Math.log10(v)));
      return [1, 2, 5].includes(mantissa) ? axis.format(v) : '';
    };
    xAxisG.call(d3.axisBottom(x).ticks(6).tickFormat(label(xa))).style('font-size', '13px');
    yAxisG.call(d3.axisLeft(y).ticks(5).tickFormat(label(ya))).style('font-size', '13px');
    const sense = (a: ParetoAxis) => (a.maximise ? 'higher is better' : 'lower is better, log scale');
    xLabel.text(`${xa.label} (${sense(xa)})`);
    yLabel.text(`${ya.label}`);
    // The front maximises y's gain and minimises x's cost, whichever way each axis points.
    const front = paretoFront(usable.map((p) => ({ gain: ya.maximise ? p.y : -p.y, cost: xa.maximise ? -p.x : p.x }))).map((i) => usable[i]!);
    const onFront = new Set(front.map((p) => p.index));
    frontLine.attr(
      'd',
      d3
        .line<ParetoPoint>()
        .x((p) => x(p.x))
        .y((p) => y(p.y))
        .curve(d3.curveStepAfter)(front) ?? '',
    );
    // Which dots are on the front is known at once; where they sit is drawn a slice a task (a new dot has no radius until then).
    const circles = dots
      .selectAll<SVGCircleElement, ParetoPoint>('circle')
      .data(usable, (p) => String(p.index))
      .join((enter) => enter.append('circle').attr('stroke', 'white'))
      .attr('data-front', (p) => (onFront.has(p.index) ? 'yes' : 'no'))
      .nodes();
    slices(circles.length, (from, to) =>
      d3
        .selectAll<SVGCircleElement, ParetoPoint>(circles.slice(from, to))
        .attr('cx', (p) => x(p.x))
        .attr('cy', (p) => y(p.y))
        .attr('r', (p) => (onFront.has(p.index) ? 6.5 : 4.5))
        .attr('fill', (p) => (onFront.has(p.index) ? CHART.best : CHART.point))
        .attr('fill-opacity', (p) => (onFront.has(p.index) ? 0.95 : 0.45)),
    );
  }

  return {
    update,
    destroy() {
      slices.cancel();
      svg.selectAll('*').remove();
    },
  };
}
