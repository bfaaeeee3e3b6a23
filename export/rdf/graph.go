package rdf

import (
	"strconv"

	"github.com/civicnet/civicnet/model"
)

// The small graphs — the catalogue, the shapes, the vocabulary — are
// built as a Graph of general terms, blank nodes and RDF lists included,
// and written by turtle.WriteGraph. The dataset itself never goes
// through a Graph: it streams from the Mapper.

// Value is an RDF term of a Graph: an [IRI], a [*Term], a [Blank] or a
// [Literal].
type Value interface {
	isValue()
}

// IRI is an absolute IRI that is not a declared vocabulary term: a
// record, a dump file, an authority table entry.
type IRI string

// Blank is a blank node, named by its label.
type Blank string

// Literal is a literal: a lexical form with a datatype (nil for
// xsd:string) or a language tag.
type Literal struct {
	Value    string
	Datatype *Term
	Lang     string
}

func (IRI) isValue()     {}
func (Blank) isValue()   {}
func (Literal) isValue() {}
func (*Term) isValue()   {}

// Statement is one triple of a Graph.
type Statement struct {
	Subject   Value // an IRI, *Term or Blank
	Predicate *Term
	Object    Value
}

// Graph is a small graph under construction. Its zero value is empty and
// ready to use.
type Graph struct {
	statements []Statement
	blanks     int
}

// Add adds the triple (s, p, o); a nil subject or object adds nothing,
// so that optional values need no test at the call.
func (g *Graph) Add(s Value, p *Term, o Value) {
	if s == nil || o == nil {
		return
	}
	g.statements = append(g.statements, Statement{s, p, o})
}

// A adds (s, rdf:type, class).
func (g *Graph) A(s Value, class *Term) { g.Add(s, RDF.Type, class) }

// Blank returns a new blank node, labelled b1, b2, … in the order made,
// so that the same construction gives the same graph.
func (g *Graph) Blank() Blank {
	g.blanks++
	return Blank("b" + strconv.Itoa(g.blanks))
}

// List adds an RDF list of items and returns its head (rdf:nil when
// empty).
func (g *Graph) List(items ...Value) Value {
	if len(items) == 0 {
		return RDF.Nil
	}
	head := g.Blank()
	cell := head
	for i, it := range items {
		g.Add(cell, RDF.First, it)
		if i == len(items)-1 {
			g.Add(cell, RDF.Rest, RDF.Nil)
			break
		}
		next := g.Blank()
		g.Add(cell, RDF.Rest, next)
		cell = next
	}
	return head
}

// Statements returns the triples added, in the order added. The slice
// belongs to the graph.
func (g *Graph) Statements() []Statement { return g.statements }

// String returns s as a plain literal.
func String(s string) Literal { return Literal{Value: validUTF8(s)} }

// Text returns s in language lang (lower-cased, as the dataset writes
// tags), or a plain literal when lang is empty or not a well-formed tag.
func Text(s, lang string) Literal {
	if l, ok := normalizeLang(lang); ok {
		return Literal{Value: validUTF8(s), Lang: l}
	}
	return String(s)
}

// Integer returns n as an xsd:integer.
func Integer(n int) Literal { return Literal{Value: strconv.Itoa(n), Datatype: XSD.Integer} }

// Boolean returns b as an xsd:boolean.
func Boolean(b bool) Literal { return Literal{Value: strconv.FormatBool(b), Datatype: XSD.Boolean} }

// Typed returns the lexical form s of datatype dt.
func Typed(s string, dt *Term) Literal { return Literal{Value: s, Datatype: dt} }

// DateLiteral returns d as a literal of the XSD type of its precision
// (xsd:gYear, xsd:gYearMonth, xsd:date), without its EDTF qualifier.
func DateLiteral(d model.Date) Literal {
	switch d.Precision {
	case model.PrecisionYear:
		return Typed(d.ISO(), XSD.GYear)
	case model.PrecisionMonth:
		return Typed(d.ISO(), XSD.GYearMonth)
	}
	return Typed(d.ISO(), XSD.Date)
}
