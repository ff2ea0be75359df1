package lang

import (
	"github.com/rogpeppe/go-internal/txtar"
)

// The golden tests' archives are read and written by go-internal's txtar,
// the one txtar reader of mcgo's tests (internal/mcgotest wraps it for the
// other packages).

type (
	txtarArchive = txtar.Archive
	txtarFile    = txtar.File
)

func readTxtar(file string) (*txtarArchive, error) { return txtar.ParseFile(file) }

func formatTxtar(a *txtarArchive) []byte { return txtar.Format(a) }
