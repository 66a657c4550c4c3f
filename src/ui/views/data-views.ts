import * as d3 from 'd3';
import type { DataPreview } from '../../contracts/data';
import { CHART } from './theme';

export const CLASS_COLORS = d3.schemeTableau10;

type Samples = DataPreview['samples'];

/** Training examples as greyscale pictures, one row per class, drawn pixel by pixel into a canvas. */
export function drawImages(canvas: HTMLCanvasElement, preview: DataPreview, samples: Samples = preview.samples): void {
  const { height, width, channels } = preview.info.input;
  const scale = Math.max(2, Math.floor(32 / Math.max(height, width)));
  const gap = 6;
  const classes = preview.info.classNames.length;
  const perRow = Math.max(...Array.from({ length: classes }, (_, c) => samples.y.filter((y) => y === c).length), 1);
  canvas.width = 90 + perRow * (width * scale + gap);
  canvas.height = classes * (height * scale + gap);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const column = new Array<number>(classes).fill(0);
  const size = height * width * channels;
  for (let i = 0; i < samples.n; i++) {
    const label = samples.y[i]!;
    const ox = 90 + column[label]! * (width * scale + gap);
    const oy = label * (height * scale + gap);
    column[label]! += 1;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        let v = 0;
        for (let ch = 0; ch < channels; ch++) v += samples.x[i * size + (r * width + c) * channels + ch]!;
        const shade = Math.round(255 * (1 - Math.min(1, Math.max(0, v / channels))));
        ctx.fillStyle = `rgb(${shade},${shade},${shade})`;
        ctx.fillRect(ox + c * scale, oy + r * scale, scale, scale);
      }
    }
  }
  ctx.fillStyle = CHART.text;
  ctx.font = '14px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  preview.info.classNames.forEach((name, c) => ctx.fillText(name, 4, c * (height * scale + gap) + (height * scale) / 2));
}

/** All training points, coloured by class; synthetic ones (after `real`) drawn as open rings. */
export function drawPoints(svgElement: SVGSVGElement, preview: DataPreview): void {
  const pts = preview.points ?? preview.samples;
  const real = preview.points ? preview.prep.realTrain : pts.n;
  const W = 320;
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${W} ${W}`);
  const xs = Array.from({ length: pts.n }, (_, i) => pts.x[2 * i]!);
  const ys = Array.from({ length: pts.n }, (_, i) => pts.x[2 * i + 1]!);
  const x = d3
    .scaleLinear()
    .domain(d3.extent(xs) as [number, number])
    .nice()
    .range([10, W - 10]);
  const y = d3
    .scaleLinear()
    .domain(d3.extent(ys) as [number, number])
    .nice()
    .range([W - 10, 10]);
  svg
    .selectAll('circle')
    .data(Array.from({ length: pts.n }, (_, i) => i))
    .join('circle')
    .attr('cx', (i) => x(xs[i]!))
    .attr('cy', (i) => y(ys[i]!))
    .attr('r', 3)
    .attr('fill', (i) => (i < real ? CLASS_COLORS[pts.y[i]! % CLASS_COLORS.length]! : 'none'))
    .attr('stroke', (i) => (i < real ? 'none' : CLASS_COLORS[pts.y[i]! % CLASS_COLORS.length]!))
    .attr('fill-opacity', 0.8)
    .attr('class', (i) => (i < real ? 'real' : 'synthetic'));
}

/** Examples per class: training and validation bars side by side. */
export function drawClassBalance(svgElement: SVGSVGElement, preview: DataPreview): void {
  const names = preview.info.classNames;
  const W = 360;
  const rowH = 22;
  const H = 30 + names.length * rowH;
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${W} ${H}`);
  const max = Math.max(...preview.balance.train, 1);
  const x = d3
    .scaleLinear()
    .domain([0, max])
    .range([0, W - 170]);
  svg.selectAll('*').remove();
  svg
    .append('text')
    .attr('x', 0)
    .attr('y', 14)
    .attr('fill', CHART.text)
    .style('font-size', '14px')
    .style('font-weight', 600)
    .text(preview.balance.synthetic.some((a) => a > 0) ? 'per class: training (+ synthetic) · validation' : 'examples per class: training · validation');
  names.forEach((name, c) => {
    const g = svg.append('g').attr('transform', `translate(0,${28 + c * rowH})`);
    g.append('text')
      .attr('x', 0)
      .attr('y', 12)
      .attr('fill', CHART.text)
      .style('font-size', '13px')
      .text(name.length > 12 ? `${name.slice(0, 11)}…` : name);
    g.append('rect')
      .attr('x', 100)
      .attr('y', 2)
      .attr('height', 8)
      .attr('width', x(preview.balance.train[c]!))
      .attr('fill', CLASS_COLORS[c % CLASS_COLORS.length]!);
    g.append('rect')
      .attr('x', 100)
      .attr('y', 11)
      .attr('height', 5)
      .attr('width', x(preview.balance.val[c]!))
      .attr('fill', CLASS_COLORS[c % CLASS_COLORS.length]!)
      .attr('fill-opacity', 0.45);
    const added = preview.balance.synthetic[c]!;
    if (added > 0) {
      // The synthetic share of the training bar, hatched in white.
      g.append('rect')
        .attr('class', 'synthetic-bar')
        .attr('x', 100 + x(preview.balance.train[c]! - added))
        .attr('y', 2)
        .attr('height', 8)
        .attr('width', x(added))
        .attr('fill', 'white')
        .attr('fill-opacity', 0.55);
    }
    g.append('text')
      .attr('x', 106 + x(preview.balance.train[c]!))
      .attr('y', 12)
      .attr('fill', CHART.text)
      .style('font-size', '12px')
      .text(`${preview.balance.train[c]}${added ? ` (+${added})` : ''} · ${preview.balance.val[c]}`);
  });
}
