package semantics

import (
	"strings"

	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
)

// Truncated reports whether a state was cut by one of the model's bounds
// (mailbox, processes, spawns, stack, channel, or pure code that never
// reaches an effect) or by a call mcgo does not model (see [System.Unsupported]),
// and which. The explorer counts and checks such a state but does not
// expand it, and the verdict of a search that reached one is incomplete
// (explore.Truncater).
func (s *System) Truncated(st *State) (string, bool) {
	return st.Bound, st.Bound != ""
}

// Unsupported reports whether a process of st called, at run time, a
// function that OTP 25 has and mcgo does not model (through apply/3,
// M:F(...) or fun M:F/A, which the static check of [Refusals] cannot see),
// and describes the call and its position: "m.erl:5:5: ets:new/2 is not
// modelled by mcgo; see docs/library.md". The run cannot go on honestly (a
// real node would not raise undef there), so the state is not expanded
// (like a bound, it is [System.Truncated]) and the search ends with the
// verdict unsupported and the trace to it (explore.Refuser).
func (s *System) Unsupported(st *State) (string, bool) {
	return strings.CutPrefix(st.Bound, vm.UnsupportedPrefix)
}
