package term

// Walk calls pid for every pid, ref for every reference and atom for every
// atom inside t (any of them may be nil), whatever containers hold them;
// an external fun's module and function count as atoms. It is the one
// term walker for every place that looks for pids, references or atoms
// inside a term: a new container kind is added here, and the test of every
// kind (TestEveryKind) fails until it is. It takes functions rather than an
// interface so that the caller's state stays on its stack (an interface
// method call would move it to the heap: the search calls this for every
// process of every state it reduces).
func Walk(t Term, pid func(Pid), ref func(Ref), atom func(Atom)) {
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
		case Atom:
			if atom != nil {
				atom(x)
			}
		case Tuple:
			for _, e := range x {
				Walk(e, pid, ref, atom)
			}
		case *Map:
			for i := range x.Keys {
				Walk(x.Keys[i], pid, ref, atom)
				Walk(x.Vals[i], pid, ref, atom)
			}
		case *Cons:
			Walk(x.Head, pid, ref, atom)
			t = x.Tail
			continue
		case *Fun:
			if x.Fn < 0 && atom != nil {
				atom(x.M)
				atom(x.F)
			}
			for _, e := range x.Env {
				Walk(e, pid, ref, atom)
			}
		case nil, Int, Float, Nil, Binary, BitString:
		default:
			panic("term.Walk: unknown term kind")
		}
		return
	}
}
