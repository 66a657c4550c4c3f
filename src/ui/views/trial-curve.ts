import { xAxisTitle } from './chart-parts';
import * as d3 from 'd3';
import type { EpochReport } from '../../contracts/events';
import { CHART } from './theme';
import { accuracyDomain } from './chart-tip';

const W = 360;
const H = 260;
const M = { top: 14, right: 50, bottom: 44, left: 52 };
const LOSS = '#dc2626';

/** The learning curve of the trial in training: validation accuracy (left axis) and training loss (right axis) per epoch. */
export function createTrialCurve(svgElement: SVGSVGElement): { update(epochs: EpochReport[], total: number): void; destroy(): void } {
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${W} ${H}`);
  const x = d3.scaleLinear().range([M.left, W - M.right]);
  const yAcc = d3.scaleLinear().range([H - M.bottom, M.top]);
  const yLoss = d3.scaleLinear().range([H - M.bottom, M.top]);
  const xAxis = svg.append('g').attr('transform', `translate(0,${H - M.bottom})`);
  const accAxis = svg.append('g').attr('transform', `translate(${M.left},0)`);
  const lossAxis = svg.append('g').attr('transform', `translate(${W - M.right},0)`);
  const accLine = svg.append('path').attr('fill', 'none').attr('stroke', CHART.point).attr('stroke-width', 3);
  const lossLine = svg.append('path').attr('fill', 'none').attr('stroke', LOSS).attr('stroke-width', 2.5).attr('stroke-dasharray', '6 4');
  const dots = svg.append('g');
  xAxisTitle(svg, W, H, M).text('epoch');

  function update(epochs: EpochReport[], total: number): void {
    x.domain([0, Math.max(total, 1)]);
    yAcc.domain(accuracyDomain([0, ...epochs.map((e) => e.valAccuracy)], epochs.length ? 'fit' : 'full'));
    yLoss.domain([0, Math.max(d3.max(epochs, (e) => e.loss) ?? 1, 0.1) * 1.1]);
    xAxis.call(d3.axisBottom(x).ticks(Math.min(total, 6)).tickFormat(d3.format('d'))).style('font-size', '13px');
    accAxis
      .call(d3.axisLeft(yAcc).ticks(5).tickFormat(d3.format('.0%')))
      .style('font-size', '13px')
      .attr('color', CHART.point);
    lossAxis.call(d3.axisRight(yLoss).ticks(5)).style('font-size', '13px').attr('color', LOSS);
    accLine.attr(
      'd',
      d3
        .line<EpochReport>()
        .x((e) => x(e.epoch))
        .y((e) => yAcc(e.valAccuracy))(epochs) ?? '',
    );
    lossLine.attr(
      'd',
      d3
        .line<EpochReport>()
        .x((e) => x(e.epoch))
        .y((e) => yLoss(e.loss))(epochs) ?? '',
    );
    dots
      .selectAll<SVGCircleElement, EpochReport>('circle')
      .data(epochs, (e) => String(e.epoch))
      .join('circle')
      .attr('cx', (e) => x(e.epoch))
      .attr('cy', (e) => yAcc(e.valAccuracy))
      .attr('r', 4.5)
      .attr('fill', CHART.point)
      .selectAll('title')
      .data((e) => [e])
      .join('title')
      .text((e) => `epoch ${e.epoch}: ${(e.valAccuracy * 100).toFixed(1)}% accuracy, loss ${e.loss.toFixed(3)}`);
  }

  return {
    update,
    destroy() {
      svg.selectAll('*').remove();
    },
  };
}
