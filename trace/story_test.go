package trace_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mcgo-dev/mcgo/trace"
)

// storyModel has what the paper's counterexamples lack: a call and its
// reply, io:format output on two lifelines, a process that waits in
// another function than the one it was spawned with, and a crash.
const storyModel = `-module(story).
-export([start/0, server/0, loop/1, worker/1]).
-mcgo({check, [crash]}).
start() ->
    S = spawn(?MODULE, server, []),
    S ! {call, self(), ping},
    receive {reply, R} -> io:format("got ~p~n", [R]) end,
    spawn(?MODULE, worker, [R]).
server() -> loop(0).
loop(N) ->
    receive
        {call, From, ping} -> From ! {reply, N}, loop(N + 1)
    end.
worker(R) -> io:format("worker ~p~n", [R]), erlang:error({bad, R}).
`

// openChart writes the chart of f (with the model sources) and opens it in
// headless Chromium at the given window size.
func openChart(t *testing.T, browser string, f *trace.File, sources map[string][]byte, w, h int) context.Context {
	t.Helper()
	page := filepath.Join(t.TempDir(), "trace.html")
	var b bytes.Buffer
	if err := trace.WriteHTML(&b, f, sources); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(w, h),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)
	if err := chromedp.Do(tctx, chromedp.Navigate("file://"+page), chromedp.WaitVisible(chromedp.ID("msc"))); err != nil {
		t.Fatal(err)
	}
	return tctx
}

