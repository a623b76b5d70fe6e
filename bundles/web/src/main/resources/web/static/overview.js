/* The packs overview: one tile per pack, live from /api/events. */
"use strict";
(function () {
  var list = document.getElementById("packs");
  var tiles = {};

  function row(dl, label, key) {
    var div = document.createElement("div");
    var dt = document.createElement("dt");
    dt.textContent = label;
    var dd = document.createElement("dd");
    dd.dataset.k = key;
    div.appendChild(dt);
    div.appendChild(dd);
    dl.appendChild(div);
  }

  function tile(id) {
    var li = document.createElement("li");
    li.className = "tile";
    li.dataset.pack = id;
    var a = document.createElement("a");
    a.href = "/packs/" + encodeURIComponent(id);
    a.className = "tile-name";
    a.textContent = id;
    var state = document.createElement("p");
    state.className = "tile-state";
    state.dataset.k = "state";
    var dl = document.createElement("dl");
    row(dl, "Cells", "cells");
    row(dl, "Model", "model");
    row(dl, "Board", "board");
    row(dl, "Health", "health");
    row(dl, "Spread (max−min)", "spread");
    row(dl, "Largest adjacent ΔV", "adjacent");
    row(dl, "Balancing pairs", "balancing");
    row(dl, "Tick", "tick");
    var faults = document.createElement("ul");
    faults.className = "tile-faults";
    li.appendChild(a);
    li.appendChild(state);
    li.appendChild(dl);
    li.appendChild(faults);
    // keep the tiles in the order of their ids
    var after = Object.keys(tiles).sort().find(function (k) { return k > id; });
    list.insertBefore(li, after ? tiles[after] : null);
    tiles[id] = li;
    return li;
  }

  function set(li, key, value) {
    var e = li.querySelector('[data-k="' + key + '"]');
    if (e.textContent !== value) e.textContent = value;
  }

  function show(s) {
    var li = tiles[s.pack] || tile(s.pack);
    var bad = Cellgate.faulted(s);
    li.classList.toggle("fault", bad);
    set(li, "state", bad ? "fault" : "ok");
    set(li, "cells", s.cells + " " + s.chemistry);
    set(li, "model", s.model || "none");
    set(li, "board", s.boardState || "–");
    set(li, "health", Cellgate.words(s.health));
    set(li, "spread", Cellgate.mV(s.spreadVolts));
    set(li, "adjacent", Cellgate.mV(s.maxAdjacentDeltaVolts));
    set(li, "balancing", String(s.balancingPairs + (s.bleedingCells ? " (+" + s.bleedingCells + " bleeding)" : "")));
    set(li, "tick", (s.tickPeriodSeconds * 1000).toFixed(0) + " ms, late ≤ "
        + (s.maxLatenessSeconds * 1000).toFixed(1) + " ms");
    var ul = li.querySelector(".tile-faults");
    var messages = s.faults.map(function (f) { return f.message + " (since " + Cellgate.wallClock(f.since) + ")"; });
    if (ul.dataset.v !== messages.join("\n")) {
      ul.dataset.v = messages.join("\n");
      ul.replaceChildren.apply(ul, messages.map(function (m) {
        var item = document.createElement("li");
        item.textContent = m;
        return item;
      }));
    }
    li.setAttribute("aria-label", "Pack " + s.pack + (bad ? ", faulted" : ""));
    document.getElementById("empty").hidden = true;
  }

  function removed(g) {
    var li = tiles[g.pack];
    if (li) {
      li.remove();
      delete tiles[g.pack];
    }
    document.getElementById("empty").hidden = Object.keys(tiles).length > 0;
  }

  fetch("/api/packs").then(function (r) { return r.json(); }).then(function (packs) {
    var empty = document.getElementById("empty");
    if (!Array.isArray(packs)) {
      // reads need a login (reads.require.login): a pack's page has the login form, and its cookie serves here too
      empty.textContent = packs.error + " (the login form is on a pack's page, /packs/<pack id>)";
      empty.hidden = false;
      return;
    }
    packs.forEach(show);
    empty.hidden = packs.length > 0;
  });
  Cellgate.stream("/api/events", { pack: show, removed: removed });
})();
