package term

// Visitor receives the pids and references that [Walk] finds in a term.
type Visitor interface {
	Pid(Pid)
	Ref(Ref)
}

// Walk calls v for every pid and reference inside t, whatever containers
// hold them. It is the one walker for every place that looks for pids or
// references inside a term: a new container kind is added here, and the
// test of every kind (TestEveryKind) fails until it is.
func Walk(t Term, v Visitor) {
	for {
		switch x := t.(type) {
		case Pid:
			v.Pid(x)
		case Ref:
			v.Ref(x)
		case Tuple:
			for _, e := range x {
				Walk(e, v)
			}
		case *Cons:
			Walk(x.Head, v)
			t = x.Tail
			continue
		case *Fun:
			for _, e := range x.Env {
				Walk(e, v)
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
