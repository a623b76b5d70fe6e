/* A pack's page: a bar per cell (its deviation from the pack mean), its LED as the board shows it, the pairs
   between the bars; live from /api/packs/<id>/events. */
"use strict";
(function () {
  var id = decodeURIComponent(location.pathname.split("/")[2] || "");
  var list = document.getElementById("cells");
  var cells = [];
  var pairs = [];
  document.getElementById("pack-id").textContent = id;
  document.title = "Cellgate — " + id;

  function span(cls, parent) {
    var s = document.createElement("span");
    s.className = cls;
    parent.appendChild(s);
    return s;
  }

  /** Builds the cells and pairs once per cell count; later ticks only change texts and attributes. */
  function build(n) {
    list.replaceChildren();
    list.style.setProperty("--n", String(n));
    cells = [];
    pairs = [];
    for (var c = 0; c < n; c++) {
      if (c > 0) {
        var p = document.createElement("li");
        p.className = "pair";
        p.dataset.pair = String(c);
        p.style.gridColumn = (2 * c) + " / span 2";
        pairs.push({ li: p, arrow: span("arrow", p), dv: span("dv", p), amps: span("amps", p) });
        pairs[c - 1].arrow.setAttribute("aria-hidden", "true");
        list.appendChild(p);
      }
      var li = document.createElement("li");
      li.className = "cell";
      li.dataset.cell = String(c + 1);
      li.style.gridColumn = (2 * c + 1) + " / span 2";
      var area = span("bar-area", li);
      var bar = span("bar", area);
      var led = span("led", li);
      led.setAttribute("role", "img");
      var num = span("num", li);
      num.textContent = String(c + 1);
      cells.push({ li: li, bar: bar, led: led, volts: span("volts", li), dev: span("dev", li),
        status: span("status", li), bleed: span("bleed", li) });
      list.appendChild(li);
    }
  }

  function attr(e, name, value) {
    if (e.getAttribute(name) !== value) e.setAttribute(name, value);
  }
  function put(e, value) {
    if (e.textContent !== value) e.textContent = value;
  }

  function show(d) {
    if (window.CellgateCharts) CellgateCharts.tick(d);
    var s = d.summary;
    var t = d.latest;
    var bad = Cellgate.faulted(s);
    document.body.classList.toggle("faulted", bad);
    Cellgate.text("s-cells", s.cells + " " + s.chemistry);
    Cellgate.text("s-model", s.model || "none");
    Cellgate.text("s-board", s.boardState || "–");
    Cellgate.text("s-health", Cellgate.words(s.health));
    document.getElementById("s-health").className = s.health === "OK" ? "ok" : "bad";
    Cellgate.text("s-spread", Cellgate.mV(s.spreadVolts));
    Cellgate.text("s-adjacent", Cellgate.mV(s.maxAdjacentDeltaVolts));
    Cellgate.text("s-balancing", String(s.balancingPairs) + (s.bleedingCells ? " (+" + s.bleedingCells + " bleeding)" : ""));
    faults(s.faults, s.fitWarnings);
    if (!t.cells) {
      Cellgate.text("s-tick", "not ticked yet");
      return;
    }
    Cellgate.text("s-tick", "#" + t.tick + ", " + new Date(t.time).toLocaleTimeString());
    Cellgate.text("s-period", (s.tickPeriodSeconds * 1000).toFixed(0) + " ms, late ≤ "
        + (s.maxLatenessSeconds * 1000).toFixed(1) + " ms");
    if (cells.length !== t.cells.length) build(t.cells.length);
    var valid = t.cells.filter(function (c) { return c.status === "OK" && c.volts !== null; });
    var mean = valid.reduce(function (a, c) { return a + c.volts; }, 0) / (valid.length || 1);
    var worst = valid.reduce(function (a, c) { return Math.max(a, Math.abs(c.volts - mean)); }, 0);
    // full scale at least 20 mV either side of the mean: a 10 mV difference is half a bar
    var scale = Math.max(0.02, worst * 1.1);
    Cellgate.text("s-mean", valid.length ? Cellgate.V(mean) : "–");
    Cellgate.text("scale", "bars: deviation from the mean " + Cellgate.V(mean) + ", full height ±" + (scale * 1000).toFixed(0) + " mV");
    t.cells.forEach(function (c, i) {
      var v = cells[i];
      var ok = c.status === "OK" && c.volts !== null;
      var dev = ok ? c.volts - mean : 0;
      var mag = Math.min(1, Math.abs(dev) / scale);
      v.bar.style.setProperty("--mag", mag.toFixed(3));
      // green at the mean to red at 50 mV away; grey without a reading
      v.bar.style.setProperty("--hue", ok ? (140 * (1 - Math.min(1, Math.abs(dev) / 0.05))).toFixed(0) : "0");
      attr(v.li, "data-sign", dev < 0 ? "neg" : "pos");
      attr(v.li, "data-status", c.status);
      attr(v.li, "data-led", c.indicator);
      put(v.volts, ok ? Cellgate.V(c.volts) : "–");
      put(v.dev, ok ? Cellgate.mV(dev, true) : "");
      put(v.status, Cellgate.words(c.status));
      put(v.bleed, c.bleedAmps > 0 ? "bleed " + c.bleedAmps.toFixed(2) + " A" : "");
      var led = "LED " + Cellgate.words(c.indicator);
      attr(v.led, "aria-label", led);
      attr(v.led, "title", led);
      attr(v.li, "aria-label", "Cell " + c.cell + ": " + (ok ? Cellgate.V(c.volts) + ", " + Cellgate.mV(dev, true)
          + " from the mean" : "no reading") + ", " + led + ", status " + Cellgate.words(c.status)
          + (c.bleedAmps > 0 ? ", bleeding " + c.bleedAmps.toFixed(2) + " A" : ""));
    });
    t.pairs.forEach(function (p, k) {
      var v = pairs[k];
      var lower = k + 1;
      var arrow = p.direction === "idle" ? "·" : p.direction === lower + "->" + (lower + 1) ? "→" : "←";
      attr(v.li, "data-direction", p.direction);
      put(v.arrow, arrow);
      put(v.dv, p.deltaVolts === null ? "–" : Cellgate.mV(p.deltaVolts, true));
      put(v.amps, p.direction === "idle" ? "" : Math.abs(p.amps).toFixed(2) + " A");
      attr(v.li, "aria-label", "Pair " + lower + "–" + (lower + 1) + ": ΔV " + (p.deltaVolts === null ? "none"
          : Cellgate.mV(p.deltaVolts, true)) + ", " + (p.direction === "idle" ? "idle"
          : "energy " + p.direction.replace("->", " to ") + " at " + Math.abs(p.amps).toFixed(2) + " A"));
    });
  }

  function faults(list, warnings) {
    var ul = document.getElementById("faults");
    var key = JSON.stringify(list) + JSON.stringify(warnings);
    if (ul.dataset.v === key) return;
    ul.dataset.v = key;
    ul.replaceChildren.apply(ul, list.map(function (f) {
      var li = document.createElement("li");
      var time = document.createElement("time");
      time.dateTime = f.since;
      time.textContent = Cellgate.wallClock(f.since);
      li.appendChild(time);
      li.appendChild(document.createTextNode(" " + f.message + (f.sinceTick === null ? "" : " (tick " + f.sinceTick + ")")));
      return li;
    }));
    document.getElementById("no-faults").hidden = list.length > 0;
    var w = document.getElementById("warnings");
    w.replaceChildren.apply(w, (warnings || []).map(function (m) {
      var li = document.createElement("li");
      li.textContent = m;
      return li;
    }));
  }

  function removed() {
    Cellgate.text("s-health", "removed from the gateway");
    document.body.classList.add("faulted");
  }

  function fixed(x, digits, unit) {
    return x === null || x === undefined ? "–" : x.toFixed(digits) + unit;
  }

  function listOf(ul, messages) {
    ul.replaceChildren.apply(ul, messages.map(function (m) {
      var li = document.createElement("li");
      li.textContent = m;
      return li;
    }));
  }

  /**
   * The cell insight's findings, a row of estimates per cell (the weak cell a finding names marked) and its notes;
   * its alerts are in the pack's faults. Or why there is none.
   */
  function insight(d) {
    var table = document.getElementById("estimates");
    var key = JSON.stringify(d.running ? [d.cells, d.findings, d.notes] : d.reason);
    if (table.dataset.v === key) return;
    table.dataset.v = key;
    var findings = d.running ? d.findings : [];
    listOf(document.getElementById("findings"), findings.map(function (f) { return f.message; }));
    listOf(document.getElementById("insight-notes"), d.running ? d.notes : []);
    var none = document.getElementById("insight-none");
    none.hidden = findings.length > 0;
    none.textContent = d.running ? "No findings." : d.reason;
    var named = {};
    findings.forEach(function (f) { if (f.cell !== null) named[f.cell] = true; });
    var rows = (d.running ? d.cells : []).map(function (c) {
      var tr = document.createElement("tr");
      tr.dataset.cell = String(c.cell);
      if (named[c.cell]) tr.className = "named";
      [String(c.cell),
        fixed(c.soc === null ? null : 100 * c.soc, 1, " %"),
        c.capacityAh === null ? "–" : c.capacityAh.toFixed(3) + " Ah (" + (100 * c.capacityConfidence).toFixed(0) + " %)",
        fixed(c.selfDischargePercentPerMonth, 1, " %/month"),
        fixed(c.driftVoltsPerDay === null ? null : 1000 * c.driftVoltsPerDay, 2, " mV/day"),
        fixed(c.netBalanceCoulombsPerDay === null ? null : c.netBalanceCoulombsPerDay / 3.6, 1, " mAh/day")
      ].forEach(function (text, i) {
        var td = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) td.scope = "row";
        td.textContent = text;
        tr.appendChild(td);
      });
      return tr;
    });
    var body = table.tBodies[0];
    body.replaceChildren.apply(body, rows);
  }

  function pollInsight() {
    fetch(url + "/insight").then(function (r) {
      if (r.ok) r.json().then(insight);
    }).catch(function () { /* the gateway restarting: the next poll asks again */ });
  }

  var url = "/api/packs/" + encodeURIComponent(id);
  pollInsight();
  setInterval(pollInsight, 5000);
  fetch(url).then(function (r) {
    if (r.status === 404 || r.status === 401 || r.status === 403) {
      r.json().then(function (e) { Cellgate.text("s-health", e.error); });
    }
  });
  Cellgate.stream(url + "/events", { pack: show, removed: removed });
})();
