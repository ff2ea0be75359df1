package term

// Walk calls pid for every pid and ref for every reference inside t (either
// may be nil), whatever containers hold them. It is the one walker for
// every place that looks for pids or references inside a term: a new
// container kind is added here, and the test of every kind (TestEveryKind)
// fails until it is. It takes functions rather than an interface so that
// the caller's state stays on its stack (an interface method call would
// move it to the heap: the search calls this for every process of every
// state it reduces).
func Walk(t Term, pid func(Pid), ref func(Ref)) {
	for {
		switch x := t.(type) {
		case Pid:
			if pid != nil {
				pid(x)
			}
		case Ref:
			if ref != nil {
				ref(x)
			}
		case Tuple:
			for _, e := range x {
				Walk(e, pid, ref)
			}
		case *Cons:
			Walk(x.Head, pid, ref)
			t = x.Tail
			continue
		case *Fun:
			for _, e := range x.Env {
				Walk(e, pid, ref)
			}
		case nil, Int, Atom, Nil, Binary:
		default:
			panic("term.Walk: unknown term kind")
		}
		return
	}
}

// WalkAtoms calls f for every atom inside t.
func WalkAtoms(t Term, f func(Atom)) {
	for {
		switch x := t.(type) {
		case Atom:
			f(x)
		case Tuple:
			for _, e := range x {
				WalkAtoms(e, f)
			}
		case *Cons:
			WalkAtoms(x.Head, f)
			t = x.Tail
			continue
		case *Fun:
			if x.Fn < 0 {
				f(x.M)
				f(x.F)
			}
			for _, e := range x.Env {
				WalkAtoms(e, f)
			}
		case nil, Int, Pid, Ref, Nil, Binary:
		default:
			panic("term.WalkAtoms: unknown term kind")
		}
		return
	}
}
