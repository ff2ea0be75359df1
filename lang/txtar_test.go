package lang

import (
	"bytes"
	"os"
	"strings"
)

// A minimal txtar (golang.org/x/tools/txtar) reader and writer for the
// golden tests: a comment, then files introduced by "-- name --" lines.
// (go-internal's txtar now wraps x/tools, which this module does not
// require.)

type txtarFile struct {
	Name string
	Data []byte
}

type txtarArchive struct {
	Comment []byte
	Files   []txtarFile
}

func parseTxtar(data []byte) *txtarArchive {
	a := &txtarArchive{}
	var cur *txtarFile
	var buf []byte
	flush := func() {
		if cur == nil {
			a.Comment = buf
		} else {
			cur.Data = buf
			a.Files = append(a.Files, *cur)
		}
		buf = nil
	}
	for len(data) > 0 {
		line := data
		rest := []byte(nil)
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, rest = data[:i+1], data[i+1:]
		}
		data = rest
		s := strings.TrimRight(string(line), "\r\n")
		if strings.HasPrefix(s, "-- ") && strings.HasSuffix(s, " --") && len(s) > 6 {
			flush()
			cur = &txtarFile{Name: strings.TrimSpace(s[3 : len(s)-3])}
			continue
		}
		buf = append(buf, line...)
	}
	flush()
	return a
}

func readTxtar(file string) (*txtarArchive, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return parseTxtar(data), nil
}

func formatTxtar(a *txtarArchive) []byte {
	var b bytes.Buffer
	b.Write(fixNL(a.Comment))
	for _, f := range a.Files {
		b.WriteString("-- " + f.Name + " --\n")
		b.Write(fixNL(f.Data))
	}
	return b.Bytes()
}

func fixNL(data []byte) []byte {
	if len(data) == 0 || data[len(data)-1] == '\n' {
		return data
	}
	return append(append([]byte(nil), data...), '\n')
}
