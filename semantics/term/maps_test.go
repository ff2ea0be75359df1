package term

import "testing"

func TestMapKeyOrderAndUpdates(t *testing.T) {
	a, b := Intern("a"), Intern("b")
	// Of repeated keys the last wins; keys end up in key order.
	m := NewMap([]Term{b, Int(2), a, b}, []Term{Int(1), Int(2), Int(3), Int(4)})
	want := []Term{Int(2), a, b}
	if m.Len() != 3 {
		t.Fatalf("NewMap kept %d keys, want 3", m.Len())
	}
	for i, k := range want {
		if !Equal(m.Keys[i], k) {
			t.Fatalf("key %d = %v, want %v", i, m.Keys[i], k)
		}
	}
	if v, _ := m.Get(b); v != Int(4) {
		t.Errorf("b => %v, want the last value 4", v)
	}
	// Put and Remove leave the original alone.
	m2 := m.Put(Intern("c"), Int(5)).Remove(a)
	if m.Len() != 3 || m2.Len() != 3 {
		t.Errorf("sizes %d %d, want 3 3", m.Len(), m2.Len())
	}
	if _, ok := m2.Get(a); ok {
		t.Error("a still in the map after Remove")
	}
	if _, ok := m.Get(a); !ok {
		t.Error("Remove changed the original map")
	}
	// Equal maps built in different orders are equal and encode alike.
	x := EmptyMap.Put(a, Int(1)).Put(b, Int(2))
	y := EmptyMap.Put(b, Int(2)).Put(a, Int(1))
	if !Equal(x, y) || Compare(x, y) != 0 {
		t.Error("maps built in different orders differ")
	}
	// Term order: size first, then keys, then values.
	small := NewMap([]Term{b}, []Term{Int(0)})
	if Compare(small, x) >= 0 {
		t.Error("a map of one key is not less than a map of two")
	}
	if Compare(NewMap([]Term{a}, []Term{Int(9)}), small) >= 0 {
		t.Error("#{a => 9} is not less than #{b => 0}: keys decide before values")
	}
	if Compare(NewMap([]Term{a}, []Term{Int(1)}), NewMap([]Term{a}, []Term{Int(2)})) >= 0 {
		t.Error("#{a => 1} is not less than #{a => 2}")
	}
	// Maps sit between tuples and lists.
	if Compare(Tuple{Int(1), Int(2)}, EmptyMap) >= 0 || Compare(EmptyMap, NilTerm) >= 0 {
		t.Error("a map is not between tuples and lists in term order")
	}
}

func TestLargeMap(t *testing.T) {
	keys := make([]Term, FlatMapKeys+1)
	for i := range keys {
		keys[i] = Int(i)
	}
	big := NewMap(keys, keys)
	flat := NewMap(keys[:FlatMapKeys], keys[:FlatMapKeys])
	if big.Ordered() || !flat.Ordered() {
		t.Fatalf("Ordered: %d keys %v, %d keys %v", big.Len(), big.Ordered(), flat.Len(), flat.Ordered())
	}
	if LargeMap(flat) || !LargeMap(MkList(Int(1), Tuple{big})) || !LargeMap(NewMap([]Term{big}, []Term{Int(1)})) {
		t.Error("LargeMap does not find a map of more than 32 keys inside terms")
	}
}
