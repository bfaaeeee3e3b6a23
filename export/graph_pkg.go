package export

import (
	"fmt"
	"strings"

	"github.com/knakk/rdf"

	"github.com/civicnet/civicnet/model"
)

// graphBuilder collects triples, keeping the first error of an invalid
// term.
type graphBuilder struct {
	triples []rdf.Triple
	blanks  int
	err     error
}

func (g *graphBuilder) add(s rdf.Subject, p string, o rdf.Object) {
	if s == nil || o == nil {
		return
	}
	g.triples = append(g.triples, rdf.Triple{Subj: s, Pred: g.iri(p), Obj: o})
}

// iri returns the IRI s; an invalid one is an error of the whole graph.
func (g *graphBuilder) iri(s string) rdf.IRI {
	iri, err := rdf.NewIRI(s)
	if err != nil && g.err == nil {
		g.err = fmt.Errorf("invalid IRI %q: %w", s, err)
	}
	return iri
}

func (g *graphBuilder) blank() rdf.Blank {
	g.blanks++
	b, _ := rdf.NewBlank(fmt.Sprintf("b%d", g.blanks))
	return b
}

func (g *graphBuilder) plain(s string) rdf.Object {
	return rdf.NewTypedLiteral(validUTF8(s), xsdString)
}

// text is a string in lang (lower-cased, as the RDF dump writes tags),
// or a plain string when lang is empty or not a well-formed tag.
func (g *graphBuilder) text(s, lang string) rdf.Object {
	if l, ok := normalizeLang(lang); ok && lang != "" {
		if lit, err := langLiteral(validUTF8(s), l); err == nil {
			return lit
		}
	}
	return g.plain(s)
}

func (g *graphBuilder) integer(n int) rdf.Object {
	return rdf.NewTypedLiteral(fmt.Sprint(n), xsdInteger)
}

func (g *graphBuilder) boolean(b bool) rdf.Object {
	return rdf.NewTypedLiteral(fmt.Sprint(b), xsdBoolean)
}

func (g *graphBuilder) typed(s, datatype string) rdf.Object {
	return rdf.NewTypedLiteral(s, g.iri(datatype))
}

// list writes an RDF list of items and returns its head (rdf:nil when
// empty).
func (g *graphBuilder) list(items []rdf.Object) rdf.Object {
	if len(items) == 0 {
		return g.iri(NSRDF + "nil")
	}
	head := g.blank()
	cell := head
	for i, it := range items {
		g.add(cell, NSRDF+"first", it)
		if i == len(items)-1 {
			g.add(cell, NSRDF+"rest", g.iri(NSRDF+"nil"))
			break
		}
		next := g.blank()
		g.add(cell, NSRDF+"rest", next)
		cell = next
	}
	return head
}

// curieName is an IRI as prefix-local, for the name of a property shape:
// org-member.
func curieName(iri string) string {
	for _, p := range vocabPrefixes {
		if local, ok := strings.CutPrefix(iri, p.Namespace); ok {
			return p.Name + "-" + local
		}
	}
	return localName(iri)
}

// date is a date as a literal of the XSD type of its precision, without
// its EDTF qualifier.
func (g *graphBuilder) date(d model.Date) rdf.Object {
	switch d.Precision {
	case model.PrecisionYear:
		return g.typed(d.ISO(), NSXSD+"gYear")
	case model.PrecisionMonth:
		return g.typed(d.ISO(), NSXSD+"gYearMonth")
	}
	return g.typed(d.ISO(), NSXSD+"date")
}
