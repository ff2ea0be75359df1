package term

import "sort"

// Map is #{K1 => V1, ...}: its keys in ascending map-key order
// ([KeyCompare]), each at most once, its values beside them. The order
// makes the form canonical: equal maps have equal Keys and Vals, so the
// state encoding, the external term format and hashing see one form. A Map
// is immutable once built; the operations below return new maps.
type Map struct {
	Keys, Vals []Term
}

// FlatMapKeys is the size up to which OTP keeps a map as a flatmap, whose
// keys iterate (print, maps:to_list/1, maps:fold/3...) in map-key order.
// Larger maps are hash array mapped tries iterated in hash order, which
// mcgo does not reproduce: see [LargeMap].
const FlatMapKeys = 32

// EmptyMap is #{}.
var EmptyMap = &Map{}

// Len is map_size/1.
func (m *Map) Len() int { return len(m.Keys) }

// Ordered reports whether m's iteration order is the one OTP 25 has: the
// key order of a flatmap (at most FlatMapKeys keys).
func (m *Map) Ordered() bool { return len(m.Keys) <= FlatMapKeys }

// find returns the index of k in m's keys, or where it would go.
func (m *Map) find(k Term) (int, bool) {
	i := sort.Search(len(m.Keys), func(i int) bool { return KeyCompare(m.Keys[i], k) >= 0 })
	return i, i < len(m.Keys) && KeyCompare(m.Keys[i], k) == 0
}

// Get is maps:find/2: the value of key k (exact key equality: 1 and 1.0
// are different keys).
func (m *Map) Get(k Term) (Term, bool) {
	if i, ok := m.find(k); ok {
		return m.Vals[i], true
	}
	return nil, false
}

// Put is maps:put/3: m with k associated with v.
func (m *Map) Put(k, v Term) *Map {
	i, ok := m.find(k)
	if ok {
		vals := append([]Term(nil), m.Vals...)
		vals[i] = v
		return &Map{Keys: m.Keys, Vals: vals}
	}
	keys := make([]Term, 0, len(m.Keys)+1)
	keys = append(append(append(keys, m.Keys[:i]...), k), m.Keys[i:]...)
	vals := make([]Term, 0, len(m.Vals)+1)
	vals = append(append(append(vals, m.Vals[:i]...), v), m.Vals[i:]...)
	return &Map{Keys: keys, Vals: vals}
}

// Remove is maps:remove/2.
func (m *Map) Remove(k Term) *Map {
	i, ok := m.find(k)
	if !ok {
		return m
	}
	if len(m.Keys) == 1 {
		return EmptyMap
	}
	keys := append(append(make([]Term, 0, len(m.Keys)-1), m.Keys[:i]...), m.Keys[i+1:]...)
	vals := append(append(make([]Term, 0, len(m.Vals)-1), m.Vals[:i]...), m.Vals[i+1:]...)
	return &Map{Keys: keys, Vals: vals}
}

// NewMap builds the map of the pairs keys[i] => vals[i]; of equal keys the
// last wins, as in #{a => 1, a => 2} and maps:from_list/1.
func NewMap(keys, vals []Term) *Map {
	if len(keys) == 0 {
		return EmptyMap
	}
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return KeyCompare(keys[idx[a]], keys[idx[b]]) < 0 })
	m := &Map{Keys: make([]Term, 0, len(keys)), Vals: make([]Term, 0, len(keys))}
	for _, i := range idx {
		if n := len(m.Keys); n > 0 && KeyCompare(m.Keys[n-1], keys[i]) == 0 {
			m.Vals[n-1] = vals[i] // stable sort: i is the later pair
			continue
		}
		m.Keys = append(m.Keys, keys[i])
		m.Vals = append(m.Vals, vals[i])
	}
	return m
}

// LargeMap reports whether t holds a map of more than FlatMapKeys keys,
// whose iteration order (printing, the external term format) mcgo does not
// reproduce: OTP 25 iterates such a map in the order of its keys' hashes.
func LargeMap(t Term) bool {
	for {
		switch x := t.(type) {
		case *Map:
			if !x.Ordered() {
				return true
			}
			for i := range x.Keys {
				if LargeMap(x.Keys[i]) || LargeMap(x.Vals[i]) {
					return true
				}
			}
		case Tuple:
			for _, e := range x {
				if LargeMap(e) {
					return true
				}
			}
		case *Cons:
			if LargeMap(x.Head) {
				return true
			}
			t = x.Tail
			continue
		case *Fun:
			for _, e := range x.Env {
				if LargeMap(e) {
					return true
				}
			}
		}
		return false
	}
}

// KeyCompare is the map-key order: Erlang's term order, except that
// numbers of different kinds never compare equal (in map-key order all
// integers are less than all floats, so 1 and 1.0 are different keys),
// and so inside tuples, lists and maps too. Kinds are compared by their
// constant, which puts KindInt before a float kind right after it.
func KeyCompare(a, b Term) int {
	for {
		ka, _ := KindOf(a)
		kb, _ := KindOf(b)
		if ka != kb {
			return cmpInt(int(ka), int(kb))
		}
		switch x := a.(type) {
		case Tuple:
			y := b.(Tuple)
			if len(x) != len(y) {
				return cmpInt(len(x), len(y))
			}
			for i := range x {
				if c := KeyCompare(x[i], y[i]); c != 0 {
					return c
				}
			}
			return 0
		case *Cons:
			y := b.(*Cons)
			if c := KeyCompare(x.Head, y.Head); c != 0 {
				return c
			}
			a, b = x.Tail, y.Tail
			continue
		case *Map:
			return compareMaps(x, b.(*Map), KeyCompare)
		}
		return Compare(a, b)
	}
}

// compareMaps orders maps by size, then by their keys in map-key order,
// then by their values in key order (values compared with cmp).
func compareMaps(x, y *Map, cmp func(a, b Term) int) int {
	if len(x.Keys) != len(y.Keys) {
		return cmpInt(len(x.Keys), len(y.Keys))
	}
	for i := range x.Keys {
		if c := KeyCompare(x.Keys[i], y.Keys[i]); c != 0 {
			return c
		}
	}
	for i := range x.Vals {
		if c := cmp(x.Vals[i], y.Vals[i]); c != 0 {
			return c
		}
	}
	return 0
}

// equalMaps is =:= of two maps.
func equalMaps(x, y *Map) bool {
	if x == y {
		return true
	}
	if len(x.Keys) != len(y.Keys) {
		return false
	}
	for i := range x.Keys {
		if !Equal(x.Keys[i], y.Keys[i]) || !Equal(x.Vals[i], y.Vals[i]) {
			return false
		}
	}
	return true
}
