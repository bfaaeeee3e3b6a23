package civicnet_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestActiveIn2006Query runs the query docs/vocabulary.md shows for
// "members of Efus at some time in 2006" — one comparison per bound,
// thanks to civic:earliestStart and civic:latestEnd — with Oxigraph on
// the dump of the examples, and checks the members the seeds name.
func TestActiveIn2006Query(t *testing.T) {
	harness := opendataCheck(t)
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed; the SPARQL test needs it")
	}
	if _, err := os.Stat(filepath.Join(harness, "node_modules", "oxigraph", "package.json")); err != nil {
		t.Skipf("npm oxigraph is not installed in %s/node_modules; run npm ci there (or its setup)", harness)
	}
	doc, err := os.ReadFile(filepath.Join("docs", "vocabulary.md"))
	require.NoError(t, err)
	m := regexp.MustCompile("(?s)```sparql\n(.*?# Members of Efus at some time in 2006\\..*?)```").FindSubmatch(doc)
	require.NotNil(t, m, "docs/vocabulary.md shows the 2006 query")
	query := filepath.Join(t.TempDir(), "q.rq")
	require.NoError(t, os.WriteFile(query, m[1], 0o644))
	script, err := filepath.Abs(filepath.Join("testdata", "oxigraph-select.cjs"))
	require.NoError(t, err)

	dump, _ := loadableDump(t)
	out := runTool(t, "node", script, harness, filepath.Join(dump, "dataset.nt"), query)
	var rows []map[string]string
	require.NoError(t, json.Unmarshal(out, &rows), "%s", out)
	var members []string
	for _, r := range rows {
		members = append(members, r["member"])
	}
	slices.Sort(members)
	// Regione Toscana is a member since 2001 (seed 000): active in 2006.
	assert.Contains(t, members, "https://data.example.org/net/id/regione-toscana")
	// A membership with no known period is not active at any date.
	assert.NotContains(t, members, "https://data.example.org/net/id/isabella-abrate")
	t.Logf("members of Efus in 2006: %v", members)
}
