package turtle

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/civicnet/civicnet/export/internal/rdfsyntax"
	"github.com/civicnet/civicnet/export/rdf"
)

// WriteGraph writes g as a Turtle document: the prefixes of
// [rdf.Prefixes] that it uses, then the subjects in order (IRIs, then
// blank nodes), each with its triples sorted and grouped as [Writer]
// does. Duplicate triples are written once.
//
// A blank node that is the object of exactly one triple is written
// inline at that place, as [ … ], and an RDF list of such nodes as
// ( … ); any other blank node keeps its label. Every IRI, blank node
// label and language tag is checked: WriteGraph refuses, with an error,
// what would not read back as the same graph. g is not modified.
func WriteGraph(w io.Writer, g *rdf.Graph) error {
	ts := slices.Clone(g.Statements())
	slices.SortFunc(ts, compareStatements)
	ts = slices.CompactFunc(ts, func(a, b rdf.Statement) bool { return compareStatements(a, b) == 0 })
	gw := &graphWriter{
		prefixes: newPrefixMap(rdf.Prefixes()),
		refs:     map[rdf.Blank]int{},
		subjects: map[rdf.Blank][]rdf.Statement{},
		written:  map[rdf.Blank]bool{},
	}
	gw.prefixes.used = map[string]bool{}
	for i := 0; i < len(ts); {
		j := i + 1
		for j < len(ts) && compareValues(ts[j].Subject, ts[i].Subject) == 0 {
			j++
		}
		if b, ok := ts[i].Subject.(rdf.Blank); ok {
			gw.subjects[b] = ts[i:j]
		}
		for _, t := range ts[i:j] {
			if b, ok := t.Object.(rdf.Blank); ok {
				gw.refs[b]++
			}
		}
		i = j
	}
	var body []byte
	var err error
	for i := 0; i < len(ts) && err == nil; {
		j := i + 1
		for j < len(ts) && compareValues(ts[j].Subject, ts[i].Subject) == 0 {
			j++
		}
		if b, ok := ts[i].Subject.(rdf.Blank); !ok || gw.refs[b] != 1 {
			if ok {
				gw.written[b] = true
			}
			body, err = gw.appendBlock(body, ts[i:j])
		}
		i = j
	}
	// Blank nodes referenced once but only from each other (a cycle) were
	// not reached: write them with their labels.
	for i := 0; i < len(ts) && err == nil; i++ {
		if b, ok := ts[i].Subject.(rdf.Blank); ok && !gw.written[b] {
			gw.written[b] = true
			body, err = gw.appendBlock(body, gw.subjects[b])
		}
	}
	if err != nil {
		return fmt.Errorf("turtle: %w", err)
	}
	var used []rdf.Prefix
	for _, p := range gw.prefixes.list {
		if gw.prefixes.used[p.Name] {
			used = append(used, p)
		}
	}
	out := gw.prefixes.appendHeader(nil, used)
	_, err = w.Write(append(out, body...))
	return err
}

// graphWriter is the state of WriteGraph: which blank nodes can be
// written inline, and which are written already.
type graphWriter struct {
	prefixes *prefixMap
	refs     map[rdf.Blank]int             // blank → triples it is the object of
	subjects map[rdf.Blank][]rdf.Statement // blank → its triples
	written  map[rdf.Blank]bool
}

func (g *graphWriter) appendBlock(b []byte, ts []rdf.Statement) ([]byte, error) {
	b, err := g.appendTerm(b, ts[0].Subject)
	if err != nil {
		return b, err
	}
	b = append(b, ' ')
	b, err = g.appendPredicateObjects(b, ts, 1)
	return append(b, " .\n\n"...), err
}

func (g *graphWriter) appendPredicateObjects(b []byte, ts []rdf.Statement, depth int) ([]byte, error) {
	var err error
	for i, t := range ts {
		switch {
		case i == 0:
		case t.Predicate == ts[i-1].Predicate:
			b = append(b, ", "...)
		default:
			b = append(b, " ;\n"...)
			b = appendIndent(b, depth)
		}
		if i == 0 || t.Predicate != ts[i-1].Predicate {
			if t.Predicate == rdf.RDF.Type {
				b = append(b, 'a')
			} else {
				b = g.appendTermIRI(b, t.Predicate)
			}
			b = append(b, ' ')
		}
		if b, err = g.appendObject(b, t.Object, depth); err != nil {
			return b, err
		}
	}
	return b, nil
}

func (g *graphWriter) appendObject(b []byte, o rdf.Value, depth int) ([]byte, error) {
	bn, ok := o.(rdf.Blank)
	if !ok || g.refs[bn] != 1 || g.written[bn] {
		return g.appendTerm(b, o)
	}
	if items, ok := g.list(bn, map[rdf.Blank]bool{}); ok {
		for _, l := range items.nodes {
			g.written[l] = true
		}
		b = append(b, '(')
		var err error
		for _, item := range items.items {
			b = append(b, ' ')
			if b, err = g.appendObject(b, item, depth); err != nil {
				return b, err
			}
		}
		return append(b, " )"...), nil
	}
	g.written[bn] = true
	ts := g.subjects[bn]
	if len(ts) == 0 {
		return append(b, "[]"...), nil
	}
	b = append(b, "[\n"...)
	b = appendIndent(b, depth+1)
	b, err := g.appendPredicateObjects(b, ts, depth+1)
	b = append(b, '\n')
	b = appendIndent(b, depth)
	return append(b, ']'), err
}

