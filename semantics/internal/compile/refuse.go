package compile

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// otpExports is OTP 25's list of exported functions of the modules models
// call (otp25_exports.txt says how it was made). mcgo refuses a call to one
// of them that it does not model, statically when the call names it
// (Program.Refusals) and at run time when it is found only then (the
// machine's Unsupported); a call to a function OTP 25 lacks raises undef, as
// on a real node.
//
//go:embed otp25_exports.txt
var otpExports string

// otpIndex holds the lines of otpExports, as "m:f/a".
var otpIndex = func() map[string]bool {
	idx := map[string]bool{}
	for _, line := range strings.Split(otpExports, "\n") {
		if line != "" && line[0] != '#' {
			idx[line] = true
		}
	}
	return idx
}()

// InOTP reports whether OTP 25 exports m:f/arity (from the modules listed in
// otp25_exports.txt).
func InOTP(m, f term.Atom, arity int) bool {
	return otpIndex[m.Name()+":"+f.Name()+"/"+strconv.Itoa(arity)]
}

// Modelled reports whether mcgo models m:f/arity as a library function: an
// effect, a built-in, a function of the prelude, or one of the calls the
// compiler handles itself (apply/2,3, error/1,2, exit/1, throw/1).
func (p *Program) Modelled(m, f term.Atom, arity int) bool {
	if _, ok := LookupEffect(m, f, arity); ok {
		return true
	}
	if _, ok := LookupBuiltin(m, f, arity); ok {
		return true
	}
	if i, ok := p.Lookup(m, f, arity); ok && p.Funcs[i].Prelude {
		return true
	}
	return m == term.AErlang && compilerCall(f, arity)
}

// compilerCall reports whether erlang:f/arity is compiled to its own
// instruction (compiler.remote) rather than called.
func compilerCall(f term.Atom, arity int) bool {
	switch {
	case f == term.Intern("apply"):
		return arity == 2 || arity == 3
	case f == term.AError:
		return arity == 1 || arity == 2
	case f == term.AExit || f == term.AThrow:
		return arity == 1
	}
	return false
}

// Unmodelled returns the message of a refused call to m:f/arity, and
// whether it is refused: OTP 25 exports it and mcgo does not model it.
func (p *Program) Unmodelled(m, f term.Atom, arity int) (string, bool) {
	if p.Modelled(m, f, arity) || !InOTP(m, f, arity) {
		return "", false
	}
	if i, ok := p.Lookup(m, f, arity); ok && !p.Funcs[i].Prelude {
		return "", false // the model defines it
	}
	return fmt.Sprintf("%s:%s/%d is not modelled by mcgo; see docs/library.md", QuoteAtom(m.Name()), QuoteAtom(f.Name()), arity), true
}

// staticCall is a call of the model whose module and function are written
// in the source but which the compiler could not resolve to a function of
// the model, an effect or a built-in: a prelude function, or undef.
type staticCall struct {
	key mfa
	pos token.Pos
}

// Refusals returns an error for every call of the model, written with its
// module and function, to a function that OTP 25 exports and mcgo does not
// model, at the call's position, sorted.
func (p *Program) Refusals() token.ErrorList {
	var errs token.ErrorList
	for _, c := range p.calls {
		if msg, ok := p.Unmodelled(c.key.M, c.key.F, c.key.Arity); ok {
			errs.Add(p.Files.Position(c.pos), msg)
		}
	}
	errs.Sort()
	errs.RemoveMultiples()
	return errs
}