// eval evaluates a JavaScript expression whose value is JSON-encoded
// (JSON.stringify) and decodes it into v.
func eval(t *testing.T, ctx context.Context, expr string, v any) {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(`+expr+`)`))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%s = %s: %v", expr, s, err)
	}
}

// storyChecks are the properties every chart must have, whatever the
// trace: they read the DOM and return what is wrong.
const storyChecks = `(function () {
  var bad = [];
  var lifelines = Array.prototype.slice.call(document.querySelectorAll("line.lifeline"));
  // Each arrow ends on the incarnation of its receiver alive where it ends.
  var ended = 0;
  document.querySelectorAll("line.arrow.delivered, line.arrow.dropped").forEach(function (a) {
    var end = +a.getAttribute("data-end"), to = a.getAttribute("data-to"), x2 = +a.getAttribute("x2");
    var l = lifelines.filter(function (l) {
      var b = +l.getAttribute("data-born"), d = +l.getAttribute("data-died");
      return l.getAttribute("data-pid") === to && b <= end && (d === 0 || d >= end);
    });
    ended++;
    if (l.length !== 1 || Math.abs(+l[0].getAttribute("data-x") - x2) > 6) bad.push("arrow #" + a.getAttribute("data-id") + " to " + to + " at step " + end + " ends at x " + x2 + ", not on the incarnation alive then");
  });
  if (ended === 0) bad.push("no delivered arrow");
  // Every message arrow is labelled with its term.
  document.querySelectorAll("line.arrow").forEach(function (a) {
    var id = a.getAttribute("data-id");
    var l = document.querySelector("text.arrow-label[data-id='" + id + "']");
    if (!l || l.textContent.indexOf("#" + id + " ") < 0 || l.textContent.length < ("#" + id + " x").length) bad.push("arrow #" + id + " without its term: " + (l && l.textContent));
  });
  // A header per lifeline, full function names.
  var heads = document.querySelectorAll("#heads .lane-head");
  if (heads.length !== lifelines.length) bad.push(heads.length + " headers for " + lifelines.length + " lifelines");
  heads.forEach(function (h) {
    var fn = h.querySelector(".fn").textContent;
    if (fn.indexOf("\u2026") >= 0 || !/^[a-z_']+[^:]*:[^:]+\/[0-9]+$/.test(fn)) bad.push("header " + JSON.stringify(fn) + " is not a whole module:function/arity");
  });
  // The headers stay at the top of the chart when it scrolls.
  var chart = document.getElementById("chart");
  chart.style.height = "240px";
  chart.scrollTop = chart.scrollHeight;
  var dt = Math.abs(document.getElementById("heads").getBoundingClientRect().top - chart.getBoundingClientRect().top);
  if (chart.scrollTop === 0) bad.push("the chart does not scroll in 240px");
  if (dt > 1) bad.push("headers " + dt + "px off the top of the scrolled chart");
  chart.style.height = "";
  // Lost messages: orange on a halo, labelled LOST, apart from the red band.
  var fault = document.querySelector("rect.fault");
  document.querySelectorAll("line.arrow.lost").forEach(function (a) {
    var id = a.getAttribute("data-id");
    var l = document.querySelector("text.arrow-label.lost[data-id='" + id + "']");
    if (!l || l.textContent.indexOf("LOST") !== 0) bad.push("lost #" + id + " not labelled LOST");
    if (fault && getComputedStyle(a).stroke === getComputedStyle(fault).fill) bad.push("lost #" + id + " drawn in the fault band's colour");
    if (!a.previousSibling || a.previousSibling.getAttribute("class") !== "halo") bad.push("lost #" + id + " without its halo");
  });
  return bad;
})()`

// TestHTMLTellsTheStory checks, in Chromium, that the chart tells the
// story without hovering (docs/viewer.md): lifelines per incarnation,
// arrows labelled with their terms, sticky whole-name headers naming the
// function each process is in, each step's text beside its row, io:format
// output on the lifeline that printed it, a crash ending its lifeline with
// the reason, lost messages apart from the fault band, the violating
// lifeline in view beside (not under) the side panel, calls paired with
// their replies.
func TestHTMLTellsTheStory(t *testing.T) {
	browser := chromium(t)
	for _, model := range append(htmlModels, "story") {
		name := strings.TrimSuffix(filepath.Base(model), ".erl")
		t.Run(name, func(t *testing.T) {
			var f *trace.File
			sources := map[string][]byte{}
			if model == "story" {
				path := filepath.Join(t.TempDir(), "story.erl")
				if err := os.WriteFile(path, []byte(storyModel), 0o644); err != nil {
					t.Fatal(err)
				}
				f = violation(t, path)
				sources[f.File] = []byte(storyModel)
			} else {
				f = violation(t, model)
				src, err := os.ReadFile(model)
				if err != nil {
					t.Fatal(err)
				}
				sources[f.File] = src
			}
			// A narrow window, so that wide charts must scroll sideways.
			ctx := openChart(t, browser, f, sources, 1000, 800)
			var bad []string
			eval(t, ctx, storyChecks, &bad)
			for _, b := range bad {
				t.Error(b)
			}

			// Each step's text beside its row.
			var texts []string
			eval(t, ctx, `Array.prototype.map.call(document.querySelectorAll("text.step-text"), function (e) { return e.textContent; })`, &texts)
			if len(texts) != len(f.Steps) {
				t.Fatalf("%d step texts, want one per step: %d", len(texts), len(f.Steps))
			}
			for i, s := range f.Steps {
				want := s.Text
				if s.Pid != "" {
					want = s.Pid + " " + want
				}
				if n := min(len(want), 40); !strings.HasPrefix(texts[i], want[:n]) {
					t.Errorf("step %d's text %q, want %q", s.N, texts[i], want)
				}
			}

			// The violating lifeline is in view, left of the side panel.
			var view struct {
				Lane                     string
				X, ChartLeft, PanelLeft  float64
				ScrollWidth, ClientWidth float64
			}
			eval(t, ctx, `(function () {
				var k = document.body.getAttribute("data-violating-lane");
				var l = document.querySelector("line.lifeline[data-lane='" + k + "']");
				return { Lane: k || "", X: l ? l.getBoundingClientRect().left : -1,
					ChartLeft: document.getElementById("chart").getBoundingClientRect().left,
					PanelLeft: document.getElementById("details").getBoundingClientRect().left,
					ScrollWidth: document.getElementById("chart").scrollWidth, ClientWidth: document.getElementById("chart").clientWidth };
			})()`, &view)
			if view.Lane == "" {
				t.Errorf("no violating lifeline marked")
			} else if view.X < view.ChartLeft || view.X > view.PanelLeft-10 {
				t.Errorf("violating lifeline at x %.0f, outside the chart's view [%.0f, %.0f) left of the panel", view.X, view.ChartLeft, view.PanelLeft)
			}

			switch name {
			case "pidReuse":
				// The reused pid: two lifelines, each with its own arrows.
				var n int
				eval(t, ctx, `document.querySelectorAll("line.lifeline[data-pid='<n2.1.c1>']").length`, &n)
				if n != 2 {
					t.Errorf("%d lifelines for the reused pid <n2.1.c1>, want 2 (one per incarnation)", n)
				}
				if view.ScrollWidth <= view.ClientWidth {
					t.Errorf("pidReuse's chart fits in %.0f px: the test does not show the scroll to the violating lifeline", view.ClientWidth)
				}
			case "two_phase_commit_buggy":
				// The prepare call carries the coordinator's pid; the vote
				// is its reply.
				var pair []string
				eval(t, ctx, `Array.prototype.map.call(document.querySelectorAll("line.arrow[data-reply-to]"), function (a) { return a.getAttribute("data-reply-to") + "->" + a.getAttribute("data-id"); })`, &pair)
				if len(pair) != 1 || pair[0] != "5->6" {
					t.Errorf("calls and replies %q, want the prepare #5 answered by the vote #6", pair)
				}
			case "story":
				var got struct {
					Outputs []string
					Lanes   []string
					Crash   string
					Heads   []string
					Pairs   []string
					Bars    int
				}
				eval(t, ctx, `{
					Outputs: Array.prototype.map.call(document.querySelectorAll("g.output-mark text.output"), function (g) { return g.textContent; }),
					Lanes: Array.prototype.map.call(document.querySelectorAll("g.output-mark"), function (g) { return document.querySelector(".lane-head[data-lane='" + g.getAttribute("data-lane") + "']").getAttribute("data-pid"); }),
					Crash: (document.querySelector("text.death-reason.crash") || {}).textContent || "",
					Heads: Array.prototype.map.call(document.querySelectorAll("#heads .lane-head"), function (h) { return h.querySelector(".fn").textContent + "|" + h.querySelector(".spawned").textContent; }),
					Pairs: Array.prototype.map.call(document.querySelectorAll("line.arrow[data-reply-to]"), function (a) { return a.getAttribute("data-reply-to") + "->" + a.getAttribute("data-id"); }),
					Bars: document.querySelectorAll("rect.call-bar").length
				}`, &got)
				var wantOut, wantLanes []string
				for _, s := range f.Steps {
					if s.Output != "" {
						wantOut = append(wantOut, "\u00bb "+strings.TrimSpace(s.Output))
						wantLanes = append(wantLanes, s.Pid)
					}
				}
				if len(wantOut) != 2 || strings.Join(got.Outputs, "|") != strings.Join(wantOut, "|") || strings.Join(got.Lanes, "|") != strings.Join(wantLanes, "|") {
					t.Errorf("output marks %q on %q, want %q on %q", got.Outputs, got.Lanes, wantOut, wantLanes)
				}
				if !strings.Contains(got.Crash, "{bad,0}") {
					t.Errorf("crash mark %q, want the reason {bad,0}", got.Crash)
				}
				if !strings.Contains(strings.Join(got.Heads, " "), "story:loop/1|spawned as story:server/0") {
					t.Errorf("headers %q: the server waits in story:loop/1", got.Heads)
				}
				if len(got.Pairs) != 1 || got.Bars != 1 {
					t.Errorf("calls and replies %q, %d bars: want the ping call and its reply", got.Pairs, got.Bars)
				}
			}
		})
	}
}
