package trace_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/mcgo-dev/mcgo/trace"
)

// chromium returns the browser to test with, or skips (fails under
// MCGO_REQUIRE_BROWSER, as CI sets it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("MCGO_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("MCGO_REQUIRE_BROWSER") != "" {
		t.Fatal("no chromium found and MCGO_REQUIRE_BROWSER is set")
	}
	t.Skip("no chromium on PATH: the browser test runs in CI (.ci/run installs Debian's chromium)")
	return ""
}

// TestHTMLInBrowser opens the HTML viewer of the paper's counterexamples
// in headless Chromium and checks, through the DOM, that the chart has one
// lifeline per process, one arrow per delivered message and a cross per
// lost message, that stepping moves the highlight, and that the page asks
// the network for nothing.
func TestHTMLInBrowser(t *testing.T) {
	browser := chromium(t)
	shots := filepath.Join("..", "out", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, model := range htmlModels {
		t.Run(strings.TrimSuffix(filepath.Base(model), ".erl"), func(t *testing.T) {
			f := violation(t, model)
			page := filepath.Join(t.TempDir(), "trace.html")
			if err := trace.SaveHTML(f, page); err != nil {
				t.Fatal(err)
			}
			pageURL := "file://" + page

			opts := append(chromedp.DefaultExecAllocatorOptions[:],
				chromedp.ExecPath(browser),
				chromedp.NoSandbox,
				chromedp.DisableGPU,
				chromedp.NoFirstRun,
				chromedp.Flag("disable-quic", true),
				chromedp.Flag("disable-background-networking", true),
				chromedp.Flag("disable-component-update", true),
				chromedp.Flag("disable-sync", true),
				chromedp.UserDataDir(t.TempDir()),
				chromedp.WindowSize(1400, 1000),
			)
			actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
			defer cancel()
			ctx, cancel := chromedp.NewContext(actx)
			defer cancel()

			var mu sync.Mutex
			var requests []string
			// Listen starts the browser and the tab before the page loads, so
			// that every request of the page is seen.
			if err := chromedp.Listen(ctx, func(ev any) {
				if e, ok := ev.(*network.EventRequestWillBeSent); ok {
					mu.Lock()
					requests = append(requests, e.Request.URL)
					mu.Unlock()
				}
			}); err != nil {
				t.Fatal(err)
			}
			tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			defer cancel()
			if err := chromedp.Do(tctx, chromedp.Navigate(pageURL), chromedp.WaitVisible(chromedp.ID("msc"))); err != nil {
				t.Fatal(err)
			}
			count := func(sel string) int {
				n, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			str := func(expr string) string {
				v, err := chromedp.Run(tctx, chromedp.Evaluate[string](expr))
				if err != nil {
					t.Fatal(err)
				}
				return v
			}
			lifelines := count("line.lifeline")
			delivered := count("line.arrow.message.delivered")
			crosses := count("path.lost-cross.message")
			rows := count("rect.step-row")
			title := str(`document.getElementById("title").textContent`)
			before := str(`document.body.getAttribute("data-current-step")`)
			png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(tctx, chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft)); err != nil {
				t.Fatal(err)
			}
			after := str(`document.body.getAttribute("data-current-step")`)
			highlighted := str(`document.querySelector("rect.step-row.current").getAttribute("data-step")`)
			if err := os.WriteFile(filepath.Join(shots, filepath.Base(model)+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}

			var wantDelivered, wantLost int
			for _, s := range f.Steps {
				for _, e := range s.Events {
					if e.Kind == "message" && e.Type == "deliver" {
						wantDelivered++
					}
					if e.Kind == "message" && e.Type == "lost" {
						wantLost++
					}
				}
			}
			if lifelines != len(f.Processes) {
				t.Errorf("%d lifelines, want one per process: %d", lifelines, len(f.Processes))
			}
			if delivered != wantDelivered {
				t.Errorf("%d delivered-message arrows, want %d", delivered, wantDelivered)
			}
			if crosses != wantLost {
				t.Errorf("%d crosses, want one per lost message: %d", crosses, wantLost)
			}
			if rows != len(f.Steps) {
				t.Errorf("%d step rows, want %d", rows, len(f.Steps))
			}
			if !strings.Contains(title, f.Property) {
				t.Errorf("title %q does not name the property %q", title, f.Property)
			}
			n := len(f.Steps)
			if before != itoa(n) {
				t.Errorf("the page opens at step %s, want the violating step %d", before, n)
			}
			if after != itoa(n-2) || highlighted != itoa(n-2) {
				t.Errorf("after two steps back: current %s, highlighted row %s, want %d", after, highlighted, n-2)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, u := range requests {
				if u != pageURL {
					t.Errorf("the page requested %s: it must need nothing beyond itself", u)
				}
			}
			if len(requests) == 0 {
				t.Errorf("no request seen at all: the network listener is not working")
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
