// mcgo trace viewer: draws a message sequence chart (SVG) of a
// counterexample and lets the reader walk it step by step. Everything it
// needs is in this page: no network access.
//
// The chart tells the story without hovering: one lifeline per process
// incarnation (a pid reused after a restart is a later process on a
// lifeline of its own), headers that stay in view and name the function
// each process is in, arrows labelled with their term, each step's text
// beside its row, io:format output on the lifeline that printed it, a
// crash ending its lifeline with the reason, lost messages drawn apart
// from the fault band, and calls paired with their replies.
(function () {
  "use strict";
  var data = TRACE_DATA;
  var T = data.trace;
  var steps = T.steps || [];
  var N = steps.length;
  var funcs = data.funcs || {};
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
  function short(s, n) {
    s = String(s === undefined ? "" : s).replace(/\s+/g, " ");
    return s.length > n ? s.slice(0, n - 1) + "\u2026" : s;
  }
  function titled(node, text) { var t = el("title", {}, node); t.textContent = text; }

  // Lanes: one per process incarnation (an entry of T.processes), grouped
  // by node in the model's order.
  var procs = T.processes || [];
  var nodeOrder = (T.nodes || []).map(function (n) { return n.short; });
  var lanes = [];
  var seen = {};
  nodeOrder.forEach(function (n) {
    procs.forEach(function (p, i) { if (p.node === n && !seen[i]) { lanes.push(i); seen[i] = true; } });
  });
  procs.forEach(function (p, i) { if (!seen[i]) lanes.push(i); });
  var laneOfProc = {};
  lanes.forEach(function (pi, k) { laneOfProc[pi] = k; });
  var nodeColor = {};
  nodeOrder.forEach(function (n, i) { nodeColor[n] = palette[i % palette.length]; });

  // procAt: the process a pid names at step n (as trace.File.ProcAt): the
  // one alive then; else the first created after n (a spawn request
  // travels to the pid it creates); else the last one that ended before.
  function procAt(pid, n) {
    var next = -1, last = -1;
    for (var i = 0; i < procs.length; i++) {
      var p = procs[i];
      if (p.pid !== pid) continue;
      if (p.born <= n && (!p.died || p.died >= n)) return i;
      if (p.born > n) { if (next < 0 || p.born < procs[next].born) next = i; }
      else if (last < 0 || p.died > procs[last].died) last = i;
    }
    return next >= 0 ? next : last;
  }
  function laneAt(pid, n) { var i = procAt(pid, n); return i < 0 ? null : laneOfProc[i]; }

  var colW = 180, rowH = 28, top = 12, left = 44, headH = 86;
  var textX = left + Math.max(1, lanes.length) * colW + 14, textW = 560;
  var width = textX + textW;
  var height = top + N * rowH + 40;
  function x(k) { return left + k * colW + colW / 2; }
  function y(n) { return top + (n - 0.5) * rowH; }

  var chart = document.getElementById("chart");
  var heads = document.getElementById("heads");
  heads.style.width = width + "px";
  heads.style.height = headH + "px";
  var svg = el("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, id: "msc" });
  chart.appendChild(svg);
  var defs = el("defs", {}, svg);
  [["head-message", "#1565c0"], ["head-immediate", "#2e7d32"], ["head-signal", "#8e24aa"], ["head-dropped", "#999"], ["head-reply", "#00695c"]].forEach(function (m) {
    var mk = el("marker", { id: m[0], viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: m[1] }, mk);
  });

  var gRows = el("g", { id: "rows" }, svg);
  var gGroups = el("g", { id: "groups" }, svg);
  var gFaults = el("g", { id: "faults" }, svg);
  var gLanes = el("g", { id: "lanes" }, svg);
  var gArrows = el("g", { id: "arrows" }, svg);
  var gMarks = el("g", { id: "marks" }, svg);
  var gText = el("g", { id: "texts" }, svg);

  // Step rows (clickable, highlighted when current), each with its
  // one-line text beside it.
  var rowEls = [];
  steps.forEach(function (s) {
    var r = el("rect", { x: 0, y: y(s.n) - rowH / 2, width: width, height: rowH, "class": "step-row" + (s.violation ? " violation" : ""), "data-step": s.n }, gRows);
    r.addEventListener("click", function () { go(s.n); });
    rowEls[s.n] = r;
    var t = el("text", { x: 6, y: y(s.n) + 4, "class": "step-label" }, gRows);
    t.textContent = s.n;
    if (s.violation) {
      var v = el("text", { x: 24, y: y(s.n) + 4, "class": "violation-mark" }, gRows);
      v.textContent = "\u2716";
    }
    var line = (s.pid ? s.pid + " " : "") + s.text + (s.violation ? "  \u2190 the property fails here" : "");
    var tx = el("text", { x: textX, y: y(s.n) + 4, "class": "step-text" + (s.fault ? " fault-text" : "") + (s.violation ? " violation-text" : ""), "data-step": s.n }, gText);
    tx.textContent = short(line, 80);
    titled(tx, line);
  });

  // Node groups and lifelines.
  var groupSpan = {};
  lanes.forEach(function (pi, k) {
    var n = procs[pi].node;
    var g = groupSpan[n] || (groupSpan[n] = { lo: k, hi: k });
    g.lo = Math.min(g.lo, k); g.hi = Math.max(g.hi, k);
  });
  Object.keys(groupSpan).forEach(function (n) {
    var g = groupSpan[n];
    var c = nodeColor[n] || "#555";
    el("rect", { x: left + g.lo * colW + 4, y: 0, width: (g.hi - g.lo + 1) * colW - 8, height: height - 6, rx: 6, fill: c, stroke: c, "class": "node-group", "data-node": n }, gGroups);
    var lbl = h("div", "node-label", "node " + n);
    lbl.style.left = (left + g.lo * colW + 10) + "px";
    lbl.style.color = c;
    heads.appendChild(lbl);
  });
  var firstCreation = {};
  procs.forEach(function (p) {
    if (!(p.node in firstCreation) || p.incarnation < firstCreation[p.node]) firstCreation[p.node] = p.incarnation;
  });
  var nodeRestarts = {};
  steps.forEach(function (s) { if (s.kind === "restart") (s.target_nodes || []).forEach(function (n) { nodeRestarts[n] = true; }); });
  // A process that raised is ending (its status is "exiting"): the trace
  // names it in a note, "<pid> raises R at file:line:col".
  var raised = {};
  steps.forEach(function (s) {
    (s.notes || []).forEach(function (t) {
      var m = /^(<[^<>\s]+>) raises (.*) at \S+$/.exec(t);
      if (m) { var i = procAt(m[1], s.n); if (i >= 0 && !(i in raised)) raised[i] = { n: s.n, reason: m[2] }; }
    });
  });
  var headEls = [], lifelineEls = [];
  lanes.forEach(function (pi, k) {
    var p = procs[pi];
    var died = p.died || 0, reason = p.reason;
    if (raised[pi] && (!died || raised[pi].n < died)) { died = raised[pi].n; reason = raised[pi].reason; }
    var cx = x(k);
    var c = nodeColor[p.node] || "#555";
    var hd = h("div", "lane-head");
    hd.style.left = (cx - colW / 2 + 6) + "px";
    hd.style.width = (colW - 12) + "px";
    hd.setAttribute("data-lane", k);
    hd.setAttribute("data-pid", p.pid);
    var fn = h("div", "fn"); fn.style.color = c;
    var sp = h("div", "spawned", "");
    hd.appendChild(fn); hd.appendChild(sp);
    hd.appendChild(h("div", "pid", p.pid));
    if (nodeRestarts[p.node] || p.incarnation !== firstCreation[p.node]) hd.appendChild(h("div", "inc", "incarnation c" + p.incarnation));
    heads.appendChild(hd);
    headEls[k] = { el: hd, fn: fn, spawned: sp };
    var y1 = p.born > 0 ? y(p.born) : 2;
    var y2 = died > 0 ? y(died) : height - 12;
    lifelineEls[k] = el("line", { x1: cx, y1: y1, x2: cx, y2: y2, "class": "lifeline", "data-pid": p.pid, "data-lane": k, "data-x": cx, "data-born": p.born, "data-died": p.died || 0 }, gLanes);
    if (p.born > 0) el("circle", { cx: cx, cy: y(p.born), r: 5, "class": "birth" }, gMarks);
    if (died > 0) {
      // A crash ends its lifeline with the reason.
      var d = 6, yy = y(died);
      var crash = reason && reason !== "normal";
      el("path", { d: "M" + (cx - d) + " " + (yy - d) + " L" + (cx + d) + " " + (yy + d) + " M" + (cx + d) + " " + (yy - d) + " L" + (cx - d) + " " + (yy + d), "class": "death" + (crash ? " crash" : "") }, gMarks);
      var r = el("text", { x: cx + 9, y: yy + 14, "class": "death-reason" + (crash ? " crash" : ""), "data-lane": k }, gMarks);
      var why = !reason ? "vanished (node down)" : (crash ? "crashed: " + reason : "exit: " + reason);
      r.textContent = short(why, 26);
      titled(r, why);
    }
  });

  // Faults: a band across the node's lanes (crash, restart) or both nodes'
  // lanes (disconnect).
  steps.forEach(function (s) {
    if (!s.fault) return;
    var ns = s.target_nodes || [];
    var lo = Infinity, hi = -Infinity;
    ns.forEach(function (n) { var g = groupSpan[n]; if (g) { lo = Math.min(lo, g.lo); hi = Math.max(hi, g.hi); } });
    if (lo === Infinity) { lo = 0; hi = lanes.length - 1; }
    el("rect", { x: left + lo * colW + 2, y: y(s.n) - rowH / 2 + 3, width: (hi - lo + 1) * colW - 4, height: rowH - 6, "class": "fault", "data-step": s.n, "data-kind": s.kind }, gFaults);
  });

  // Messages and signals: one arrow from the send to the delivery, loss or
  // drop, matched by event id. The receiver is the incarnation alive where
  // the message ends.
  var msgs = {};
  steps.forEach(function (s) {
    (s.events || []).forEach(function (e) {
      if (!e.id) return;
      var m = msgs[e.id] || (msgs[e.id] = { id: e.id, kind: e.kind, term: e.term });
      if (e.type === "send") { m.send = s.n; m.from = e.from; m.to = e.to; }
      else if (e.type === "deliver" || e.type === "drop") { m.end = s.n; m.endType = e.type === "drop" ? "dropped" : "delivered"; if (e.to) m.to = e.to; }
      else if (e.type === "lost") { m.end = s.n; m.endType = "lost"; if (!m.from) { m.from = e.from; m.to = e.to; } }
    });
  });
  var ids = Object.keys(msgs).map(Number).sort(function (a, b) { return a - b; });
  ids.forEach(function (id) {
    var m = msgs[id];
    if (m.send === undefined) return;
    m.fromLane = laneAt(m.from, m.send);
    m.toLane = laneAt(m.to, m.end || N);
  });

  // Calls and replies: a message that carries its sender's pid is a call
  // when the receiver's next message back to the sender follows it; the
  // pair shares a bar on the caller's lifeline from the call to the reply.
  ids.forEach(function (id) {
    var m = msgs[id];
    if (m.kind !== "message" || m.fromLane === null || m.toLane === null || m.fromLane === m.toLane) return;
    if (String(m.term).indexOf(m.from) < 0) return;
    var after = m.end || m.send;
    for (var j = 0; j < ids.length; j++) {
      var r = msgs[ids[j]];
      if (r === m || r.kind !== "message" || r.replyTo || r.send === undefined || r.send < after) continue;
      if (r.fromLane === m.toLane && r.toLane === m.fromLane) { r.replyTo = m.id; m.reply = r.id; break; }
    }
  });

  var arrowsByStep = {};
  function noteArrow(n, a) { (arrowsByStep[n] || (arrowsByStep[n] = [])).push(a); }
  ids.forEach(function (id) {
    var m = msgs[id];
    if (m.send === undefined || m.fromLane === null) return;
    var x1 = x(m.fromLane), y1 = y(m.send);
    var isMsg = m.kind === "message";
    var cls = "arrow " + (isMsg ? "message" : "signal");
    var x2, y2, head;
    if (m.endType === "lost") {
      var tx = m.toLane !== null ? x(m.toLane) : x1 + colW;
      x2 = x1 + (tx - x1) * 0.6; y2 = y(m.end);
      if (y2 === y1) y2 = y1 + rowH * 0.35;
      cls += " lost";
    } else if (m.endType) {
      if (m.toLane === null) return;
      x2 = x(m.toLane); y2 = y(m.end);
      if (m.end === m.send) { cls += " immediate"; y2 = y1 + 2; }
      cls += " " + m.endType;
      head = m.endType === "dropped" ? "head-dropped" : (m.replyTo ? "head-reply" : (m.end === m.send && isMsg ? "head-immediate" : (isMsg ? "head-message" : "head-signal")));
    } else {
      // Still in flight at the end of the trace.
      if (m.toLane === null) return;
      x2 = x1 + (x(m.toLane) - x1) * 0.5; y2 = height - 14;
      cls += " inflight";
      head = isMsg ? "head-message" : "head-signal";
    }
    if (x2 > x1) x2 -= 4; else if (x2 < x1) x2 += 4;
    if (m.replyTo) cls += " reply";
    if (m.reply) cls += " call";
    var attrs = { x1: x1, y1: y1, x2: x2, y2: y2, "class": cls, "data-id": m.id, "data-send": m.send, "data-end": m.end || "", "data-to": m.to, "data-to-lane": m.toLane === null ? "" : m.toLane };
    if (m.replyTo) attrs["data-reply-to"] = m.replyTo;
    if (m.reply) attrs["data-reply"] = m.reply;
    if (head) attrs["marker-end"] = "url(#" + head + ")";
    if (m.endType === "lost") el("line", { x1: x1, y1: y1, x2: x2, y2: y2, "class": "halo" }, gArrows);
    var line = el("line", attrs, gArrows);
    var text = (m.endType === "lost" ? "LOST " : "") + (m.replyTo ? "\u21a9 " : "") + "#" + m.id + " " + short(m.term, m.endType === "lost" ? 20 : 24);
    var lcls = "arrow-label" + (isMsg ? "" : " signal") + (m.endType === "lost" ? " lost" : "") + (m.replyTo ? " reply" : "");
    var label = el("text", { x: (x1 + x2) / 2 + 3, y: (y1 + y2) / 2 - 4, "class": lcls, "data-id": m.id, "text-anchor": "middle" }, gArrows);
    label.textContent = text;
    var tip = (isMsg ? "message " : m.kind + " ") + m.term + "\n#" + m.id + " from " + m.from + " to " + m.to +
      "\nsent at step " + m.send + (m.endType ? ", " + m.endType + " at step " + m.end : ", still in flight") +
      (m.reply ? "\na call: answered by #" + m.reply : "") + (m.replyTo ? "\nthe reply to #" + m.replyTo : "");
    hover(line, tip);
    hover(label, tip);
    if (m.endType === "lost") {
      var d = 7;
      var cd = "M" + (x2 - d) + " " + (y2 - d) + " L" + (x2 + d) + " " + (y2 + d) + " M" + (x2 + d) + " " + (y2 - d) + " L" + (x2 - d) + " " + (y2 + d);
      el("path", { d: cd, "class": "halo" }, gArrows);
      var cross = el("path", { d: cd, "class": "lost-cross " + (isMsg ? "message" : "signal"), "data-id": m.id }, gArrows);
      hover(cross, "LOST " + tip);
    }
    if (m.replyTo) {
      var call = msgs[m.replyTo];
      var bx = x(call.fromLane);
      el("rect", { x: bx - 4, y: y(call.send), width: 8, height: Math.max(4, (m.end ? y(m.end) : y2) - y(call.send)), "class": "call-bar", "data-call": call.id, "data-reply": m.id }, gLanes);
    }
    noteArrow(m.send, line);
    if (m.end) noteArrow(m.end, line);
  });

  // Per-step marks: the acting process, notifications, and io:format
  // output on the lifeline that printed it.
  steps.forEach(function (s) {
    var k = s.pid ? laneAt(s.pid, s.n) : null;
    if (k !== null && k !== undefined && s.kind !== "deliver") {
      var a = el("circle", { cx: x(k), cy: y(s.n), r: 3.5, "class": "act" }, gMarks);
      hover(a, s.n + ": " + s.text);
    }
    if (s.output && k !== null && k !== undefined) {
      var out = s.output.replace(/\n+$/, "").split("\n")[0];
      var txt = "\u00bb " + short(out, 20);
      var g = el("g", { "class": "output-mark", "data-step": s.n, "data-lane": k }, gMarks);
      el("rect", { x: x(k) + 8, y: y(s.n) - 9, width: 7 * txt.length + 8, height: 16, rx: 4, "class": "output-box" }, g);
      var ot = el("text", { x: x(k) + 12, y: y(s.n) + 3, "class": "output" }, g);
      ot.textContent = txt;
      titled(g, "output: " + s.output);
    }
    (s.events || []).forEach(function (e) {
      var kk = e.type === "notify" ? laneAt(e.to, s.n) : null;
      if (kk !== null && kk !== undefined) {
        var cx = x(kk), cy = y(s.n), d = 5;
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

  // Headers: the function each process is in at step n (where it waits or
  // what it does next), and the function it was spawned with when that
  // differs.
  // setName writes a function's name whole, allowing a line break after
  // the module (not anywhere in the name).
  function setName(node, name) {
    node.textContent = "";
    var i = name.indexOf(":");
    if (i < 0) { node.textContent = name; return; }
    node.appendChild(document.createTextNode(name.slice(0, i + 1)));
    node.appendChild(document.createElement("wbr"));
    node.appendChild(document.createTextNode(name.slice(i + 1)));
  }
  function posFunc(pos) { return pos ? funcs[pos.file + ":" + pos.line] : undefined; }
  function updateHeads(n) {
    var s = steps[n - 1];
    var st = (s && s.state) || { procs: [] };
    lanes.forEach(function (pi, k) {
      var p = procs[pi], he = headEls[k];
      var alive = p.born <= n && (!p.died || p.died > n);
      var fn;
      if (alive) {
        st.procs.forEach(function (q) { if (q.pid === p.pid) fn = posFunc(q.at); });
        if (!fn && s.pid === p.pid) fn = posFunc(s.pos);
      }
      fn = fn || he.last || p.name || "?";
      if (alive) he.last = fn;
      setName(he.fn, fn);
      he.spawned.textContent = fn !== p.name ? "spawned as " + p.name : "";
      he.el.classList.toggle("unborn", p.born > n);
      he.el.classList.toggle("ended", !!p.died && p.died <= n);
    });
  }

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

  // The lifeline of the violation: the acting process of the failing
  // step, or the receiver of what it delivered or notified.
  var violLane = null;
  (function () {
    var s = steps[N - 1];
    if (!s) return;
    function none() { return violLane === null || violLane === undefined; }
    if (s.pid) violLane = laneAt(s.pid, s.n);
    (s.events || []).forEach(function (e) {
      if (none() && e.to && (e.type === "deliver" || e.type === "drop" || e.type === "notify")) violLane = laneAt(e.to, s.n);
    });
    // Else the first process the explanation names (a deadlock names the
    // process that waits).
    (String(T.message).match(/<[^<>\s]+>/g) || []).forEach(function (pid) {
      if (none()) violLane = laneAt(pid, s.n);
    });
    if (none()) violLane = null;
    if (violLane !== null) {
      lifelineEls[violLane].classList.add("violating");
      headEls[violLane].el.classList.add("violating");
      document.body.setAttribute("data-violating-lane", String(violLane));
    }
  })();

  // Scrolling: the chart scrolls inside its own pane (beside the panel,
  // never under it); the current row is brought into view vertically,
  // below the sticky headers.
  function scrollToRow(n) {
    var yTop = headH + y(n) - rowH, yBot = headH + y(n) + rowH;
    if (yTop < chart.scrollTop + headH) chart.scrollTop = Math.max(0, yTop - headH);
    else if (yBot > chart.scrollTop + chart.clientHeight) chart.scrollTop = yBot - chart.clientHeight;
  }
  function scrollToLane(k) {
    var lo = x(k) - colW, hi = x(k) + colW;
    if (lo < chart.scrollLeft) chart.scrollLeft = Math.max(0, lo);
    else if (hi > chart.scrollLeft + chart.clientWidth) chart.scrollLeft = hi - chart.clientWidth;
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
    updateHeads(n);
    if (document.getElementById("follow").checked) scrollToRow(n);
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
  // Open at the step where the property fails, its lifeline in view.
  go(N);
  if (violLane !== null) scrollToLane(violLane);
})();
