package explore_test

import (
	"context"
	"fmt"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/statestore"
)

// lamps is a toy transition system: two lamps, each off (0) or on (1); a
// step switches one lamp on. Labels name the lamp switched.
type lamps struct{}

func (lamps) Initial() [][2]byte { return [][2]byte{{0, 0}} }

func (lamps) Successors(s [2]byte, yield func(string, [2]byte) bool) {
	for i := range s {
		if s[i] == 0 {
			t := s
			t[i] = 1
			if !yield(fmt.Sprintf("lamp %d on", i), t) {
				return
			}
		}
	}
}

func (lamps) AppendKey(dst []byte, s [2]byte) []byte { return append(dst, s[:]...) }

// notBoth is a property: never both lamps on.
type notBoth struct{}

func (notBoth) Name() string { return "not_both" }
func (notBoth) Check(_ [2]byte, _ string, to [2]byte) (bool, string) {
	return to != [2]byte{1, 1}, "both lamps are on"
}
func (notBoth) Stuck([2]byte) (bool, string) { return true, "" }

// A breadth-first search of a toy system finds the shortest path to a
// violation, as successor positions that Replay turns back into states.
func Example() {
	set := statestore.NewMemory(0)
	res, err := explore.Run(context.Background(), explore.System[[2]byte, string](lamps{}), set,
		[]explore.Monitor[[2]byte, string]{notBoth{}}, explore.Options{Workers: 1}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Verdict, res.Violation.Property, res.Violation.Msg, res.Violation.Path)
	_, labels, _ := explore.Replay(explore.System[[2]byte, string](lamps{}), res.Violation.Path)
	fmt.Println(labels)
	// Output:
	// violation not_both both lamps are on [0 0 0]
	// [lamp 0 on lamp 1 on]
}
