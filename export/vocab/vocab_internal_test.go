package vocab

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	knakk "github.com/knakk/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/export/rdf"
)

// TestEveryCivicTermIsDefinedOnce checks the table against the
// declarations of export/rdf: every field of rdf.Civic has exactly one
// definition, and every definition is of a field of rdf.Civic.
func TestEveryCivicTermIsDefinedOnce(t *testing.T) {
	declared := map[*rdf.Term]string{}
	v := reflect.ValueOf(rdf.Civic)
	for i := range v.NumField() {
		declared[v.Field(i).Interface().(*rdf.Term)] = v.Type().Field(i).Name
	}
	require.Len(t, declared, v.NumField(), "rdf.Civic declares each term once")
	defined := map[*rdf.Term]int{}
	for _, d := range definitions {
		defined[d.term]++
		_, ok := declared[d.term]
		assert.True(t, ok, "%s is defined here but is no field of rdf.Civic", d.term)
		assert.Equal(t, rdf.NSCivic, strings.TrimSuffix(d.term.IRI(), d.term.Local()), "%s is a civic: term", d.term)
	}
	for term, field := range declared {
		assert.Equal(t, 1, defined[term], "definitions of %s (rdf.Civic.%s)", term, field)
	}
	for _, term := range rdf.Terms() {
		if strings.HasPrefix(term.IRI(), rdf.NSCivic) {
			_, ok := declared[term]
			assert.True(t, ok, "%s is declared outside rdf.Civic", term)
		}
	}
}

// TestDefinitionsAreComplete checks what each kind of term must have:
// a label and a comment; a property a domain and a range, a class
// neither.
func TestDefinitionsAreComplete(t *testing.T) {
	for _, d := range definitions {
		t.Run(d.term.Local(), func(t *testing.T) {
			assert.NotEmpty(t, d.label)
			assert.NotEmpty(t, d.comment)
			assert.NotZero(t, d.kind)
			if d.kind == class {
				assert.Empty(t, d.domain)
				assert.Empty(t, d.rng)
				return
			}
			assert.Empty(t, d.subClassOf)
			assert.NotEmpty(t, d.domain)
			assert.NotEmpty(t, d.rng)
		})
	}
}

// TestVocabularyParsesBack reads vocabulary.ttl with knakk/rdf, a
// different parser from the writer's, and counts its triples against
// the table: three for the ontology; for each term its type, label,
// comment and rdfs:isDefinedBy, one per superclass, and one per domain
// and range, plus, for a union of n, its node's type, owl:unionOf and
// the 2n triples of its list.
func TestVocabularyParsesBack(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Write(&buf))
	ts, err := knakk.NewTripleDecoder(&buf, knakk.Turtle).DecodeAll()
	require.NoError(t, err)

	want := 3
	unionTriples := func(ts []*rdf.Term) int {
		if len(ts) < 2 {
			return 0
		}
		return 2 + 2*len(ts)
	}
	for _, d := range definitions {
		want += 4 + len(d.subClassOf) + min(1, len(d.domain)) + min(1, len(d.rng)) +
			unionTriples(d.domain) + unionTriples(d.rng)
	}
	assert.Len(t, ts, want, "triples of vocabulary.ttl")

	byTerm := map[string]map[string][]string{}
	for _, tr := range ts {
		s := tr.Subj.String()
		if byTerm[s] == nil {
			byTerm[s] = map[string][]string{}
		}
		byTerm[s][tr.Pred.String()] = append(byTerm[s][tr.Pred.String()], tr.Obj.String())
	}
	assert.Equal(t, []string{rdf.OWL.Ontology.IRI()}, byTerm[string(rdf.CivicOntology)][rdf.RDF.Type.IRI()])
	for _, d := range definitions {
		got := byTerm[d.term.IRI()]
		assert.Equal(t, []string{d.kind.class().IRI()}, got[rdf.RDF.Type.IRI()], "type of %s", d.term)
		assert.Equal(t, []string{d.label}, got[rdf.RDFS.Label.IRI()], "label of %s", d.term)
		assert.Equal(t, []string{string(rdf.CivicOntology)}, got[rdf.RDFS.IsDefinedBy.IRI()], "rdfs:isDefinedBy of %s", d.term)
		assert.NotContains(t, got[rdf.RDFS.Comment.IRI()][0], "`", "the comment of %s is plain text", d.term)
	}
}

// The civic: terms section of docs/vocabulary.md is made from the table,
// between these markers; go test -update rewrites it.
const (
	docBegin = "<!-- BEGIN generated civic: terms: go test ./export/vocab -run TestVocabularyDoc -update -->\n"
	docEnd   = "<!-- END generated civic: terms -->\n"
	doc      = "../../docs/vocabulary.md"
)

func TestVocabularyDoc(t *testing.T) {
	data, err := os.ReadFile(doc)
	require.NoError(t, err)
	text := string(data)
	begin := strings.Index(text, docBegin)
	end := strings.Index(text, docEnd)
	require.True(t, begin >= 0 && end > begin, "%s has the markers of the generated civic: terms", doc)
	want := text[:begin+len(docBegin)] + termDocs() + text[end:]
	if exporttest.Updating() {
		require.NoError(t, os.WriteFile(doc, []byte(want), 0o644))
		return
	}
	assert.Equal(t, want, text, "the civic: terms of %s are out of date: run go test ./export/vocab -run TestVocabularyDoc -update", doc)
}

// termDocs renders every definition as Markdown.
func termDocs() string {
	var b strings.Builder
	for _, d := range definitions {
		fmt.Fprintf(&b, "\n### %s\n\n", d.term)
		fmt.Fprintf(&b, "- label: %s\n", d.label)
		fmt.Fprintf(&b, "- type: `%s`\n", d.kind.class())
		b.WriteString(wrap("- comment: "+d.comment, "  ", 74))
		if len(d.subClassOf) > 0 {
			fmt.Fprintf(&b, "- subclass of: %s\n", termList(d.subClassOf, ", "))
		}
		if len(d.domain) > 0 {
			fmt.Fprintf(&b, "- domain: %s\n", termList(d.domain, " ∪ "))
		}
		if len(d.rng) > 0 {
			fmt.Fprintf(&b, "- range: %s\n", termList(d.rng, " ∪ "))
		}
	}
	b.WriteString("\n")
	return b.String()
}

func termList(ts []*rdf.Term, sep string) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = "`" + t.String() + "`"
	}
	return strings.Join(names, sep)
}

// wrap breaks s into lines of at most width characters (longer words
// stay whole), the lines after the first indented.
func wrap(s, indent string, width int) string {
	var b strings.Builder
	line := 0
	for i, w := range strings.Fields(s) {
		n := len([]rune(w))
		switch {
		case i == 0:
		case line+1+n > width:
			b.WriteString("\n" + indent)
			line = len(indent)
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(w)
		line += n
	}
	b.WriteByte('\n')
	return b.String()
}
