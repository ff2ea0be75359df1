package semantics

import (
	"testing"
	"unsafe"

	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// TestHotSizes pins the sizes of the types the search copies and stores
// by the million: a field added to one of them shows here, and the change
// says what it costs (docs/benchmarks.md measures the rest).
func TestHotSizes(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("sizes are pinned for 64-bit platforms")
	}
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"term.Pid", unsafe.Sizeof(term.Pid{}), 12},
		{"term.Ref", unsafe.Sizeof(term.Ref{}), 12},
		{"term.Cons", unsafe.Sizeof(term.Cons{}), 32},
		{"vm.Proc", unsafe.Sizeof(vm.Proc{}), 128},
		{"vm.Frame", unsafe.Sizeof(vm.Frame{}), 12},
		{"Proc", unsafe.Sizeof(Proc{}), 384},
		{"Node", unsafe.Sizeof(Node{}), 64},
		{"Signal", unsafe.Sizeof(Signal{}), 112},
		{"Channel", unsafe.Sizeof(Channel{}), 72},
		{"Conn", unsafe.Sizeof(Conn{}), 16},
		{"State", unsafe.Sizeof(State{}), 208},
		{"trans", unsafe.Sizeof(trans{}), 32},
		{"memoEntry", unsafe.Sizeof(memoEntry{}), 64},
	} {
		if c.got != c.want {
			t.Errorf("%s is %d bytes, pinned at %d", c.name, c.got, c.want)
		}
	}
}
