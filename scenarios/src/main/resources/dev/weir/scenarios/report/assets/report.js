// weir report: draws each run's evidence (embedded in the page as JSON) with uPlot, offline.
// Exposes what it drew as window.weirPlots ({run, kind, series, plot}) and sets
// window.weirReportReady when done, for the report's own browser test.
(function () {
  'use strict';

  const COLORS = {
    sends: '#8a8a8a',
    deliveries: '#3b6fb6',
    bars: '#3b6fb6',
    ok: '#2f9e44',
    failed: '#d9302c',
    envelope: '#6a4fb3',
    capacity: '#d9302c',
    buffers: ['#3b6fb6', '#2f9e44', '#e67700', '#6a4fb3', '#0c8599', '#c2255c', '#5c940d', '#495057'],
  };
  const HEIGHT = 220;

  /** 1.5 ms, 250 µs, 2.1 s: a duration for an axis label. */
  function duration(ns) {
    if (ns >= 1e9) return +(ns / 1e9).toPrecision(3) + ' s';
    if (ns >= 1e6) return +(ns / 1e6).toPrecision(3) + ' ms';
    if (ns >= 1e3) return +(ns / 1e3).toPrecision(3) + ' µs';
    return ns + ' ns';
  }

  function bucket(timeline) {
    return 'per ' + duration(timeline.bucket_ns);
  }

  /** Delivery latency: one bar per logarithmic bin, with the p50, p90 and p99 marked. */
  function latency(evidence, width) {
    const bins = evidence.latency.bins;
    const xs = bins.map((b, i) => i);
    const marks = ['p50_ns', 'p90_ns', 'p99_ns'].map((q) => {
      const ns = evidence.latency[q];
      const i = Math.max(0, bins.findIndex((b) => ns < b.high_ns));
      const b = bins[i];
      return { label: q.slice(0, 3), x: i - 0.5 + (ns - b.low_ns) / (b.high_ns - b.low_ns) };
    });
    return {
      opts: {
        width, height: HEIGHT,
        scales: { x: { time: false, range: [-0.5, bins.length - 0.5] } },
        series: [
          { label: 'bin', value: (u, i) => (i == null || !bins[i] ? '' : duration(bins[i].low_ns) + ' to ' + duration(bins[i].high_ns)) },
          { label: 'messages', stroke: COLORS.bars, fill: COLORS.bars + '99', paths: uPlot.paths.bars({ size: [0.9, 40] }), points: { show: false } },
        ],
        axes: [
          { label: 'latency (bin start)', incrs: [1, 2, 4, 8, 16], values: (u, splits) => splits.map((i) => (bins[i] ? duration(bins[i].low_ns) : '')) },
          { label: 'messages' },
        ],
        hooks: {
          draw: [(u) => {
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = COLORS.failed;
            ctx.fillStyle = COLORS.failed;
            ctx.setLineDash([4, 3]);
            ctx.font = 11 * devicePixelRatio + 'px sans-serif';
            marks.forEach((m, i) => { // labels one under the other: quantiles often share a bin
              const x = u.valToPos(m.x, 'x', true);
              ctx.beginPath();
              ctx.moveTo(x, u.bbox.top);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
              ctx.fillText(m.label, x + 3, u.bbox.top + (12 + 12 * i) * devicePixelRatio);
            });
            ctx.restore();
          }],
        },
      },
      data: [xs, bins.map((b) => b.count)],
    };
  }

  /** Sends and deliveries per bucket, by the run's time in seconds. */
  function throughput(evidence, width) {
    const t = evidence.throughput;
    const longest = t.series.reduce((a, s) => (s.points.length > a.points.length ? s : a));
    const xs = longest.points.map((p) => p[0] / 1e9);
    return {
      opts: {
        width, height: HEIGHT,
        scales: { x: { time: false } },
        series: [{ label: 'time (s)' }].concat(t.series.map((s) => ({
          label: s.name, stroke: COLORS[s.name] || COLORS.deliveries, width: 1.5,
          paths: uPlot.paths.stepped({ align: 1 }), points: { show: false },
        }))),
        axes: [{ label: 'time (s)' }, { label: 'messages ' + bucket(t) }],
      },
      data: [xs].concat(t.series.map((s) => xs.map((x, i) => (s.points[i] ? s.points[i][1] : null)))),
    };
  }

  /** The most each buffer held per bucket, and its declared capacity. */
  function occupancy(evidence, width) {
    const o = evidence.occupancy;
    const times = new Set();
    o.series.forEach((s) => s.points.forEach((p) => times.add(p[0])));
    const xs = Array.from(times).sort((a, b) => a - b);
    const columns = o.series.map((s) => {
      const at = new Map(s.points.map((p) => [p[0], p[1]]));
      return xs.map((x) => (at.has(x) ? at.get(x) : null));
    });
    const series = o.series.map((s, i) => ({
      label: s.name, stroke: COLORS.buffers[i % COLORS.buffers.length], width: 1.5, spanGaps: true,
      paths: uPlot.paths.stepped({ align: 1 }), points: { show: true, size: 4 },
    }));
    o.levels.forEach((level) => {
      series.push({ label: level.name, stroke: COLORS.capacity, dash: [6, 4], width: 1.5, points: { show: false } });
      columns.push(xs.map(() => level.value));
    });
    return {
      opts: {
        width, height: HEIGHT,
        scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
        series: [{ label: 'time (s)' }].concat(series),
        axes: [{ label: 'time (s)' }, { label: 'items held' }],
      },
      data: [xs.map((x) => x / 1e9)].concat(columns),
    };
  }

  /** Each judged retry's delay against its envelope (shaded) and the latest the tolerance accepts. */
  function retries(evidence, width) {
    const list = evidence.retries.judged;
    const ms = (ns) => ns / 1e6;
    const xs = list.map((r, i) => i + 1);
    const points = (color) => ({ show: true, size: 9, fill: color, stroke: color });
    return {
      opts: {
        width, height: HEIGHT,
        scales: {
          x: { time: false, range: [0.5, list.length + 0.5] },
          y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] },
        },
        series: [
          { label: 'retry', value: (u, i) => (i == null || !list[i - 1] ? '' : i + ' (attempt ' + list[i - 1].attempt + ', ' + list[i - 1].stream + ')') },
          { label: 'envelope low', stroke: COLORS.envelope, width: 1, points: { show: false } },
          { label: 'envelope high', stroke: COLORS.envelope, width: 1, points: { show: false } },
          { label: 'latest tolerated', stroke: COLORS.envelope, dash: [4, 4], width: 1, points: { show: false } },
          { label: 'delay within', stroke: COLORS.ok, paths: () => null, points: points(COLORS.ok) },
          { label: 'delay outside', stroke: COLORS.failed, paths: () => null, points: points(COLORS.failed) },
        ],
        bands: [{ series: [2, 1], fill: COLORS.envelope + '26' }],
        axes: [{ label: 'retry, in order', incrs: [1, 2, 5, 10, 20, 50, 100] }, { label: 'delay (ms)' }],
      },
      data: [
        xs,
        list.map((r) => ms(r.low_ns)),
        list.map((r) => ms(r.high_ns)),
        list.map((r) => ms(r.latest_ns)),
        list.map((r) => (r.within ? ms(r.delay_ns) : null)),
        list.map((r) => (r.within ? null : ms(r.delay_ns))),
      ],
    };
  }

  const BUILDERS = { latency, throughput, occupancy, retries };
  const evidence = JSON.parse(document.getElementById('weir-evidence').textContent);
  const drawn = [];
  window.weirPlots = drawn;
  document.querySelectorAll('figure.plot').forEach((figure) => {
    const run = Number(figure.dataset.run);
    const kind = figure.dataset.plot;
    const chart = figure.querySelector('.chart');
    try {
      const built = BUILDERS[kind](evidence[run], Math.max(320, Math.floor(chart.clientWidth || 520)));
      const plot = new uPlot(built.opts, built.data, chart);
      drawn.push({ run, kind, series: plot.series.slice(1).map((s) => s.label), plot });
    } catch (e) {
      chart.textContent = 'This plot could not be drawn: ' + e;
      chart.className = 'plot-error';
    }
  });
  window.weirReportReady = true;
})();
