// Package mcgotest holds what mcgo's tests share: the MCGO_UPDATE switch
// that rewrites goldens and the txtar reader. It imports nothing of mcgo, so
// that the tests inside every package can use it; loading and checking a
// model as mcgo check does is its subpackage modeltest. Only tests import
// them.
package mcgotest

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// Update reports whether the tests rewrite their goldens instead of
// comparing with them: MCGO_UPDATE=1 go test ./...
func Update() bool { return os.Getenv("MCGO_UPDATE") != "" }

// ReadTxtar reads a txtar archive (a comment, then files introduced by
// "-- name --" lines).
func ReadTxtar(t testing.TB, path string) *txtar.Archive {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return ar
}

// File returns the contents of the file called name in ar, and whether it
// is there.
func File(ar *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}
