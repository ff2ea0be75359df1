package trace

import "testing"

// TestFuncAt: the function a source line is in, for the chart's headers.
func TestFuncAt(t *testing.T) {
	src := []string{
		"-module(m).",                // 1
		"-export([start/0]).",        // 2
		"start() ->",                 // 3
		"    loop(0, []).",           // 4
		"loop(N, {a, B}) when N > 0", // 5
		"  ->",                       // 6
		"    ok;",                    // 7
		"loop(N,",                    // 8
		"     L) ->",                 // 9
		"    receive _ -> ok end.",   // 10
		"'quoted fun'() -> x.",       // 11
		"-define(X, 1).",             // 12
	}
	for _, tc := range []struct {
		line int
		want string
	}{{1, ""}, {2, ""}, {3, "m:start/0"}, {4, "m:start/0"}, {7, "m:loop/2"}, {10, "m:loop/2"}, {11, "m:'quoted fun'/0"}, {12, ""}} {
		if got := funcAt(src, tc.line); got != tc.want {
			t.Errorf("line %d: %q, want %q", tc.line, got, tc.want)
		}
	}
}
