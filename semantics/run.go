package semantics

import (
	"math/rand/v2"
)

// RunOptions configure one execution under a random scheduler.
type RunOptions struct {
	Seed  uint64 // the scheduler's seed: the same seed gives the same run
	Steps int    // stop after this many steps (0: no limit)
	// NoFaults excludes the budgeted faults from the scheduler's choices.
	NoFaults bool
	_        struct{}
}

// RunResult is how an execution ended.
type RunResult struct {
	Steps int
	Final *State
	// End is "done" (no process left), "blocked" (processes wait forever),
	// "steps" (the step limit was reached) or "bound" (a bound was reached).
	End string
}

// Run executes the model once: at each state it picks one enabled
// transition at random (seeded). onStep is called after each step with the
// label and the new state.
func (s *System) Run(opts RunOptions, onStep func(prev *State, step Step, next *State)) RunResult {
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	st := s.Initial()[0]
	type succ struct {
		step Step
		next *State
	}
	var succs []succ
	for n := 0; ; n++ {
		if st.Bound != "" {
			return RunResult{Steps: n, Final: st, End: "bound"}
		}
		if opts.Steps > 0 && n >= opts.Steps {
			return RunResult{Steps: n, Final: st, End: "steps"}
		}
		succs = succs[:0]
		s.Successors(st, func(step Step, next *State) bool {
			if opts.NoFaults && step.Kind.IsFault() {
				return true
			}
			succs = append(succs, succ{step, next})
			return true
		})
		if len(succs) == 0 {
			end := "done"
			if len(st.Procs) > 0 {
				end = "blocked"
			}
			return RunResult{Steps: n, Final: st, End: end}
		}
		c := succs[rng.IntN(len(succs))]
		prev := st
		st = c.next
		if onStep != nil {
			onStep(prev, c.step, st)
		}
	}
}
