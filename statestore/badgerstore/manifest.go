package badgerstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mcgo-dev/mcgo/statestore"
)

// FormatVersion is the version of the on-disk format written by this
// package; a store of another version is refused.
const FormatVersion = 3 // 3: queue blocks end with a checksum

// ManifestFile is the name of the manifest in a store directory.
const ManifestFile = "manifest.json"

// Manifest identifies the run a store directory belongs to, so that a
// resume continues the same search: the same model (ModelHash, chosen by
// the caller, e.g. a hash of the model's source and options) with the same
// flags that affect the search.
type Manifest struct {
	ModelHash     string            `json:"model_hash"`
	Flags         map[string]string `json:"flags"`
	FormatVersion int               `json:"format_version"`
}

// ErrMismatch is wrapped by the error of a resume whose model hash, flags
// or format version differ from the store's manifest.
var ErrMismatch = errors.New("store belongs to a different run")

// ReadManifest reads the manifest of a store directory.
func ReadManifest(dir string) (Manifest, error) {
	var m Manifest
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return m, fmt.Errorf("read manifest: %w", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return m, fmt.Errorf("read manifest: %w: %s: %v", statestore.ErrCorrupt, filepath.Join(dir, ManifestFile), err)
	}
	return m, nil
}

func writeManifest(dir string, m Manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	tmp := filepath.Join(dir, ManifestFile+".tmp")
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, ManifestFile)); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	return nil
}

// compare explains how got (the store's) differs from want (the resume's).
func (want Manifest) compare(got Manifest) error {
	var diffs []string
	if got.FormatVersion != want.FormatVersion {
		diffs = append(diffs, fmt.Sprintf("format version %d, this mcgo writes %d", got.FormatVersion, want.FormatVersion))
	}
	if got.ModelHash != want.ModelHash {
		diffs = append(diffs, fmt.Sprintf("model hash %q, now %q (the model or its options changed)", got.ModelHash, want.ModelHash))
	}
	keys := slices.Sorted(maps.Keys(got.Flags))
	for k := range want.Flags {
		if _, ok := got.Flags[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range slices.Compact(keys) {
		g, gok := got.Flags[k]
		w, wok := want.Flags[k]
		switch {
		case !gok:
			diffs = append(diffs, fmt.Sprintf("flag %s=%q was not set", k, w))
		case !wok:
			diffs = append(diffs, fmt.Sprintf("flag %s=%q is not set now", k, g))
		case g != w:
			diffs = append(diffs, fmt.Sprintf("flag %s=%q, now %q", k, g, w))
		}
	}
	if len(diffs) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrMismatch, strings.Join(diffs, "; "))
}
