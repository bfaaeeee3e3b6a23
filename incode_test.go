package civicnet_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExternalModuleBuildingRecordsInCode runs testdata/incode, a module
// of its own that imports civicnet and builds records only in code, as a
// user's program would. For each mistake it must get an error
// diagnostic whose text names the record, no writer may write an invalid
// value, and the dump must refuse the dataset; the valid dataset exports
// to every format.
func TestExternalModuleBuildingRecordsInCode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module")
	}
	cmd := exec.CommandContext(t.Context(), "go", "run", ".")
	cmd.Dir = "testdata/incode"
	cmd.Env = append(cmd.Environ(), "GOFLAGS=-mod=mod")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "go run testdata/incode: %s", stderr.String())

	type result struct {
		Case        string
		Diagnostics []string
		Writers     map[string]string
		Dump        string
	}
	results := map[string]result{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var r result
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r), "%s", sc.Text())
		results[r.Case] = r
	}
	for name, record := range map[string]string{
		"reversed interval":    "membership ",
		"month 13":             "event ga-2008",
		"non-numeric quantity": "event ga-2009",
		"base without slash":   "dataset: base:",
		"duplicate id":         "organization efus",
		"dangling reference":   "membership ",
		"empty required field": "organization nameless",
	} {
		t.Run(name, func(t *testing.T) {
			r, ok := results[name]
			require.True(t, ok, "no result for %q", name)
			require.NotEmpty(t, r.Diagnostics, "an error diagnostic")
			assert.True(t, strings.HasPrefix(r.Diagnostics[0], record), "%q names the record (%s)", r.Diagnostics[0], record)
			assert.NotEmpty(t, r.Dump, "WriteDump refuses the dataset")
		})
	}
	// The values no writer can write correctly are refused by every
	// writer, with the record and field named.
	for name, want := range map[string]string{
		"reversed interval":    "during:",
		"month 13":             `event "ga-2008": date:`,
		"non-numeric quantity": `event "ga-2009": participant_count:`,
		"base without slash":   `base "https://data.example.org/net" does not end with /`,
	} {
		for w, msg := range results[name].Writers {
			assert.Contains(t, msg, want, "%s: the %s writer refuses it", name, w)
		}
	}
	v := results["valid"]
	assert.Empty(t, v.Diagnostics)
	assert.Empty(t, v.Dump, "the valid dataset exports to every format")
	for w, msg := range v.Writers {
		assert.Empty(t, msg, "the %s writer writes the valid dataset", w)
	}
}
