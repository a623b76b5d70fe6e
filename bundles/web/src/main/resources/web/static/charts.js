/* The pack page's charts (uPlot): both spreads over the last hour or day, every cell's voltage over the last hour.
   The history comes from the gateway's bounded rings; live events add a point every 5 s, and the page keeps at most
   the ring's number of points, so a page left open holds steady memory. */
"use strict";
var CellgateCharts = (function () {
  var HOUR_POINTS = 720;
  var STEP_SECONDS = 5;
  var id = decodeURIComponent(location.pathname.split("/")[2] || "");
  var url = "/api/packs/" + encodeURIComponent(id) + "/history";
  var range = "hour";
  var spread = null;
  var volts = null;
  var hour = null; // {t, s, a, cells}: the hour's data, which live events extend

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }
  function mV(series) {
    return series.map(function (v) { return v === null ? null : v * 1000; });
  }
  function width(el) {
    return Math.max(260, el.clientWidth - 10);
  }
  function axes(unit) {
    var fg = css("--muted");
    var grid = { stroke: css("--line"), width: 1 };
    return [{ stroke: fg, grid: grid, ticks: grid }, { stroke: fg, grid: grid, ticks: grid, label: unit, size: 60 }];
  }

  function drawSpread(t, s, a) {
    var el = document.getElementById("spread-chart");
    if (spread) spread.destroy();
    spread = new uPlot({
      width: width(el), height: 220, scales: { x: { time: true } }, axes: axes("mV"),
      series: [{}, { label: "Spread (max−min)", stroke: css("--accent"), width: 2, value: fmt },
        { label: "Largest adjacent ΔV", stroke: css("--led-on"), width: 2, value: fmt }]
    }, [t, s, a], el);
  }

  function drawVolts(d) {
    var el = document.getElementById("cells-chart");
    if (volts) volts.destroy();
    var series = [{}];
    d.cells.forEach(function (_, i) {
      series.push({ label: String(i + 1), stroke: "hsl(" + Math.round(i * 360 / d.cells.length) + " 65% 50%)",
        width: 1, value: function (u, v) { return v === null || v === undefined ? "–" : v.toFixed(3); } });
    });
    volts = new uPlot({ width: width(el), height: 260, scales: { x: { time: true } }, axes: axes("V"),
      series: series }, [d.t].concat(d.cells), el);
  }

  function fmt(u, v) {
    return v === null || v === undefined ? "–" : v.toFixed(1) + " mV";
  }

  function load(r) {
    fetch(url + "?range=" + r).then(function (res) { return res.json(); }).then(function (j) {
      range = r;
      document.getElementById("range-hour").setAttribute("aria-pressed", String(r === "hour"));
      document.getElementById("range-day").setAttribute("aria-pressed", String(r === "day"));
      var s = mV(j.spreadVolts);
      var a = mV(j.maxAdjacentDeltaVolts);
      if (r === "hour") {
        hour = { t: j.timeSeconds, s: s, a: a, cells: j.cellVolts };
        drawVolts(hour);
      }
      drawSpread(j.timeSeconds, s, a);
    });
  }

  /** A live event: a point every 5 s into the hour, the oldest going beyond the ring's size. */
  function tick(d) {
    var t = d.latest;
    if (!hour || !t.cells || t.cells.length !== hour.cells.length) return;
    var time = Date.parse(t.time) / 1000;
    if (hour.t.length && time - hour.t[hour.t.length - 1] < STEP_SECONDS) return;
    hour.t.push(time);
    hour.s.push(t.spreadVolts * 1000);
    hour.a.push(t.maxAdjacentDeltaVolts * 1000);
    t.cells.forEach(function (c, i) { hour.cells[i].push(c.volts); });
    if (hour.t.length > HOUR_POINTS) {
      hour.t.shift();
      hour.s.shift();
      hour.a.shift();
      hour.cells.forEach(function (c) { c.shift(); });
    }
    if (volts) volts.setData([hour.t].concat(hour.cells));
    if (spread && range === "hour") spread.setData([hour.t, hour.s, hour.a]);
  }

  function resize() {
    if (spread) spread.setSize({ width: width(document.getElementById("spread-chart")), height: 220 });
    if (volts) volts.setSize({ width: width(document.getElementById("cells-chart")), height: 260 });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.getElementById("range-hour").addEventListener("click", function () { load("hour"); });
    document.getElementById("range-day").addEventListener("click", function () { load("day"); });
    window.addEventListener("resize", resize);
    load("hour");
  });

  /** How many points the hour's chart holds (the page's tests read it). */
  function points() {
    return hour ? hour.t.length : -1;
  }

  return { tick: tick, points: points };
})();
