package main

import (
	"fmt"
	"strconv"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/statestore"
	"github.com/mcgo-dev/mcgo/statestore/badgerstore"
)

// setup builds the visited set and the explorer's options from the flags.
// cleanup closes what setup opened.
func (f *searchFlags) setup(hash string, cfg map[string]string) (statestore.Set, explore.Options, func(), error) {
	o := explore.Options{
		Workers:   f.workers,
		MaxDepth:  f.maxDepth,
		MaxStates: f.maxStates,
		TimeLimit: f.timeLimit,
		Walks:     f.walks,
		WalkDepth: f.depth,
		Seed:      f.seed,
		POR:       f.por == "on",
	}
	switch f.search {
	case "dfs":
		o.Search = explore.DFS
	case "random":
		o.Search = explore.Random
	}
	if f.memSource == "" { // not validated
		f.memLimit, f.memSource = defaultMaxMemory()
		if f.maxMemory != "" {
			f.memLimit, _ = parseSize(f.maxMemory)
			f.memSource = "--max-memory"
		}
	}
	o.MaxMemory = f.memLimit
	nop := func() {}
	switch {
	case f.store == "disk":
		flags := map[string]string{
			"search": f.search, "por": f.por, "max-depth": strconv.Itoa(f.maxDepth),
		}
		for k, v := range cfg {
			flags["config."+k] = v
		}
		st, err := badgerstore.Open(f.storeDir, badgerstore.Options{
			Resume:   f.resume,
			Manifest: badgerstore.Manifest{ModelHash: hash, Flags: flags},
		})
		if err != nil {
			return nil, o, nop, err
		}
		if f.search == "bfs" {
			o.Queue = st.Queue()
			o.Parents = st.Parents()
		}
		return st, o, func() { st.Close() }, nil
	case f.exact:
		s := statestore.NewExact()
		return s, o, func() { s.Close() }, nil
	case f.bitstate != "":
		n, _ := parseSize(f.bitstate)
		s := statestore.NewBitstate(n * 8)
		return s, o, func() { s.Close() }, nil
	}
	s := statestore.NewMemory(1 << 16)
	return s, o, func() { s.Close() }, nil
}

// compactKeys reports whether the search's keys stay in this process's
// memory, so that the system may name processes by fingerprint
// (semantics.System.InternProcesses): not on disk, where keys outlive the
// run (--resume), and not with --exact, which keeps full encodings.
func (f *searchFlags) compactKeys() bool {
	return f.store != "disk" && !f.exact
}

var _ = fmt.Sprint
