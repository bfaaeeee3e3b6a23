package vocab_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	knakk "github.com/knakk/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/vocab"
)

// civicName matches a civic: term in any file of a dump: as an IRI
// (N-Triples, Turtle, catalogue) or as a prefixed name (Turtle, the JSON-LD
// context, the CSVW metadata, where civic:formulaGuard is).
var civicName = regexp.MustCompile(regexp.QuoteMeta(rdf.NSCivic) + `([A-Za-z][A-Za-z0-9_]*)|\bcivic:([A-Za-z][A-Za-z0-9_]*)`)

// TestVocabularyDefinesWhatTheDumpUses exports the examples in every
// format but the vocabulary itself and compares the civic: terms its
// files use with those vocabulary.ttl defines: every term used is
// defined, and every term defined is used.
func TestVocabularyDefinesWhatTheDumpUses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dump")
	formats := slices.DeleteFunc(slices.Clone(export.AllFormats), func(f export.Format) bool { return f == export.FormatVocab })
	require.NoError(t, export.WriteDump(context.Background(), dir, exporttest.Examples(t), export.DumpOptions{Formats: formats}))

	used := map[string][]string{} // term IRI → files using it
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		seen := map[string]bool{}
		for _, m := range civicName.FindAllSubmatch(data, -1) {
			iri := rdf.NSCivic + string(m[1]) + string(m[2])
			if !seen[iri] {
				seen[iri] = true
				used[iri] = append(used[iri], filepath.ToSlash(rel))
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, used)

	defined := definedTerms(t)
	for iri, files := range used {
		assert.True(t, defined[iri], "%s is used by %v but vocabulary.ttl does not define it", iri, files)
	}
	for iri := range defined {
		assert.NotEmpty(t, used[iri], "vocabulary.ttl defines %s, which no file of the dump uses", iri)
	}
	assert.Contains(t, used[rdf.Civic.FormulaGuard.IRI()], "csv/csv-metadata.json")
}

// definedTerms returns the subjects of rdfs:isDefinedBy the ontology in
// vocabulary.ttl, as knakk/rdf reads it.
func definedTerms(t *testing.T) map[string]bool {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, vocab.Write(&buf))
	ts, err := knakk.NewTripleDecoder(&buf, knakk.Turtle).DecodeAll()
	require.NoError(t, err)
	defined := map[string]bool{}
	for _, tr := range ts {
		if tr.Pred.String() == rdf.RDFS.IsDefinedBy.IRI() && tr.Obj.String() == string(rdf.CivicOntology) {
			defined[tr.Subj.String()] = true
		}
	}
	return defined
}
