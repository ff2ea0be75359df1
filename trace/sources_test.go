package trace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSaveHTMLLibrarySources: the chart shows the source lines of every
// file the trace's positions name, the model's library modules included.
func TestSaveHTMLLibrarySources(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "m.erl")
	lib := filepath.Join(dir, "lib.erl")
	if err := os.WriteFile(model, []byte("-module(m).\nstart() -> lib:f().\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lib, []byte("-module(lib).\n-export([f/0]).\nf() ->\n    self() ! hello.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := &File{File: model, Property: "crash", Steps: []Step{
		{N: 1, Pos: &Pos{File: model, Line: 2, Col: 12}},
		{N: 2, Pos: &Pos{File: lib, Line: 4, Col: 12}, State: &State{Procs: []ProcState{{At: &Pos{File: lib, Line: 3, Col: 1}}}}},
	}}
	if got := f.SourceFiles(); strings.Join(got, ",") != model+","+lib {
		t.Errorf("SourceFiles = %q", got)
	}
	out := filepath.Join(dir, "t.html")
	if err := SaveHTML(f, out); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"` + lib + `:4":"    self() ! hello."`,
		`"` + lib + `:4":"lib:f/0"`,
		`"` + model + `:2":"start() -\u003e lib:f()."`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}
