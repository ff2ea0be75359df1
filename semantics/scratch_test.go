package semantics

import (
	"fmt"
	"os"
	"testing"

	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/token"
)

func loadSys(t *testing.T, path string, rec Record) *System {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fs := token.NewFileSet()
	m, errs := lang.Load(fs, path, src, nil)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	s, err := New(m, m.Config, rec)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestScratchRun(t *testing.T) {
	path := os.Getenv("SCRATCH")
	if path == "" {
		t.Skip()
	}
	s := loadSys(t, path, 0)
	res := s.Run(RunOptions{Seed: 1, Steps: 200}, func(_ *State, st Step, _ *State) {
		if st.Info.Output != "" {
			fmt.Print(st.Info.Output)
		}
		if os.Getenv("TRACE") != "" {
			fmt.Printf("  [%v %v %v]\n", st.Kind, st.Pid, st.Info.Eff)
		}
		for _, r := range st.Info.Raised {
			fmt.Printf("  raised %s\n", s.Write(r.Reason, 0))
		}
	})
	fmt.Println("end:", res.End, res.Steps)
}
