/* Cellgate console: what both pages share. No framework, no build step. */
"use strict";
var Cellgate = (function () {
  /** Volts as millivolts with a sign when asked: 0.0123 -> "12.3 mV". */
  function mV(volts, signed) {
    if (volts === null || volts === undefined || !isFinite(volts)) return "–";
    var v = volts * 1000;
    return (signed && v > 0 ? "+" : "") + v.toFixed(1) + " mV";
  }
  function V(volts) {
    return volts === null || volts === undefined || !isFinite(volts) ? "–" : volts.toFixed(3) + " V";
  }
  /** Words, not codes: OPEN_WIRE -> "open wire". */
  function words(code) {
    return code ? code.toLowerCase().replace(/_/g, " ") : "–";
  }
  function wallClock(iso) {
    return iso ? new Date(iso).toLocaleString() : "–";
  }
  function text(id, value) {
    var e = document.getElementById(id);
    if (e.textContent !== value) e.textContent = value;
  }
  /** A pack is faulted when its health is not OK or a fault is present. */
  function faulted(summary) {
    return (summary.health && summary.health !== "OK") || (summary.faults && summary.faults.length > 0);
  }

  /**
   * Opens a Server-Sent Events stream and keeps it open: the browser retries a dropped connection by itself; a
   * stream it gave up on (the gateway restarting answers 404 or 503 for a moment) is opened again after 3 s.
   */
  function stream(url, handlers) {
    var conn = document.getElementById("conn");
    var source = null;
    function status(s, cls) {
      conn.textContent = s;
      conn.className = "conn " + cls;
      document.body.dataset.conn = cls;
    }
    function open() {
      source = new EventSource(url);
      source.onopen = function () { status("live", "live"); };
      source.onerror = function () {
        if (source.readyState === EventSource.CLOSED) {
          status("reconnecting…", "down");
          setTimeout(open, 3000);
        } else {
          status("reconnecting…", "down");
        }
      };
      Object.keys(handlers).forEach(function (name) {
        source.addEventListener(name, function (e) {
          status("live", "live");
          handlers[name](JSON.parse(e.data));
        });
      });
    }
    open();
    window.addEventListener("pagehide", function () { if (source) source.close(); });
  }

  return { mV: mV, V: V, words: words, wallClock: wallClock, text: text, faulted: faulted, stream: stream };
})();
