// mcgo trace viewer: draws a message sequence chart (SVG) of a
// counterexample and lets the reader walk it step by step. Everything it
// needs is in this page: no network access.
(function () {
  "use strict";
  var data = TRACE_DATA;
  var T = data.trace;
  var steps = T.steps || [];
  var N = steps.length;
  var SVG = "http://www.w3.org/2000/svg";
  var palette = ["#1565c0", "#2e7d32", "#e65100", "#6a1b9a", "#00838f", "#ad1457", "#4e342e", "#37474f"];

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function h(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Lanes: processes grouped by node, in the model's node order.
  var nodeOrder = (T.nodes || []).map(function (n) { return n.short; });
  var lanes = [];
  var seen = {};
  nodeOrder.forEach(function (n) {
    (T.processes || []).forEach(function (p, i) {
      if (p.node === n && !seen[i]) { lanes.push(p); seen[i] = true; }
    });
  });
  (T.processes || []).forEach(function (p, i) { if (!seen[i]) lanes.push(p); });
  var laneOf = {};
  lanes.forEach(function (p, i) { laneOf[p.pid] = i; });
  var nodeColor = {};
  nodeOrder.forEach(function (n, i) { nodeColor[n] = palette[i % palette.length]; });

  var colW = 150, rowH = 26, top = 96, left = 56;
  var width = left + Math.max(1, lanes.length) * colW + 24;
  var height = top + N * rowH + 40;
  function x(i) { return left + i * colW + colW / 2; }
  function y(n) { return top + (n - 0.5) * rowH; }

  var svg = el("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, id: "msc" });
  document.getElementById("chart").appendChild(svg);
  var defs = el("defs", {}, svg);
  [["head-message", "#1565c0"], ["head-immediate", "#2e7d32"], ["head-signal", "#8e24aa"], ["head-dropped", "#999"]].forEach(function (m) {
    var mk = el("marker", { id: m[0], viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: m[1] }, mk);
  });

  var gRows = el("g", { id: "rows" }, svg);
  var gGroups = el("g", { id: "groups" }, svg);
  var gLanes = el("g", { id: "lanes" }, svg);
  var gFaults = el("g", { id: "faults" }, svg);
  var gArrows = el("g", { id: "arrows" }, svg);
  var gMarks = el("g", { id: "marks" }, svg);

  // Step rows (clickable, highlighted when current).
  var rowEls = [];
  steps.forEach(function (s) {
    var r = el("rect", { x: 0, y: y(s.n) - rowH / 2, width: width, height: rowH, "class": "step-row" + (s.violation ? " violation" : ""), "data-step": s.n }, gRows);
    r.addEventListener("click", function () { go(s.n); });
    rowEls[s.n] = r;
    var t = el("text", { x: 8, y: y(s.n) + 4, "class": "step-label" }, gRows);
    t.textContent = s.n;
    if (s.violation) {
      var v = el("text", { x: 26, y: y(s.n) + 4, "class": "violation-mark" }, gRows);
      v.textContent = "\u2716";
    }
  });

  // Node groups and lane heads.
  var groupSpan = {};
  lanes.forEach(function (p, i) {
    var g = groupSpan[p.node] || (groupSpan[p.node] = { lo: i, hi: i });
    g.lo = Math.min(g.lo, i); g.hi = Math.max(g.hi, i);
  });
  Object.keys(groupSpan).forEach(function (n) {
    var g = groupSpan[n];
    var c = nodeColor[n] || "#555";
    el("rect", { x: left + g.lo * colW + 4, y: 6, width: (g.hi - g.lo + 1) * colW - 8, height: height - 12, rx: 6, fill: c, stroke: c, "class": "node-group", "data-node": n }, gGroups);
    var t = el("text", { x: left + g.lo * colW + 12, y: 22, fill: c, "class": "head-name" }, gGroups);
    t.textContent = "node " + n;
  });
  var firstCreation = {};
  lanes.forEach(function (p) {
    if (!(p.node in firstCreation) || p.incarnation < firstCreation[p.node]) firstCreation[p.node] = p.incarnation;
  });
  var nodeRestarts = {};
  steps.forEach(function (s) { if (s.kind === "restart") (s.target_nodes || []).forEach(function (n) { nodeRestarts[n] = true; }); });
  lanes.forEach(function (p, i) {
    var cx = x(i);
    var c = nodeColor[p.node] || "#555";
    var name = p.name || "?";
    var t1 = el("text", { x: cx, y: 44, "text-anchor": "middle", fill: c, "class": "head-name" }, gLanes);
    t1.textContent = name.length > 20 ? name.slice(0, 19) + "\u2026" : name;
    var tt = el("title", {}, t1); tt.textContent = name;
    var t2 = el("text", { x: cx, y: 60, "text-anchor": "middle" }, gLanes);
    t2.textContent = p.pid;
    if (nodeRestarts[p.node] || p.incarnation !== firstCreation[p.node]) {
      var t3 = el("text", { x: cx, y: 76, "text-anchor": "middle", "class": "incarnation" }, gLanes);
      t3.textContent = "incarnation c" + p.incarnation;
    }
    var y1 = p.born > 0 ? y(p.born) : top - 8;
    var y2 = p.died > 0 ? y(p.died) : height - 20;
    el("line", { x1: cx, y1: y1, x2: cx, y2: y2, "class": "lifeline", "data-pid": p.pid }, gLanes);
    if (p.born > 0) el("circle", { cx: cx, cy: y(p.born), r: 5, "class": "birth" }, gMarks);
    if (p.died > 0) {
      var d = 5, yy = y(p.died);
      el("path", { d: "M" + (cx - d) + " " + (yy - d) + " L" + (cx + d) + " " + (yy + d) + " M" + (cx + d) + " " + (yy - d) + " L" + (cx - d) + " " + (yy + d), "class": "death" }, gMarks);
      var r = el("text", { x: cx + 8, y: yy - 4, "class": "death-reason" }, gMarks);
      r.textContent = p.reason ? "exit: " + (p.reason.length > 22 ? p.reason.slice(0, 21) + "\u2026" : p.reason) : "vanished (node down)";
      var rt = el("title", {}, r); rt.textContent = p.reason || "its node went down";
    }
  });

  // Faults: a band across the node's lanes (crash, restart) or both nodes'
  // lanes (disconnect).
  steps.forEach(function (s) {
    if (!s.fault && s.kind !== "detect") return;
    var ns = s.target_nodes || [];
    var lo = Infinity, hi = -Infinity;
    ns.forEach(function (n) { var g = groupSpan[n]; if (g) { lo = Math.min(lo, g.lo); hi = Math.max(hi, g.hi); } });
    if (lo === Infinity) { lo = 0; hi = lanes.length - 1; }
    var yy = y(s.n);
    if (s.fault) {
      el("rect", { x: left + lo * colW + 2, y: yy - rowH / 2 + 3, width: (hi - lo + 1) * colW - 4, height: rowH - 6, "class": "fault", "data-step": s.n, "data-kind": s.kind }, gFaults);
    }
    var t = el("text", { x: left + lo * colW + 8, y: yy + 4, "class": "fault-label" }, gFaults);
    t.textContent = s.fault ? s.text : s.text;
  });

  // Messages and signals: one arrow from the send to the delivery, loss or
  // drop, matched by event id.
  var msgs = {};
  steps.forEach(function (s) {
    (s.events || []).forEach(function (e) {
      if (!e.id) return;
      var m = msgs[e.id] || (msgs[e.id] = { id: e.id, kind: e.kind, term: e.term });
      if (e.type === "send") { m.send = s.n; m.from = e.from; m.to = e.to; }
      else if (e.type === "deliver" || e.type === "drop") { m.end = s.n; m.endType = e.type === "drop" ? "dropped" : "delivered"; m.to = m.to || e.to; if (e.to) m.to = e.to; }
      else if (e.type === "lost") { m.end = s.n; m.endType = "lost"; if (!m.from) { m.from = e.from; m.to = e.to; } }
    });
  });
  var arrowsByStep = {};
  function note(n, a) { (arrowsByStep[n] || (arrowsByStep[n] = [])).push(a); }
  Object.keys(msgs).forEach(function (k) {
    var m = msgs[k];
    if (m.send === undefined || !(m.from in laneOf)) return;
    var x1 = x(laneOf[m.from]), y1 = y(m.send);
    var toLane = m.to in laneOf ? laneOf[m.to] : null;
    var isMsg = m.kind === "message";
    var cls = "arrow " + (isMsg ? "message" : "signal");
    var x2, y2, head;
    if (m.endType === "lost") {
      var tx = toLane !== null ? x(toLane) : x1 + colW;
      x2 = x1 + (tx - x1) * 0.6; y2 = y(m.end);
      if (y2 === y1) y2 = y1 + rowH * 0.35;
      cls += " lost";
    } else if (m.endType) {
      if (toLane === null) return;
      x2 = x(toLane); y2 = y(m.end);
      if (m.end === m.send) { cls += " immediate"; y2 = y1 + 2; }
      cls += " " + m.endType;
      head = m.endType === "dropped" ? "head-dropped" : (m.end === m.send && isMsg ? "head-immediate" : (isMsg ? "head-message" : "head-signal"));
    } else {
      // Still in flight at the end of the trace.
      if (toLane === null) return;
      x2 = x1 + (x(toLane) - x1) * 0.5; y2 = height - 24;
      cls += " inflight";
      head = isMsg ? "head-message" : "head-signal";
    }
    if (x2 > x1) x2 -= 4; else if (x2 < x1) x2 += 4;
    var attrs = { x1: x1, y1: y1, x2: x2, y2: y2, "class": cls, "data-id": m.id, "data-send": m.send, "data-end": m.end || "" };
    if (head) attrs["marker-end"] = "url(#" + head + ")";
    var line = el("line", attrs, gArrows);
    var label = el("text", { x: (x1 + x2) / 2 + 3, y: (y1 + y2) / 2 - 3, "class": "arrow-label" }, gArrows);
    label.textContent = "#" + m.id;
    var tip = (isMsg ? "message " : m.kind + " ") + m.term + "\n#" + m.id + " from " + m.from + " to " + m.to +
      "\nsent at step " + m.send + (m.endType ? ", " + m.endType + " at step " + m.end : ", still in flight");
    hover(line, tip);
    hover(label, tip);
    if (m.endType === "lost") {
      var d = 6;
      var cross = el("path", { d: "M" + (x2 - d) + " " + (y2 - d) + " L" + (x2 + d) + " " + (y2 + d) + " M" + (x2 + d) + " " + (y2 - d) + " L" + (x2 - d) + " " + (y2 + d), "class": "lost-cross " + (isMsg ? "message" : "signal"), "data-id": m.id }, gArrows);
      hover(cross, "LOST " + tip);
    }
    note(m.send, line);
    if (m.end) note(m.end, line);
  });

  // Per-step marks: the acting process, and notifications.
  steps.forEach(function (s) {
    if (s.pid && s.pid in laneOf && s.kind !== "deliver") {
      var a = el("circle", { cx: x(laneOf[s.pid]), cy: y(s.n), r: 3.5, "class": "act" }, gMarks);
      hover(a, s.n + ": " + s.text);
    }
    (s.events || []).forEach(function (e) {
      if (e.type === "notify" && e.to in laneOf) {
        var cx = x(laneOf[e.to]), cy = y(s.n), d = 5;
        var p = el("path", { d: "M" + cx + " " + (cy - d) + " L" + (cx + d) + " " + cy + " L" + cx + " " + (cy + d) + " L" + (cx - d) + " " + cy + " z", "class": "notify" }, gMarks);
        hover(p, e.kind + " to " + e.to + ": " + e.term);
      }
    });
  });

  // Tooltips.
  var tipEl = document.getElementById("tooltip");
  function hover(node, text) {
    node.addEventListener("mouseenter", function (ev) { tipEl.textContent = text; tipEl.style.display = "block"; place(ev); });
    node.addEventListener("mousemove", place);
    node.addEventListener("mouseleave", function () { tipEl.style.display = "none"; });
    node.addEventListener("click", function (ev) { tipEl.textContent = text; tipEl.style.display = "block"; place(ev); ev.stopPropagation(); });
  }
  function place(ev) { tipEl.style.left = (ev.clientX + 14) + "px"; tipEl.style.top = (ev.clientY + 12) + "px"; }

  // Summary.
  var title = document.getElementById("title");
  title.textContent = T.file + (T.variant ? " [" + T.variant + "]" : "") + ": property ";
  var ps = h("span", "prop", T.property); title.appendChild(ps);
  title.appendChild(document.createTextNode(" violated after " + N + " steps"));
  document.getElementById("explanation").textContent = T.message;

  // Step details.
  function list(container, items, cls, empty) {
    container.textContent = "";
    if (!items || items.length === 0) { container.appendChild(h("div", "empty", empty)); return; }
    items.forEach(function (t) { container.appendChild(h("div", "box term " + (cls || ""), t)); });
  }
  function show(s) {
    document.getElementById("d-n").textContent = s.n + " of " + N;
    var who = s.node + (s.pid ? " " + (s.proc ? s.proc + " " : "") + s.pid : "");
    document.getElementById("d-text").textContent = who + ": " + s.text + (s.violation ? "  \u2014 the property fails here" : "");
    var pos = s.pos ? s.pos.file + ":" + s.pos.line + ":" + s.pos.col : "";
    document.getElementById("d-pos").textContent = pos;
    var src = s.pos ? data.source[s.pos.file + ":" + s.pos.line] : undefined;
    var pre = document.getElementById("d-src");
    pre.textContent = src !== undefined ? s.pos.line + "| " + src + "\n" + " ".repeat(String(s.pos.line).length + 1 + s.pos.col) + "^" : "";
    pre.style.display = src !== undefined ? "block" : "none";
    var out = document.getElementById("d-output"); out.textContent = "";
    if (s.output) out.appendChild(h("div", "box term", "output: " + s.output));
    list(document.getElementById("d-lost"), (s.lost || []).map(function (l) { return "LOST: " + l; }), "lostline", "");
    if (!s.lost || !s.lost.length) document.getElementById("d-lost").textContent = "";
    var notes = document.getElementById("d-notes"); notes.textContent = "";
    (s.notes || []).forEach(function (t) { notes.appendChild(h("div", "box", "\u2192 " + t)); });
    // The acting process's mailbox (for a delivery, the receiver's).
    var pid = s.pid;
    if (!pid) (s.events || []).forEach(function (e) { if ((e.type === "deliver" || e.type === "drop") && !pid) pid = e.to; });
    var st = s.state || { procs: [], channels: [] };
    var proc = null;
    st.procs.forEach(function (p) { if (p.pid === pid) proc = p; });
    list(document.getElementById("d-mailbox"), proc ? proc.mailbox : null, "", proc ? "(empty)" : "(no acting process)");
    if (proc) document.getElementById("d-mailbox").insertBefore(h("div", "", proc.name + " " + proc.pid + " (" + proc.status + ")"), document.getElementById("d-mailbox").firstChild);
    list(document.getElementById("d-channels"), (st.channels || []).map(function (c) { return c.from + " \u2192 " + c.to + ": " + c.signals.join(", "); }), "", "(nothing in flight)");
    list(document.getElementById("d-procs"), st.procs.map(function (p) {
      return p.pid + " " + p.name + " " + p.status + (p.mailbox.length ? "  mailbox: [" + p.mailbox.join(", ") + "]" : "");
    }), "", "(none)");
  }

  var cur = 0;
  var slider = document.getElementById("slider");
  slider.max = String(Math.max(1, N));
  function go(n) {
    if (N === 0) return;
    n = Math.max(1, Math.min(N, n));
    if (cur && rowEls[cur]) rowEls[cur].classList.remove("current");
    (arrowsByStep[cur] || []).forEach(function (a) { a.classList.remove("hl"); });
    cur = n;
    rowEls[n].classList.add("current");
    (arrowsByStep[n] || []).forEach(function (a) { a.classList.add("hl"); });
    slider.value = String(n);
    document.getElementById("stepno").textContent = "step " + n + " of " + N;
    document.body.setAttribute("data-current-step", String(n));
    show(steps[n - 1]);
    if (document.getElementById("follow").checked && rowEls[n].scrollIntoView) {
      rowEls[n].scrollIntoView({ block: "nearest" });
    }
  }
  slider.addEventListener("input", function () { go(parseInt(slider.value, 10)); });
  document.getElementById("prev").addEventListener("click", function () { go(cur - 1); });
  document.getElementById("next").addEventListener("click", function () { go(cur + 1); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowLeft" || ev.key === "ArrowUp") { go(cur - 1); ev.preventDefault(); }
    else if (ev.key === "ArrowRight" || ev.key === "ArrowDown") { go(cur + 1); ev.preventDefault(); }
    else if (ev.key === "Home") { go(1); ev.preventDefault(); }
    else if (ev.key === "End") { go(N); ev.preventDefault(); }
  });
  document.addEventListener("click", function () { tipEl.style.display = "none"; });
  // Open at the step where the property fails.
  go(N);
})();
