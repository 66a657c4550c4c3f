import * as d3 from 'd3';

/** A tooltip for a chart: a box over the chart's figure, placed beside the mark it describes. */
export interface ChartTip {
  show(event: MouseEvent, lines: readonly string[]): void;
  hide(): void;
  remove(): void;
}

/** Pixels between the cursor and its tip. */
const GAP = 12;

export function createChartTip(svgElement: SVGSVGElement): ChartTip {
  const host = svgElement.parentElement ?? document.body;
  const tip = d3.select(host).append('div').attr('class', 'chart-tip').attr('role', 'presentation').style('display', 'none');
  return {
    show(event, lines) {
      tip
        .style('display', 'block')
        .selectAll('div')
        .data(lines)
        .join('div')
        .text((d) => d);
      // Placed in the box it is positioned in, on the cursor's other side near an edge: a panel
      // below the fold contains its paint (content-visibility), so a tip sticking out would be cut.
      const node = tip.node()!;
      const frame = (node.offsetParent as HTMLElement | null) ?? host;
      const box = frame.getBoundingClientRect();
      const at = (cursor: number, size: number, room: number) => (cursor + GAP + size <= room ? cursor + GAP : Math.max(0, cursor - GAP - size));
      tip
        .style('left', `${at(event.clientX - box.left - frame.clientLeft, node.offsetWidth, frame.clientWidth)}px`)
        .style('top', `${at(event.clientY - box.top - frame.clientTop, node.offsetHeight, frame.clientHeight)}px`);
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
