package vm

import (
	"strconv"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// The built-ins of maps (OTP 25's BIFs of the maps module and its
// first-order functions) and erlang's map guard BIFs, with OTP's errors:
// {badmap, M} for a map argument that is not a map, {badkey, K} for a
// missing key, badarg for the rest. The higher-order functions are Erlang
// code in the prelude (prelude/maps.erl), built on iterator/1 and next/1.
//
// Iteration order: OTP 25 iterates a map of up to 32 keys (a flatmap) in
// key order, which mcgo's maps keep; a larger map is a hash trie iterated
// in the order of its keys' hashes, which mcgo does not reproduce. The
// functions whose result shows the order (keys/1, values/1, to_list/1,
// next/1, and through next/1 fold/3, map/2, foreach/2...) end the run as
// unsupported on such a map (unsupportedOrder), and so do io:format and
// term_to_binary/1 when they would print or encode one.

func mapsBuiltins() {
	impl("erlang", "map_size", 1, mapSize)
	impl("erlang", "map_get", 2, mapGet)
	impl("erlang", "is_map_key", 2, isMapKey)
	impl("maps", "get", 2, mapGet)
	impl("maps", "get", 3, mapsGet3)
	impl("maps", "find", 2, mapsFind)
	impl("maps", "is_key", 2, isMapKey)
	impl("maps", "put", 3, mapsPut)
	impl("maps", "update", 3, mapsUpdate)
	impl("maps", "remove", 2, mapsRemove)
	impl("maps", "take", 2, mapsTake)
	impl("maps", "new", 0, mapsNew)
	impl("maps", "size", 1, mapSize)
	impl("maps", "keys", 1, mapsKeys)
	impl("maps", "values", 1, mapsValues)
	impl("maps", "to_list", 1, mapsToList)
	impl("maps", "from_list", 1, mapsFromList)
	impl("maps", "from_keys", 2, mapsFromKeys)
	impl("maps", "merge", 2, mapsMerge)
	impl("maps", "with", 2, mapsWith)
	impl("maps", "intersect", 2, mapsIntersect)
	impl("maps", "iterator", 1, mapsIterator)
	impl("maps", "next", 1, mapsNext)
}

// asMap returns t as a map, or the error {badmap, t}.
func asMap(t term.Term) (*term.Map, *term.Exc) {
	if m, ok := t.(*term.Map); ok {
		return m, nil
	}
	return nil, term.ErrorExc(term.MkTuple(term.ABadmap, t))
}

// unsupportedOrder is the refusal of a built-in asked for the iteration
// order of a map of more than term.FlatMapKeys keys: the machine ends the
// run as unsupported (see Machine.raiseStack).
func unsupportedOrder(fn string, m *term.Map) *term.Exc {
	return Unsupported("the iteration order of a map of " + strconv.Itoa(m.Len()) + " keys (" + fn + "): OTP 25 iterates a map of more than " +
		strconv.Itoa(term.FlatMapKeys) + " keys in hash order, which mcgo does not model")
}

// UnsupportedLargeMap is the refusal of fn (io:format/2, term_to_binary/1)
// asked to print or encode a map of more than term.FlatMapKeys keys.
func UnsupportedLargeMap(fn string) *term.Exc {
	return Unsupported(fn + " of a map of more than " + strconv.Itoa(term.FlatMapKeys) +
		" keys: OTP 25 orders its pairs by hash, which mcgo does not model")
}

// Unsupported is the exception a built-in returns for what mcgo does not
// model: Machine.raiseStack turns it into a Bound with UnsupportedPrefix,
// which ends the search as unsupported. No handler of the model sees it.
func Unsupported(msg string) *term.Exc {
	return &term.Exc{Class: term.AMcgo, Reason: term.MkString(msg)}
}

func mapSize(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[0])
	if exc != nil {
		return nil, exc
	}
	return term.Int(m.Len()), nil
}

func mapGet(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[1])
	if exc != nil {
		return nil, exc
	}
	v, ok := m.Get(a[0])
	if !ok {
		return nil, term.ErrorExc(term.MkTuple(term.ABadkey, a[0]))
	}
	return v, nil
}

func isMapKey(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[1])
	if exc != nil {
		return nil, exc
	}
	_, ok := m.Get(a[0])
	return term.Bool(ok), nil
}

func mapsGet3(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[1])
	if exc != nil {
		return nil, exc
	}
	if v, ok := m.Get(a[0]); ok {
		return v, nil
	}
	return a[2], nil
}

func mapsFind(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[1])
	if exc != nil {
		return nil, exc
	}
	if v, ok := m.Get(a[0]); ok {
		return term.MkTuple(term.AOk, v), nil
	}
	return term.AError, nil
}

func mapsPut(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[2])
	if exc != nil {
		return nil, exc
	}
	return m.Put(a[0], a[1]), nil
}

func mapsUpdate(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[2])
	if exc != nil {
		return nil, exc
	}
	if _, ok := m.Get(a[0]); !ok {
		return nil, term.ErrorExc(term.MkTuple(term.ABadkey, a[0]))
	}
	return m.Put(a[0], a[1]), nil
}

func mapsRemove(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[1])
	if exc != nil {
		return nil, exc
	}
	return m.Remove(a[0]), nil
}

