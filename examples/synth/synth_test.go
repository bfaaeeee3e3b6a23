package synth_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples/synth"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/civicnet/civicnet/validate"
)

func generate(t testing.TB, opts synth.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, synth.Generate(&buf, 0, opts.Records, opts))
	return buf.Bytes()
}

func TestGenerateIsDeterministic(t *testing.T) {
	opts := synth.Options{Records: 500, Seed: 7}
	assert.Equal(t, generate(t, opts), generate(t, opts), "same seed, same bytes")
	other := opts
	other.Seed = 8
	assert.NotEqual(t, generate(t, opts), generate(t, other), "another seed, other bytes")
}

func TestGenerateDecodes(t *testing.T) {
	for _, json := range []bool{false, true} {
		name := map[bool]string{false: "records.yaml", true: "records.json"}[json]
		t.Run(name, func(t *testing.T) {
			data := generate(t, synth.Options{Records: 2000, Seed: 1, JSON: json})
			ds, problems := recordfile.Decode(bytes.NewReader(data), name, recordfile.Options{Base: "https://data.example.org/synth/"})
			require.Empty(t, problems)
			assert.Equal(t, 2000, countTopLevel(ds), "every generated record decodes")
			assert.Greater(t, ds.Len(), 3000, "nested memberships, participations and places come on top")
		})
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, synth.Write(dir, synth.Options{Records: 2500, Seed: 1, PerFile: 1000}))
	ds, problems := recordfile.LoadFiles([]string{dir}, recordfile.Options{})
	require.Empty(t, problems)
	assert.Equal(t, "https://data.example.org/synth/", ds.Info.Base)
	assert.Equal(t, 2500, countTopLevel(ds))
}

// countTopLevel counts the records written as records of their own.
func countTopLevel(ds *model.Dataset) int {
	n := 0
	for _, r := range ds.Records {
		switch r := r.(type) {
		case *model.Membership:
			if r.Nested {
				continue
			}
		case *model.Participation:
			if r.Nested {
				continue
			}
		case *model.Place:
			if r.Generated {
				continue
			}
		}
		n++
	}
	return n
}

// TestGenerateIsValid checks that a generated set has no errors: the
// benchmarks time valid record sets, at every size.
func TestGenerateIsValid(t *testing.T) {
	data := generate(t, synth.Options{Records: 20_000, Seed: 1})
	ds, problems := recordfile.Decode(bytes.NewReader(data), "records.yaml", recordfile.Options{Base: "https://data.example.org/synth/"})
	require.Empty(t, problems)
	diags := validate.Validate(ds, problems)
	for _, d := range diags {
		if d.Severity == validate.Error {
			t.Errorf("%s: %s", d.Code, d.Summary)
		}
	}
	type key struct{ agent, event, role string }
	seen := map[key]bool{}
	for _, r := range ds.Records {
		p, ok := r.(*model.Participation)
		if !ok {
			continue
		}
		k := key{p.Agent, p.Event, p.Role.Slug}
		assert.False(t, seen[k], "participation %v twice", k)
		seen[k] = true
		assert.IsType(t, &model.Organization{}, ds.Lookup(p.Agent), "the agent of %s", p.ID)
	}
	assert.Greater(t, len(seen), 1000)
}
