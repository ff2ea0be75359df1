package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersionText checks what mcgo version prints for the builds it meets:
// a git checkout (VCS stamp), go install of a tag or of a commit
// (pseudo-version), and a build without either.
func TestVersionText(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want []string
	}{
		{"checkout", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "793d5bd1c0ab0123456789abcdef0123456789ab"},
			{Key: "vcs.time", Value: "2026-12-07T23:59:57Z"},
			{Key: "vcs.modified", Value: "true"},
		}}, []string{"mcgo " + version, "commit 793d5bd1c0ab0123456789abcdef0123456789ab (2026-12-07T23:59:57Z) with uncommitted changes", "built with go1.26.0"}},
		{"tag", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.2.0"}},
			[]string{"mcgo v0.2.0", "commit unknown (the binary carries no VCS stamp)", "built with go1.26.0"}},
		{"pseudo-version", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.1.1-0.20261207235957-793d5bd1c0ab"}},
			[]string{"mcgo v0.1.1-0.20261207235957-793d5bd1c0ab", "commit 793d5bd1c0ab", "built with go1.26.0"}},
		{"no build info", nil, []string{"mcgo " + version, "commit unknown (the binary carries no VCS stamp)", "built with go"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Split(strings.TrimSuffix(versionText(tt.bi), "\n"), "\n")
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) || i < 2 && got[i] != tt.want[i] {
					t.Errorf("line %d: got %q, want %q", i+1, got[i], tt.want[i])
				}
			}
		})
	}
}