type listItems struct {
	items []rdf.Value
	nodes []rdf.Blank
}

// list reports whether the blank node heads a well-formed RDF list that
// can be written as ( … ): every node is referenced once and has exactly
// one rdf:first and one rdf:rest, the last rest being rdf:nil.
func (g *graphWriter) list(label rdf.Blank, seen map[rdf.Blank]bool) (listItems, bool) {
	var l listItems
	for {
		if seen[label] || g.refs[label] != 1 || g.written[label] {
			return l, false
		}
		seen[label] = true
		ts := g.subjects[label]
		if len(ts) != 2 || ts[0].Predicate != rdf.RDF.First || ts[1].Predicate != rdf.RDF.Rest {
			return l, false
		}
		l.items = append(l.items, ts[0].Object)
		l.nodes = append(l.nodes, label)
		switch rest := ts[1].Object.(type) {
		case *rdf.Term:
			return l, rest == rdf.RDF.Nil
		case rdf.Blank:
			label = rest
		default:
			return l, false
		}
	}
}

func appendIndent(b []byte, depth int) []byte {
	for range depth {
		b = append(b, "    "...)
	}
	return b
}

func (g *graphWriter) appendTermIRI(b []byte, t *rdf.Term) []byte {
	if rdfsyntax.IsSafeLocal(t.Local()) {
		g.prefixes.used[t.Prefix()] = true
	}
	return append(b, forms[t.Index()]...)
}

func (g *graphWriter) appendTerm(b []byte, v rdf.Value) ([]byte, error) {
	switch v := v.(type) {
	case *rdf.Term:
		return g.appendTermIRI(b, v), nil
	case rdf.IRI:
		if err := rdfsyntax.CheckIRI(string(v)); err != nil {
			return b, err
		}
		return g.prefixes.appendIRIBytes(b, []byte(v)), nil
	case rdf.Blank:
		if err := rdfsyntax.CheckBlank(string(v)); err != nil {
			return b, err
		}
		b = append(b, "_:"...)
		return append(b, v...), nil
	case rdf.Literal:
		return g.appendLiteral(b, v)
	}
	return b, fmt.Errorf("unsupported RDF term %T", v) // wrapped by WriteGraph
}

// appendLiteral writes numbers and booleans bare when the bare form
// reads back as the same datatype and lexical form, strings with line
// breaks as long strings, and everything else quoted.
func (g *graphWriter) appendLiteral(b []byte, l rdf.Literal) ([]byte, error) {
	if l.Lang != "" && !wellFormedLang(l.Lang) {
		return b, fmt.Errorf("language tag %q is not well-formed", l.Lang)
	}
	if l.Lang != "" && l.Datatype != nil {
		return b, fmt.Errorf("literal %q has both a language tag and a datatype", l.Value)
	}
	b, bare := appendLexical(b, l.Value, l.Datatype, l.Lang)
	switch {
	case bare:
	case l.Lang != "":
		b = append(b, '@')
		b = append(b, l.Lang...)
	case l.Datatype == rdf.RDF.LangString:
		return b, fmt.Errorf("rdf:langString literal %q without a language tag", l.Value)
	case l.Datatype != nil && l.Datatype != rdf.XSD.String:
		b = append(b, "^^"...)
		b = g.appendTermIRI(b, l.Datatype)
	}
	return b, nil
}

// wellFormedLang checks tag against the language tag production of
// Turtle and N-Triples: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func wellFormedLang(tag string) bool {
	for i, part := range strings.Split(tag, "-") {
		if part == "" {
			return false
		}
		for j := 0; j < len(part); j++ {
			c := part[j]
			letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !letter && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}

// compareStatements orders triples by subject, then predicate (rdf:type
// first, then by IRI), then object.
func compareStatements(a, b rdf.Statement) int {
	if c := compareValues(a.Subject, b.Subject); c != 0 {
		return c
	}
	if a.Predicate != b.Predicate {
		switch {
		case a.Predicate == rdf.RDF.Type:
			return -1
		case b.Predicate == rdf.RDF.Type:
			return 1
		}
		return strings.Compare(a.Predicate.IRI(), b.Predicate.IRI())
	}
	return compareValues(a.Object, b.Object)
}

// compareValues orders IRIs before blank nodes before literals; IRIs by
// their string, blank nodes by label, literals by lexical form, then
// datatype, then language.
func compareValues(a, b rdf.Value) int {
	ra, sa := rank(a)
	rb, sb := rank(b)
	if ra != rb {
		return cmp.Compare(ra, rb)
	}
	if la, ok := a.(rdf.Literal); ok {
		lb := b.(rdf.Literal)
		return cmp.Or(strings.Compare(la.Value, lb.Value),
			strings.Compare(datatypeIRI(la), datatypeIRI(lb)),
			strings.Compare(la.Lang, lb.Lang))
	}
	return strings.Compare(sa, sb)
}

func rank(v rdf.Value) (int, string) {
	switch v := v.(type) {
	case *rdf.Term:
		return 0, v.IRI()
	case rdf.IRI:
		return 0, string(v)
	case rdf.Blank:
		return 1, string(v)
	}
	return 2, ""
}

func datatypeIRI(l rdf.Literal) string {
	switch {
	case l.Lang != "":
		return rdf.RDF.LangString.IRI()
	case l.Datatype == nil:
		return rdf.XSD.String.IRI()
	}
	return l.Datatype.IRI()
}
