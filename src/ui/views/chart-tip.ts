import * as d3 from 'd3';

/** A tooltip for a chart: a box over the chart's figure, placed beside the mark it describes. */
export interface ChartTip {
  show(event: MouseEvent, lines: readonly string[]): void;
  hide(): void;
  remove(): void;
}

export function createChartTip(svgElement: SVGSVGElement): ChartTip {
  const host = svgElement.parentElement ?? document.body;
  const tip = d3.select(host).append('div').attr('class', 'chart-tip').attr('role', 'presentation').style('display', 'none');
  return {
    show(event, lines) {
      const box = host.getBoundingClientRect();
      tip
        .style('display', 'block')
        .style('left', `${event.clientX - box.left + 12}px`)
        .style('top', `${event.clientY - box.top + 12}px`)
        .selectAll('div')
        .data(lines)
        .join('div')
        .text((d) => d);
    },
    hide() {
      tip.style('display', 'none');
    },
    remove() {
      tip.remove();
    },
  };
}

/** The y range of accuracies: the trials' spread with a margin (so close results do not sit on one line), or 0–100 %. */
export function accuracyDomain(values: readonly number[], range: 'fit' | 'full'): [number, number] {
  if (range === 'full' || values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.15, 0.01);
  const domain = d3
    .scaleLinear()
    .domain([Math.max(0, lo - pad), Math.min(1, hi + pad)])
    .nice(6)
    .domain();
  return [Math.max(0, domain[0]!), Math.min(1, domain[1]!)];
}
