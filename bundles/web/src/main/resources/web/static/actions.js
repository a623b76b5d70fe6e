/* The pack page's actions, by the shell's rules (the gateway applies them): swap the balancer model, set a property.
   Who may is the gateway's answer to /api/session; every change is a POST with the token it gave. */
"use strict";
(function () {
  var id = decodeURIComponent(location.pathname.split("/")[2] || "");
  var api = "/api/packs/" + encodeURIComponent(id);
  var token = null;
  var models = [];
  var properties = [];
  function $(x) { return document.getElementById(x); }

  function result(message, ok) {
    var r = $("act-result");
    r.textContent = message;
    r.className = "act-result " + (ok ? "ok" : "bad");
    r.setAttribute("role", ok ? "status" : "alert");
  }

  /** A POST with the session's token; the answer's JSON, with its status. */
  function post(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Cellgate-Token": token || "" },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) { j.status = r.status; return j; },
        function () { return { status: r.status, error: "the gateway answered " + r.status }; });
    }, function () { return { status: 0, error: "the gateway did not answer" }; });
  }
  function get(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; });
  }

  function session() {
    return get("/api/session").then(function (s) {
      if (!s) return;
      token = s.token;
      $("swap-fields").disabled = !s.mayChange;
      $("set-fields").disabled = !s.mayChange;
      $("act-why").hidden = s.mayChange;
      $("act-why").textContent = s.why || "";
      $("login").hidden = !(s.passwordSet && !s.loggedIn);
      $("logout").hidden = !s.loggedIn;
      Cellgate.text("act-who", s.loggedIn ? "logged in as " + s.user : s.passwordSet ? "log in to change" : "");
      document.body.dataset.mayChange = String(s.mayChange);
      if (s.mayChange) loadChoices();
    });
  }

  var VERDICT = { FITS: "✓ fits", FITS_WITH_WARNINGS: "⚠ fits with warnings", UNSUPPORTED: "✗ does not fit" };

  function loadChoices() {
    get(api + "/models").then(function (list) {
      if (!list) return;
      models = list;
      var sel = $("swap-model");
      var keep = sel.value;
      sel.replaceChildren.apply(sel, list.map(function (m) {
        var o = document.createElement("option");
        o.value = m.name;
        o.dataset.verdict = m.verdict;
        o.textContent = m.name + " — " + VERDICT[m.verdict] + (m.current ? " (in use)" : "");
        return o;
      }));
      var current = list.filter(function (m) { return m.current; })[0];
      sel.value = keep && list.some(function (m) { return m.name === keep; }) ? keep : current ? current.name : "";
      showFit();
    });
    get(api + "/properties").then(function (list) {
      if (!list) return;
      properties = list;
      var sel = $("set-property");
      var keep = sel.value;
      sel.replaceChildren.apply(sel, list.map(function (p) {
        var o = document.createElement("option");
        o.value = p.id;
        o.textContent = p.id + " — " + p.name;
        return o;
      }));
      if (keep) sel.value = keep;
      showProperty(false);
    });
  }

  function showFit() {
    var m = models.filter(function (x) { return x.name === $("swap-model").value; })[0];
    $("swap-fit").textContent = m ? m.name + " (" + m.vendor + ", " + m.cells + " cells) " + m.summary : "";
    $("swap-confirm").hidden = true;
  }

  function showProperty(keepValue) {
    var p = properties.filter(function (x) { return x.id === $("set-property").value; })[0];
    if (!p) return;
    $("set-range").textContent = (p.range ? "range " + p.range + "; " : "")
        + (p.options ? "one of " + p.options.join(", ") + "; " : "") + "now " + p.value
        + (p.description ? ". " + p.description : "");
    if (!keepValue) $("set-value").value = p.value;
  }

  function swap(confirmed) {
    var name = $("swap-model").value;
    post(api + "/swap", { model: name, confirm: confirmed }).then(function (r) {
      if (r.status === 200) {
        $("swap-confirm").hidden = true;
        result(r.message + (r.warnings.length ? " — " + r.warnings.join("; ") : ""), true);
        loadChoices();
      } else if (r.status === 409 && r.confirmable) {
        $("swap-confirm-text").textContent = r.error;
        $("swap-confirm").hidden = false;
        $("swap-confirm-yes").focus();
      } else {
        result(r.error, false);
        if (r.status === 401 || r.status === 403) session();
      }
    });
  }

  $("swap-model").addEventListener("change", showFit);
  $("set-property").addEventListener("change", function () { showProperty(false); });
  $("swap-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var o = $("swap-model").selectedOptions[0];
    if (o && o.dataset.verdict === "FITS_WITH_WARNINGS") {
      // asked before sending: the gateway would refuse it unconfirmed, as cellgate:swap without --force
      $("swap-confirm-text").textContent = $("swap-fit").textContent + ". Swap anyway?";
      $("swap-confirm").hidden = false;
      $("swap-confirm-yes").focus();
    } else {
      swap(false);
    }
  });
  $("swap-confirm-yes").addEventListener("click", function () { swap(true); });
  $("swap-confirm-no").addEventListener("click", function () {
    $("swap-confirm").hidden = true;
    result("swap cancelled", true);
  });
  $("set-form").addEventListener("submit", function (e) {
    e.preventDefault();
    post(api + "/set", { property: $("set-property").value, value: $("set-value").value }).then(function (r) {
      if (r.status === 200) {
        result(r.message + (r.warnings.length ? " — " + r.warnings.join("; ") : ""), true);
        loadChoices();
      } else {
        result(r.error, false);
        if (r.status === 401 || r.status === 403) session();
      }
    });
  });
  $("login").addEventListener("submit", function (e) {
    e.preventDefault();
    post("/api/login", { user: $("login-user").value, password: $("login-password").value }).then(function (r) {
      $("login-password").value = "";
      if (r.status === 200) {
        result("logged in as " + r.user, true);
        session();
      } else {
        result(r.error, false);
      }
    });
  });
  $("logout").addEventListener("click", function () {
    post("/api/logout", {}).then(function () { result("logged out", true); session(); });
  });
  session();
})();
