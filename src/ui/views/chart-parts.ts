import * as d3 from 'd3';
import { CHART } from './theme';

type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;

/** The rotated title of a chart's y axis, centred on the plot's height; its text is set by the caller. */
/** The x axis's title, centred under the plot. */
export function xAxisTitle(
  svg: Svg,
  width: number,
  height: number,
  margin: { left: number; right: number },
): d3.Selection<SVGTextElement, unknown, null, undefined> {
  return svg
    .append('text')
    .attr('x', (margin.left + width - margin.right) / 2)
    .attr('y', height - 6)
    .attr('text-anchor', 'middle')
    .attr('fill', CHART.text)
    .style('font-size', CHART.font);
}

export function yAxisTitle(svg: Svg, height: number, margin: { top: number; bottom: number }): d3.Selection<SVGTextElement, unknown, null, undefined> {
  return svg
    .append('text')
    .attr('transform', `translate(16,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('fill', CHART.text)
    .style('font-size', CHART.font);
}
