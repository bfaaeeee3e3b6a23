package rdf_test

import (
	"bufio"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export/rdf"
)

// vocabFiles maps each namespace to its published vocabulary in
// testdata/vocab (see the README there for sources and licences).
var vocabFiles = map[string]string{
	rdf.NSSchema:  "schema",
	rdf.NSSHACL:   "sh",
	rdf.NSORG:     "org",
	rdf.NSTime:    "time",
	rdf.NSDCAT:    "dcat",
	rdf.NSDCTerms: "dcterms",
	rdf.NSSKOS:    "skos",
	rdf.NSFOAF:    "foaf",
	rdf.NSVOID:    "void",
	rdf.NSVCard:   "vcard",
	rdf.NSRDF:     "rdf",
	rdf.NSRDFS:    "rdfs",
	rdf.NSXSD:     "xsd",
	rdf.NSOWL:     "owl",
}

// definedTerms returns the IRIs that are the subject of a triple in the
// vocabulary file name.
func definedTerms(t *testing.T, name string) map[string]bool {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "vocab", name+".nq.gz"))
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	defined := map[string]bool{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "<") {
			continue
		}
		if end := strings.IndexByte(line, '>'); end > 0 {
			defined[line[1:end]] = true
		}
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, defined)
	return defined
}

// TestEveryTermExistsInItsVocabulary checks every term any writer can
// emit — every class, property, datatype and individual of the mapping,
// the catalogue, the shapes and the CSVW metadata, since no writer can
// emit a term that is not declared in this package — against the
// published vocabulary of its namespace. A misspelt term
// (sh:shapeNodeKind, skos:preflabel) fails here.
func TestEveryTermExistsInItsVocabulary(t *testing.T) {
	vocabs := map[string]map[string]bool{}
	checked := 0
	for _, term := range rdf.Terms() {
		ns := strings.TrimSuffix(term.IRI(), term.Local())
		name, ok := vocabFiles[ns]
		if !ok {
			continue // civic: and spdx:, which have no published file here
		}
		if vocabs[ns] == nil {
			vocabs[ns] = definedTerms(t, name)
		}
		checked++
		assert.True(t, vocabs[ns][term.IRI()], "%s is not defined by %s (testdata/vocab/%s.nq.gz)", term, ns, name)
	}
	assert.Greater(t, checked, 150, "terms checked")
}

// The check itself can fail: a term that no vocabulary defines is found.
func TestVocabularyCheckFindsAMisspeltTerm(t *testing.T) {
	sh := definedTerms(t, "sh")
	assert.True(t, sh[rdf.SH.NodeKind.IRI()])
	assert.False(t, sh[rdf.NSSHACL+"shapeNodeKind"])
}
