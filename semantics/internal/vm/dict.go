package vm

import (
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// The process dictionary: put/2, get/0,1, erase/0,1, get_keys/0,1. It is
// part of the process (Proc.Dict), read and written by the process's own
// code only, so these are built-ins of the process like self/0: a step
// that uses them still depends on its process alone (the memo and the
// partial-order reduction stay sound), and the state key covers the
// dictionary because it encodes the process.
//
// Keys are told apart by =:= (1 and 1.0 are two keys; 0.0 and -0.0 one),
// as in OTP. The entries are kept sorted by term.CompareExact, so that two
// processes with the same dictionary encode equally however it was built.
//
// OTP returns get/0 and get_keys/0,1 in the order of its hash table, which
// hashes an atom by its index in the running node's atom table: no model
// can reproduce it. A result of at most one element has no order and is
// exact; a longer one ends the run as unsupported (see docs/semantics.md).

func registerDict() {
	impl("erlang", "put", 2, dictPut)
	impl("erlang", "get", 1, dictGet)
	impl("erlang", "get", 0, dictGetAll)
	impl("erlang", "erase", 1, dictErase)
	impl("erlang", "erase", 0, dictEraseAll)
	impl("erlang", "get_keys", 0, dictKeys)
	impl("erlang", "get_keys", 1, dictKeysOf)
}

// entries is the process's dictionary, nil when empty.
func entries(p *Proc) []DictEntry {
	if p.Dict == nil {
		return nil
	}
	return p.Dict.Entries
}

// setEntries replaces the process's dictionary.
func setEntries(p *Proc, d []DictEntry) {
	if len(d) == 0 {
		p.Dict = nil
		return
	}
	p.Dict = &Dict{Entries: d}
}

// dictFind returns the index of key in d, or where it would go.
func dictFind(d []DictEntry, key term.Term) (int, bool) {
	lo, hi := 0, len(d)
	for lo < hi {
		mid := (lo + hi) / 2
		switch c := term.CompareExact(d[mid].Key, key); {
		case c == 0:
			return mid, true
		case c < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return lo, false
}

func dictPut(_ *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
	es := entries(p)
	i, found := dictFind(es, a[0])
	if found {
		old := es[i].Val
		d := append([]DictEntry(nil), es...)
		d[i].Val = a[1] // OTP keeps the key first put (0.0 stays 0.0 after put(-0.0, V))
		setEntries(p, d)
		return old, nil
	}
	d := make([]DictEntry, 0, len(es)+1)
	d = append(d, es[:i]...)
	d = append(d, DictEntry{Key: a[0], Val: a[1]})
	setEntries(p, append(d, es[i:]...))
	return term.AUndefined, nil
}

func dictGet(_ *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
	es := entries(p)
	if i, found := dictFind(es, a[0]); found {
		return es[i].Val, nil
	}
	return term.AUndefined, nil
}

func dictErase(_ *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
	es := entries(p)
	i, found := dictFind(es, a[0])
	if !found {
		return term.AUndefined, nil
	}
	d := make([]DictEntry, 0, len(es)-1)
	d = append(d, es[:i]...)
	setEntries(p, append(d, es[i+1:]...))
	return es[i].Val, nil
}

// dictOrdered is the result of get/0, erase/0 or get_keys/0,1: exact when
// it has at most one element, else the run ends unsupported.
func dictOrdered(m *Machine, name string, elems []term.Term) (term.Term, *term.Exc) {
	if len(elems) > 1 {
		return nil, m.unsupported("erlang:" + name + " of more than one entry: OTP 25 lists them in the order of its hash table, which mcgo does not reproduce (see docs/semantics.md)")
	}
	return term.MkList(elems...), nil
}

func pairs(p *Proc) []term.Term {
	es := entries(p)
	elems := make([]term.Term, len(es))
	for i, e := range es {
		elems[i] = term.MkTuple(e.Key, e.Val)
	}
	return elems
}

func dictGetAll(m *Machine, p *Proc, _ []term.Term) (term.Term, *term.Exc) {
	return dictOrdered(m, "get/0", pairs(p))
}

func dictEraseAll(m *Machine, p *Proc, _ []term.Term) (term.Term, *term.Exc) {
	r, exc := dictOrdered(m, "erase/0", pairs(p))
	if exc == nil {
		p.Dict = nil
	}
	return r, exc
}

func dictKeys(m *Machine, p *Proc, _ []term.Term) (term.Term, *term.Exc) {
	es := entries(p)
	elems := make([]term.Term, len(es))
	for i, e := range es {
		elems[i] = e.Key
	}
	return dictOrdered(m, "get_keys/0", elems)
}

func dictKeysOf(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
	var elems []term.Term
	for _, e := range entries(p) {
		if term.Equal(e.Val, a[0]) {
			elems = append(elems, e.Key)
		}
	}
	return dictOrdered(m, "get_keys/1", elems)
}
