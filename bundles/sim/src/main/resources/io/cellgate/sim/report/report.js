// Draws the charts of a scenario report from the JSON in #data, with uPlot (inlined above) and plain canvases.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('data').textContent);
  const LED = { OFF: '#e4e4e4', ON: '#2a9d3a', FLASHING: '#e07b00' };
  const BOARD = { SLEEP: '#9db8d9', ACTIVE: '#2a9d3a', FAULT: '#d33', NO_BALANCER: '#777' };

  function colour(i, n) { return 'hsl(' + Math.round(330 * i / Math.max(n, 1)) + ',70%,42%)'; }
  function hours(t) { return t.map(function (s) { return s / 3600; }); }
  function width(el) { return Math.max(360, (el.clientWidth || 900) - 8); }

  function line(el, x, ys, names, yLabel, xLabel, points) {
    const series = [{ label: xLabel }].concat(ys.map(function (y, i) {
      return { label: names[i], stroke: colour(i, ys.length), width: 1.2,
               points: { show: !!points }, paths: points === 'only' ? function () { return null; } : undefined };
    }));
    return new uPlot({ width: width(el), height: 260, series: series, legend: { show: ys.length <= 24 },
      scales: { x: { time: false } }, axes: [{ label: xLabel }, { label: yLabel, size: 70 }] }, [x].concat(ys), el);
  }

  function bars(el, values, yLabel, xLabel) {
    const x = values.map(function (_, i) { return i + 1; });
    return new uPlot({ width: width(el), height: 220, legend: { show: false },
      series: [{ label: xLabel }, { label: yLabel, fill: 'rgba(42,120,200,0.6)', stroke: '#2a78c8',
        paths: uPlot.paths.bars({ size: [0.6, 60] }), points: { show: false } }],
      scales: { x: { time: false, range: [0.4, values.length + 0.6] } },
      axes: [{ label: xLabel }, { label: yLabel, size: 70 }] }, [x, values], el);
  }

  function canvas(el, rows, rowHeight) {
    const c = document.createElement('canvas');
    const w = width(el);
    const h = Math.max(40, rows * rowHeight) + 20;
    c.width = w; c.height = h; c.style.width = w + 'px'; c.style.height = h + 'px';
    el.appendChild(c);
    const g = c.getContext('2d');
    g.font = '10px sans-serif';
    return { g: g, w: w, h: h, left: 44, top: 4, plotW: w - 52, plotH: h - 24 };
  }

  function timeAxis(k, end) {
    k.g.fillStyle = '#444';
    for (let i = 0; i <= 4; i++) {
      const x = k.left + k.plotW * i / 4;
      k.g.fillText((end * i / 4 / 3600).toFixed(1) + ' h', x - 10, k.h - 4);
    }
  }

  // every interval of a step function given as changes [t, row, state]
  function intervals(k, changes, rows, end, colours, label) {
    const rowH = k.plotH / rows;
    const current = new Array(rows).fill(null);
    const since = new Array(rows).fill(0);
    function fill(row, from, to, state) {
      if (state === null) { return; }
      k.g.fillStyle = colours[state] || '#bbb';
      const x0 = k.left + k.plotW * from / end;
      const x1 = k.left + k.plotW * to / end;
      k.g.fillRect(x0, k.top + row * rowH, Math.max(1, x1 - x0), Math.max(1, rowH - 1));
    }
    changes.forEach(function (c) {
      const row = c[1];
      fill(row, since[row], c[0], current[row]);
      current[row] = c[2]; since[row] = c[0];
    });
    for (let r = 0; r < rows; r++) { fill(r, since[r], end, current[r]); }
    k.g.fillStyle = '#444';
    for (let r = 0; r < rows; r += Math.max(1, Math.round(rows / 10))) {
      k.g.fillText(label(r), 2, k.top + (r + 0.8) * rowH);
    }
    timeAxis(k, end);
  }

  function legend(el, colours) {
    const d = document.createElement('div');
    d.className = 'legend';
    Object.keys(colours).forEach(function (k) {
      const s = document.createElement('span'); s.style.background = colours[k];
      d.appendChild(s); d.appendChild(document.createTextNode(k));
    });
    el.appendChild(d);
  }

  function heat(el, run) {
    const pairs = run.pairAmps.length;
    const k = canvas(el, pairs, 10);
    const n = run.t.length;
    let max = 0;
    run.pairAmps.forEach(function (p) { p.forEach(function (a) { max = Math.max(max, Math.abs(a)); }); });
    const rowH = k.plotH / pairs;
    for (let p = 0; p < pairs; p++) {
      for (let i = 0; i < n; i++) {
        const a = run.pairAmps[p][i];
        if (a === 0 || max === 0) { continue; }
        const share = Math.min(1, Math.abs(a) / max);
        k.g.fillStyle = a > 0 ? 'rgba(200,40,40,' + share + ')' : 'rgba(40,80,200,' + share + ')';
        const t0 = run.t[i], t1 = i + 1 < n ? run.t[i + 1] : run.end;
        const x0 = k.left + k.plotW * t0 / run.end, x1 = k.left + k.plotW * t1 / run.end;
        k.g.fillRect(x0, k.top + p * rowH, Math.max(1, x1 - x0), Math.max(1, rowH - 1));
      }
    }
    k.g.fillStyle = '#444';
    for (let p = 0; p < pairs; p += Math.max(1, Math.round(pairs / 10))) {
      k.g.fillText('pair ' + (p + 1), 2, k.top + (p + 0.8) * rowH);
    }
    timeAxis(k, run.end);
    const l = document.createElement('div');
    l.className = 'legend';
    l.textContent = 'red: lower cell gives to the upper; blue: upper gives to the lower; full colour ' + max.toFixed(3) + ' A';
    el.appendChild(l);
  }

  function leds(el, run) {
    const k = canvas(el, run.cells, 8);
    intervals(k, run.leds, run.cells, run.end, LED, function (r) { return 'cell ' + (r + 1); });
    legend(el, LED);
  }

  function board(el, run) {
    const k = canvas(el, 1, 22);
    intervals(k, run.board.map(function (b) { return [b[0], 0, b[1]]; }), 1, run.end, BOARD, function () { return 'board'; });
    legend(el, BOARD);
  }

  function draw(el) {
    const kind = el.dataset.chart;
    const runs = data.runs;
    const run = runs[+(el.dataset.run || 0)];
    if (kind === 'spreads') {
      line(el, hours(run.t), [run.adjacent.map(mv), run.spread.map(mv)], ['largest adjacent difference (mV)',
        'highest minus lowest (mV)'], 'mV', 'simulated time (h)');
    } else if (kind === 'cell-volts') {
      line(el, hours(run.t), run.volts, run.volts.map(function (_, c) { return 'cell ' + (c + 1); }), 'V', 'simulated time (h)');
    } else if (kind === 'cell-soc') {
      line(el, hours(run.t), run.soc.map(function (s) { return s.map(function (v) { return v * 100; }); }),
        run.soc.map(function (_, c) { return 'cell ' + (c + 1); }), 'SOC %', 'simulated time (h)');
    } else if (kind === 'pair-currents') {
      heat(el, run);
    } else if (kind === 'leds') {
      leds(el, run);
    } else if (kind === 'board') {
      board(el, run);
    } else if (kind === 'charge-moved') {
      bars(el, run.moved, 'Ah', 'pair');
    } else if (kind === 'energy-lost') {
      bars(el, run.loss, 'Wh', 'pair');
    } else if (kind === 'overlay-adjacent' || kind === 'overlay-spread') {
      overlay(el, kind === 'overlay-adjacent' ? 'adjacent' : 'spread');
    } else if (kind === 'overlay-moved' || kind === 'overlay-loss') {
      const key = kind === 'overlay-moved' ? 'moved' : 'loss';
      const x = runs[0][key].map(function (_, i) { return i + 1; });
      line(el, x, runs.map(function (r) { return r[key]; }), runs.map(function (r) { return r.name; }),
        key === 'moved' ? 'Ah' : 'Wh', 'pair', true);
    } else if (kind === 'sweep') {
      sweep(el);
    }
  }

  function mv(v) { return v * 1000; }

  // runs of different lengths and sample times on one time axis: each series has a value at its own times only
  function overlay(el, key) {
    const times = [];
    data.runs.forEach(function (r) { r.t.forEach(function (t) { times.push(t); }); });
    const x = Array.from(new Set(times)).sort(function (a, b) { return a - b; });
    const ys = data.runs.map(function (r) {
      const at = new Map();
      r.t.forEach(function (t, i) { at.set(t, r[key][i] * 1000); });
      return x.map(function (t) { return at.has(t) ? at.get(t) : null; });
    });
    const u = line(el, hours(x), ys, data.runs.map(function (r) { return r.name; }), 'mV', 'simulated time (h)');
    u.series.forEach(function (s, i) { if (i > 0) { u.setSeries(i, { show: true }); } });
    return u;
  }

  // every run of a sweep as a point: energy lost against the final largest adjacent difference, one series per model
  function sweep(el) {
    const rows = data.sweep.filter(function (r) { return r.lost !== null; });
    const models = Array.from(new Set(rows.map(function (r) { return r.model; })));
    const x = Array.from(new Set(rows.map(function (r) { return r.adjacentMv; }))).sort(function (a, b) { return a - b; });
    const ys = models.map(function (m) {
      return x.map(function (v) {
        const hit = rows.filter(function (r) { return r.model === m && r.adjacentMv === v; });
        return hit.length ? Math.min.apply(null, hit.map(function (r) { return r.lost; })) : null;
      });
    });
    line(el, x, ys, models, 'energy lost (Wh)', 'largest adjacent difference at the end (mV)', 'only');
  }

  document.querySelectorAll('.chart').forEach(function (el) {
    try { draw(el); el.dataset.drawn = 'true'; } catch (e) { el.textContent = 'chart failed: ' + e; }
  });
})();
