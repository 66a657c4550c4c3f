import * as d3 from 'd3';
import { percent } from '../../core/format';
import { CHART } from './theme';
import { createChartTip } from './chart-tip';
import { drawInSlices } from './draw-later';

export interface ParallelAxis {
  name: string;
  options: readonly string[];
}

export interface ParallelLine {
  index: number;
  /** One option index per axis. */
  choices: readonly number[];
  accuracy: number;
}

export interface ParallelData {
  axes: ParallelAxis[];
  lines: ParallelLine[];
  best: number | null;
  selected: number | null;
}

const W = 960;
const H = 320;
const M = { top: 44, right: 60, bottom: 16, left: 96 };

/** The colour of an accuracy among the trials': light and yellow-green for the best, dark blue-purple for the worst. */
export function accuracyColor(domain: [number, number]): (a: number) => string {
  const scale = d3.scaleSequential(d3.interpolateViridis).domain(domain[0] === domain[1] ? [domain[0] - 0.01, domain[1]] : domain);
  return (a) => scale(a);
}

/**
 * Parallel coordinates, as Optuna's dashboard draws them: one vertical axis per decision (its
 * options spread along it) and a last one for accuracy; each trial a line through its choices,
 * coloured by its accuracy. Hover a line for its trial; click to pick it.
 */
export function createParallelCoords(svgElement: SVGSVGElement, onSelect: (index: number) => void): { update(data: ParallelData): void; destroy(): void } {
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${W} ${H}`);
  const tip = createChartTip(svgElement);
  let shownAxes: ParallelAxis[] = [];
  // One set of listeners for all the lines (a thousand lines had three listeners each).
  const lineOf = (event: Event) => ((event.target as Element).closest('path') as (SVGPathElement & { __data__?: ParallelLine }) | null)?.__data__;
  const lineLayer = svg
    .append('g')
    .attr('fill', 'none')
    .on('mousemove', (event: MouseEvent) => {
      const l = lineOf(event);
      if (!l) return tip.hide();
      tip.show(event, [
        `Trial ${l.index + 1}: ${percent(l.accuracy)}`,
        ...shownAxes.map((a, i) => `${a.name}: ${a.options[l.choices[i]!] ?? '?'}`).slice(0, 6),
      ]);
    })
    .on('mouseleave', () => tip.hide())
    .on('click', (event: MouseEvent) => {
      const l = lineOf(event);
      if (l) onSelect(l.index);
    });
  const axisLayer = svg.append('g');
  // A line's path is more work than a dot: fewer a task.
  const slices = drawInSlices(100);

  function update({ axes, lines, best, selected }: ParallelData): void {
    shownAxes = axes;
    const x = d3
      .scalePoint<number>()
      .domain(d3.range(axes.length + 1))
      .range([M.left, W - M.right]);
    const ys = axes.map((a) =>
      d3
        .scalePoint<number>()
        .domain(d3.range(a.options.length))
        .range([H - M.bottom, M.top])
        .padding(0.5),
    );
    const accuracies = lines.map((l) => l.accuracy);
    const domain: [number, number] = [d3.min(accuracies) ?? 0, d3.max(accuracies) ?? 1];
    const yAcc = d3
      .scaleLinear()
      .domain(domain)
      .nice()
      .range([H - M.bottom, M.top]);
    const color = accuracyColor(domain);
    const path = (l: ParallelLine) =>
      d3.line()([...axes.map((_, i) => [x(i)!, ys[i]!(l.choices[i]!) ?? 0] as [number, number]), [x(axes.length)!, yAcc(l.accuracy)] as [number, number]]);
    // Worst first, so the best lines are drawn on top.
    const ordered = [...lines].sort((a, b) => a.accuracy - b.accuracy);
    // Ordered at once, drawn a slice a task (a thousand lines' paths were one task of over 100 ms); a new line shows once its slice gives it a path.
    const paths = lineLayer
      .selectAll<SVGPathElement, ParallelLine>('path')
      .data(ordered, (l) => String(l.index))
      .join('path')
      .order()
      .nodes();
    slices(paths.length, (from, to) =>
      d3
        .selectAll<SVGPathElement, ParallelLine>(paths.slice(from, to))
        .attr('d', path)
        .attr('stroke', (l) => color(l.accuracy))
        .attr('stroke-width', (l) => (l.index === selected ? 5 : l.index === best ? 3.5 : 1.6))
        .attr('stroke-opacity', (l) => (selected === null || l.index === selected ? 0.9 : 0.35)),
    );
    const axisGroups = axisLayer
      .selectAll<SVGGElement, number>('g.pc-axis')
      .data(d3.range(axes.length + 1))
      .join('g')
      .attr('class', 'pc-axis')
      .attr('transform', (i) => `translate(${x(i)},0)`);
    axisGroups.each(function (i) {
      const g = d3.select(this);
      g.selectAll('*').remove();
      if (i < axes.length) {
        const a = axes[i]!;
        g.call(d3.axisLeft(ys[i]!).tickFormat((o) => a.options[o as number] ?? '')).style('font-size', a.options.length > 8 ? '10px' : '11px');
      } else {
        g.call(d3.axisRight(yAcc).ticks(5).tickFormat(d3.format('.0%'))).style('font-size', '12px');
      }
      // Names like "layer 3 skip from 1" on two lines, so neighbouring axes' titles do not run into each other.
      const name = i < axes.length ? axes[i]!.name : 'accuracy';
      const words = name.split(' ');
      const half = Math.ceil(words.length / 2);
      const lines = words.length > 2 ? [words.slice(0, half).join(' '), words.slice(half).join(' ')] : [name];
      g.append('text')
        .attr('y', M.top - 12 - 14 * (lines.length - 1))
        .attr('text-anchor', 'middle')
        .attr('fill', CHART.text)
        .style('font-size', '12px')
        .style('font-weight', '600')
        .selectAll('tspan')
        .data(lines)
        .join('tspan')
        .attr('x', 0)
        .attr('dy', (_, k) => (k ? 14 : 0))
        .text((l) => l);
    });
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
