package semantics

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// TestArenaResetClearsEdit guards the field-by-field reset of an arena's
// edit and of a stepper: every field of the edit, of its label and of the
// stepper is set to something, and after a reset each must be empty
// again, so that a field added later and forgotten in the reset fails
// here rather than leaking one transition's label into the next.
func TestArenaResetClearsEdit(t *testing.T) {
	prev := &State{}
	a := &arena{}
	fill(t, reflect.ValueOf(&a.edit).Elem(), "edit")
	e := a.reset(prev)
	if e.s != &e.st || e.ar != a {
		t.Fatal("reset: the edit does not point at its state and arena")
	}
	e.s, e.ar = nil, nil
	checkEmpty(t, reflect.ValueOf(e).Elem(), "edit")

	sys := &System{}
	x := &stepper{}
	fill(t, reflect.ValueOf(x).Elem(), "stepper")
	x.ar = a
	x.reset(sys, nil, true)
	if x.sys != sys || x.ar != a || !x.transient {
		t.Fatal("reset: the stepper lost its system, arena or mode")
	}
	x.sys, x.ar, x.transient = nil, nil, false
	checkEmpty(t, reflect.ValueOf(x).Elem(), "stepper")
}

// fill sets every settable field of v, recursively, to a non-zero value.
func fill(t *testing.T, v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(t, settable(v.Field(i)), path+"."+v.Type().Field(i).Name)
		}
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(1)
	case reflect.String:
		v.SetString("x")
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
	case reflect.Interface:
		if reflect.TypeOf(term.ANormal).AssignableTo(v.Type()) {
			v.Set(reflect.ValueOf(term.ANormal))
		}
	case reflect.Array:
		// Arrays are memory the arena keeps (caches), not label fields.
	default:
		t.Fatalf("fill %s: kind %v", path, v.Kind())
	}
}

// settable returns f, a field that may be unexported, as a settable value.
func settable(f reflect.Value) reflect.Value {
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// checkEmpty fails for every field of v that is not zero, slices being
// empty (their memory may stay).
func checkEmpty(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.Name == "st" {
				continue // the copy of the previous state
			}
			checkEmpty(t, v.Field(i), path+"."+f.Name)
		}
	case reflect.Slice:
		if v.Len() != 0 {
			t.Errorf("%s: %d elements after reset", path, v.Len())
		}
	case reflect.Array:
	default:
		if !v.IsZero() {
			t.Errorf("%s: %v after reset", path, v)
		}
	}
}

// TestEveryEffectPerformed fails when an effect has no performer: a new
// effect must say what it does (effect.go).
func TestEveryEffectPerformed(t *testing.T) {
	for e := compile.Effect(0); e < compile.NumEffects; e++ {
		if performers[e] == nil {
			t.Errorf("effect %s has no performer in effect.go", e)
		}
	}
}