func mapsTake(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[1])
	if exc != nil {
		return nil, exc
	}
	v, ok := m.Get(a[0])
	if !ok {
		return term.AError, nil
	}
	return term.MkTuple(v, m.Remove(a[0])), nil
}

func mapsNew(_ *Machine, _ *Proc, _ []term.Term) (term.Term, *term.Exc) {
	return term.EmptyMap, nil
}

func mapsKeys(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[0])
	if exc != nil {
		return nil, exc
	}
	if !m.Ordered() {
		return nil, unsupportedOrder("maps:keys/1", m)
	}
	return term.MkList(m.Keys...), nil
}

func mapsValues(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[0])
	if exc != nil {
		return nil, exc
	}
	if !m.Ordered() {
		return nil, unsupportedOrder("maps:values/1", m)
	}
	return term.MkList(m.Vals...), nil
}

func mapsToList(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[0])
	if exc != nil {
		return nil, exc
	}
	if !m.Ordered() {
		return nil, unsupportedOrder("maps:to_list/1", m)
	}
	pairs := make([]term.Term, m.Len())
	for i := range pairs {
		pairs[i] = term.MkTuple(m.Keys[i], m.Vals[i])
	}
	return term.MkList(pairs...), nil
}

func mapsFromList(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	l, ok := term.ListToSlice(a[0])
	if !ok {
		return nil, term.ExcBadarg
	}
	keys, vals := make([]term.Term, len(l)), make([]term.Term, len(l))
	for i, e := range l {
		t, ok := e.(term.Tuple)
		if !ok || len(t) != 2 {
			return nil, term.ExcBadarg
		}
		keys[i], vals[i] = t[0], t[1]
	}
	return term.NewMap(keys, vals), nil
}

func mapsFromKeys(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	l, ok := term.ListToSlice(a[0])
	if !ok {
		return nil, term.ExcBadarg
	}
	vals := make([]term.Term, len(l))
	for i := range vals {
		vals[i] = a[1]
	}
	return term.NewMap(l, vals), nil
}

func mapsMerge(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m1, exc := asMap(a[0])
	if exc != nil {
		return nil, exc
	}
	m2, exc := asMap(a[1])
	if exc != nil {
		return nil, exc
	}
	keys := append(append([]term.Term(nil), m1.Keys...), m2.Keys...)
	vals := append(append([]term.Term(nil), m1.Vals...), m2.Vals...)
	return term.NewMap(keys, vals), nil
}

// mapsWith is maps:with/2: badarg for keys that are not a list (when the
// map is a map).
func mapsWith(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m, exc := asMap(a[1])
	if exc != nil {
		return nil, exc
	}
	ks, ok := term.ListToSlice(a[0])
	if !ok {
		if _, isList := a[0].(*term.Cons); isList {
			// with_1 recurses down the list and fails at its tail.
			return nil, excFunctionClause
		}
		return nil, term.ExcBadarg
	}
	var keys, vals []term.Term
	for _, k := range ks {
		if v, ok := m.Get(k); ok {
			keys, vals = append(keys, k), append(vals, v)
		}
	}
	return term.NewMap(keys, vals), nil
}

// mapsIntersect is maps:intersect/2: the keys of both, with the values of
// the second.
func mapsIntersect(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	m1, ok1 := a[0].(*term.Map)
	m2, ok2 := a[1].(*term.Map)
	switch {
	case !ok1:
		return nil, term.ErrorExc(term.MkTuple(term.ABadmap, a[0]))
	case !ok2:
		return nil, term.ErrorExc(term.MkTuple(term.ABadmap, a[1]))
	}
	var keys, vals []term.Term
	for _, k := range m1.Keys {
		if v, ok := m2.Get(k); ok {
			keys, vals = append(keys, k), append(vals, v)
		}
	}
	return term.NewMap(keys, vals), nil
}

// mapsIterator is maps:iterator/1: OTP 25's iterator is [0 | Map].
func mapsIterator(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	if _, exc := asMap(a[0]); exc != nil {
		return nil, exc
	}
	return &term.Cons{Head: term.Int(0), Tail: a[0]}, nil
}

// mapsNext is maps:next/1. On a flatmap's iterator [0 | Map], OTP 25's
// erts_internal:map_next/3 returns every pair at once, nested:
// {K1, V1, {K2, V2, ... none}}.
func mapsNext(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	switch x := a[0].(type) {
	case term.Tuple:
		if len(x) == 3 {
			return x, nil
		}
	case term.Atom:
		if x == term.ANone {
			return x, nil
		}
	case *term.Cons:
		path, ok1 := x.Head.(term.Int)
		m, ok2 := x.Tail.(*term.Map)
		if !ok1 || !ok2 {
			break
		}
		if !m.Ordered() {
			return nil, unsupportedOrder("maps:next/1", m)
		}
		if path != 0 {
			return nil, Unsupported("maps:next/1 of an iterator [" + strconv.FormatInt(int64(path), 10) +
				" | Map] that maps:iterator/1 did not make")
		}
		var it term.Term = term.ANone
		for i := m.Len() - 1; i >= 0; i-- {
			it = term.MkTuple(m.Keys[i], m.Vals[i], it)
		}
		return it, nil
	}
	return nil, term.ExcBadarg
}
