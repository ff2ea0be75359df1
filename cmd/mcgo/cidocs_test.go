package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCIDocsCommands runs the mcgo commands of the CI jobs in docs/ci.md,
// as written, on a project with two of the example models: each must exit
// 0 and write the JUnit report the job keeps. (The jobs' other steps, go
// install and apt-get, are the runners'.)
func TestCIDocsCommands(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	var cmds []string
	for _, l := range strings.Split(string(doc), "\n") {
		if m := regexp.MustCompile(`^\s*(?:- |run: )?(mcgo (?:test|check) .*)$`).FindStringSubmatch(l); m != nil {
			cmds = append(cmds, m[1])
		}
	}
	if len(cmds) < 2 {
		t.Fatalf("found %d mcgo commands in docs/ci.md, want the GitHub and the GitLab job's", len(cmds))
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "models"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"comm.erl", "three_party.erl"} {
		src, err := os.ReadFile(filepath.Join("..", "..", "models", m))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "models", m), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, c := range cmds {
		os.Remove("mcgo-junit.xml")
		var out, errb bytes.Buffer
		if code := run(context.Background(), strings.Fields(c)[1:], &out, &errb); code != 0 {
			t.Errorf("%s: exit %d\n%s%s", c, code, out.String(), errb.String())
			continue
		}
		junit, err := os.ReadFile("mcgo-junit.xml")
		if err != nil {
			t.Errorf("%s: %v", c, err)
			continue
		}
		if n := strings.Count(string(junit), "<testcase "); n < 8 {
			t.Errorf("%s: %d test cases in the JUnit report, want every model and variant (8)", c, n)
		}
	}
}
