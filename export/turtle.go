package export

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/knakk/rdf"

	"github.com/civicnet/civicnet/model"
)

// TurtleWriter writes the RDF of datasets as Turtle (RDF 1.1): the fixed
// prefix table of [Prefixes] and prefixes for the dataset's own IRIs
// (id:, role:, …), then one block per subject, predicates grouped with
// ';' and objects with ',', rdf:type written as 'a'. Subjects come in the
// order of [Mapper.EachSubject], so the same records give the same bytes.
//
// Names are written prefixed only where the local part needs no escape
// in Turtle's grammar, and numbers and booleans bare only where the bare
// form reads back as the same datatype and lexical form; everything else
// is written in full.
//
// Close must be called after the last Write: output is buffered.
type TurtleWriter struct {
	out outBuffer
}

// NewTurtleWriter returns a writer of Turtle to w.
func NewTurtleWriter(w io.Writer) *TurtleWriter {
	return &TurtleWriter{out: outBuffer{w: w}}
}

// Write writes the prefixes and triples of ds.
func (w *TurtleWriter) Write(ds *model.Dataset) error {
	if w.out.err != nil {
		return w.out.err
	}
	m, err := NewMapper(ds)
	if err != nil {
		return err
	}
	enc := newDatasetTurtle(m)
	w.out.buf = enc.prefixes.appendHeader(w.out.buf, enc.prefixes.list)
	if err := m.render(func() []renderFunc { return []renderFunc{enc.renderBlock} }, []*outBuffer{&w.out}); err != nil {
		return err
	}
	return w.out.err
}

// newDatasetTurtle returns the encoder of dataset.ttl: the fixed
// prefixes and those of the dataset's own IRIs.
func newDatasetTurtle(m *Mapper) *turtleEncoder {
	pm := newPrefixMap(append(Prefixes(), datasetPrefixes(m.base)...))
	pm.trusted = true
	return &turtleEncoder{prefixes: pm}
}

// Close flushes what is buffered. It does not close the underlying
// io.Writer.
func (w *TurtleWriter) Close() error { return w.out.flush() }

// WriteTurtleGraph writes triples as a Turtle document: the prefixes of
// [Prefixes] that it uses, then the subjects in order (IRIs, then blank
// nodes), each with its triples sorted and grouped as [TurtleWriter]
// does. Duplicate triples are written once.
//
// Blank nodes may be used (the catalogue and the SHACL shapes need them):
// a blank node that is the object of exactly one triple is written inline
// at that place, as [ … ], and an RDF list of such nodes as ( … ); any
// other blank node keeps its label, _:label, which must consist of ASCII
// letters, digits, '_' and '-'. triples is not modified.
func WriteTurtleGraph(w io.Writer, triples []rdf.Triple) error {
	ts := sortTriples(slices.Clone(triples))
	g := &turtleGraph{
		enc:      turtleEncoder{prefixes: newPrefixMap(Prefixes())},
		refs:     map[string]int{},
		subjects: map[string][]rdf.Triple{},
		written:  map[string]bool{},
	}
	g.enc.prefixes.used = map[string]bool{}
	for i := 0; i < len(ts); {
		j := i + 1
		for j < len(ts) && compareTerms(ts[j].Subj, ts[i].Subj) == 0 {
			j++
		}
		if b, ok := ts[i].Subj.(rdf.Blank); ok {
			g.subjects[b.String()] = ts[i:j]
		}
		for _, t := range ts[i:j] {
			if b, ok := t.Obj.(rdf.Blank); ok {
				g.refs[b.String()]++
			}
		}
		i = j
	}
	var body []byte
	var err error
	for i := 0; i < len(ts) && err == nil; {
		j := i + 1
		for j < len(ts) && compareTerms(ts[j].Subj, ts[i].Subj) == 0 {
			j++
		}
		if b, ok := ts[i].Subj.(rdf.Blank); !ok || g.refs[b.String()] != 1 {
			if ok {
				g.written[b.String()] = true
			}
			body, err = g.appendBlock(body, ts[i:j])
		}
		i = j
	}
	// Blank nodes referenced once but only from each other (a cycle) were
	// not reached: write them with their labels.
	for i := 0; i < len(ts) && err == nil; i++ {
		if b, ok := ts[i].Subj.(rdf.Blank); ok && !g.written[b.String()] {
			g.written[b.String()] = true
			body, err = g.appendBlock(body, g.subjects[b.String()])
		}
	}
	if err != nil {
		return err
	}
	var used []Prefix
	for _, p := range g.enc.prefixes.list {
		if g.enc.prefixes.used[p.Name] {
			used = append(used, p)
		}
	}
	out := g.enc.prefixes.appendHeader(nil, used)
	_, err = w.Write(append(out, body...))
	return err
}

// turtleGraph is the state of WriteTurtleGraph: which blank nodes can be
// written inline, and which are written already.
type turtleGraph struct {
	enc      turtleEncoder
	refs     map[string]int          // blank label → triples it is the object of
	subjects map[string][]rdf.Triple // blank label → its triples
	written  map[string]bool
}

func (g *turtleGraph) appendBlock(b []byte, ts []rdf.Triple) ([]byte, error) {
	b, err := g.enc.appendTerm(b, ts[0].Subj)
	if err != nil {
		return b, err
	}
	b = append(b, ' ')
	b, err = g.appendPredicateObjects(b, ts, 1)
	return append(b, " .\n\n"...), err
}

func (g *turtleGraph) appendPredicateObjects(b []byte, ts []rdf.Triple, depth int) ([]byte, error) {
	var err error
	for i, t := range ts {
		switch {
		case i == 0:
		case t.Pred.String() == ts[i-1].Pred.String():
			b = append(b, ", "...)
		default:
			b = append(b, " ;\n"...)
			b = appendIndent(b, depth)
		}
		if i == 0 || t.Pred.String() != ts[i-1].Pred.String() {
			if b, err = g.enc.appendPredicate(b, t.Pred); err != nil {
				return b, err
			}
			b = append(b, ' ')
		}
		if b, err = g.appendObject(b, t.Obj, depth); err != nil {
			return b, err
		}
	}
	return b, nil
}

func (g *turtleGraph) appendObject(b []byte, o rdf.Object, depth int) ([]byte, error) {
	bn, ok := o.(rdf.Blank)
	if !ok || g.refs[bn.String()] != 1 || g.written[bn.String()] {
		return g.enc.appendTerm(b, o)
	}
	label := bn.String()
	if items, ok := g.list(label, map[string]bool{}); ok {
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
	g.written[label] = true
	ts := g.subjects[label]
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
	items []rdf.Object
	nodes []string
}

// list reports whether the blank node label heads a well-formed RDF list
// that can be written as ( … ): every node is referenced once and has
// exactly one rdf:first and one rdf:rest, the last rest being rdf:nil.
func (g *turtleGraph) list(label string, seen map[string]bool) (listItems, bool) {
	var l listItems
	for {
		if seen[label] || g.refs[label] != 1 || g.written[label] {
			return l, false
		}
		seen[label] = true
		ts := g.subjects[label]
		if len(ts) != 2 || ts[0].Pred.String() != NSRDF+"first" || ts[1].Pred.String() != NSRDF+"rest" {
			return l, false
		}
		l.items = append(l.items, ts[0].Obj)
		l.nodes = append(l.nodes, label)
		switch rest := ts[1].Obj.(type) {
		case rdf.IRI:
			return l, rest.String() == NSRDF+"nil"
		case rdf.Blank:
			label = rest.String()
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

// turtleEncoder writes the terms and subject blocks of Turtle.
type turtleEncoder struct {
	prefixes *prefixMap
}

// appendBlock appends one subject with its triples, which share that
// subject and are sorted.
func (e *turtleEncoder) appendBlock(b []byte, s rdf.Subject, ts []rdf.Triple) ([]byte, error) {
	b, err := e.appendTerm(b, s)
	if err != nil {
		return b, err
	}
	for i, t := range ts {
		switch {
		case i == 0:
			b = append(b, ' ')
		case t.Pred.String() == ts[i-1].Pred.String():
			b = append(b, ", "...)
			if b, err = e.appendTerm(b, t.Obj); err != nil {
				return b, err
			}
			continue
		default:
			b = append(b, " ;\n    "...)
		}
		if b, err = e.appendPredicate(b, t.Pred); err != nil {
			return b, err
		}
		b = append(b, ' ')
		if b, err = e.appendTerm(b, t.Obj); err != nil {
			return b, err
		}
	}
	return append(b, " .\n\n"...), nil
}

// renderBlock appends the subject n that e built, as appendBlock does
// for knakk/rdf triples.
func (enc *turtleEncoder) renderBlock(b []byte, e *emitter, n *node) ([]byte, error) {
	b = enc.prefixes.appendIRIBytes(b, e.subject(n))
	for i := range n.ts {
		t := &n.ts[i]
		switch {
		case i == 0:
			b = append(b, ' ')
		case t.p.iri == n.ts[i-1].p.iri:
			b = append(b, ", "...)
			b = enc.renderObject(b, e, t)
			continue
		default:
			b = append(b, " ;\n    "...)
		}
		if t.p.iri == rdfTypeIRI {
			b = append(b, 'a')
		} else {
			b = append(b, t.p.ttl...)
		}
		b = append(b, ' ')
		b = enc.renderObject(b, e, t)
	}
	return append(b, " .\n\n"...), nil
}

func (enc *turtleEncoder) renderObject(b []byte, e *emitter, t *otriple) []byte {
	switch t.kind {
	case oVocab:
		return append(b, t.v.ttl...)
	case oIRI:
		return enc.prefixes.appendIRIBytes(b, e.iriBytes(t))
	}
	dt := NSXSD + "string"
	if t.v != nil {
		dt = t.v.iri
	}
	b, bare := appendTurtleLexical(b, t.s, dt, t.lang)
	switch {
	case bare:
	case t.lang != "":
		b = append(b, '@')
		b = append(b, t.lang...)
	case t.v != nil:
		b = append(b, "^^"...)
		b = append(b, t.v.ttl...)
	}
	return b
}

func (e *turtleEncoder) appendPredicate(b []byte, p rdf.Predicate) ([]byte, error) {
	if p.String() == rdfTypeIRI {
		return append(b, 'a'), nil
	}
	return e.appendTerm(b, p)
}

func (e *turtleEncoder) appendTerm(b []byte, t rdf.Term) ([]byte, error) {
	switch t := t.(type) {
	case rdf.IRI:
		return e.prefixes.appendIRI(b, t.String())
	case rdf.Blank:
		return appendBlank(b, t.String())
	case rdf.Literal:
		return e.appendLiteral(b, t)
	}
	return b, fmt.Errorf("unsupported RDF term %T", t)
}

// appendLiteral writes numbers and booleans bare when the bare form
// reads back as the same datatype and lexical form, strings with line
// breaks as long strings, and everything else quoted.
func (e *turtleEncoder) appendLiteral(b []byte, l rdf.Literal) ([]byte, error) {
	b, bare := appendTurtleLexical(b, l.String(), l.DataType.String(), l.Lang())
	if bare {
		return b, nil
	}
	return appendLiteralSuffix(b, l, e.prefixes, e.prefixes.trusted)
}

// appendTurtleLexical appends the lexical form v of a literal of
// datatype dt: bare, when that reads back as the same datatype and form
// (then bare is true and nothing must follow), else quoted, for the
// caller to add the language tag or datatype.
func appendTurtleLexical(b []byte, v, dt, lang string) (_ []byte, bare bool) {
	if lang == "" {
		switch dt {
		case NSXSD + "integer":
			if isTurtleInteger(v) {
				return append(b, v...), true
			}
		case NSXSD + "decimal":
			if isTurtleDecimal(v) {
				return append(b, v...), true
			}
		case NSXSD + "boolean":
			if v == "true" || v == "false" {
				return append(b, v...), true
			}
		}
	}
	if strings.ContainsAny(v, "\n\r") {
		b = append(b, `"""`...)
		b = appendEscaped(b, v, true)
		return append(b, `"""`...), false
	}
	return appendNTString(b, v), false
}

// isTurtleInteger reports whether s is the canonical form of an
// xsd:integer, which Turtle's INTEGER reads as itself: -?(0|[1-9][0-9]*),
// not -0.
func isTurtleInteger(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || !allDigits(d) {
		return false
	}
	if d[0] == '0' {
		return d == "0" && s == "0"
	}
	return true
}

// isTurtleDecimal reports whether s has the form [0-9]+ '.' [0-9]+,
// optionally after '-', which Turtle's DECIMAL reads as itself.
func isTurtleDecimal(s string) bool {
	d := strings.TrimPrefix(s, "-")
	dot := strings.IndexByte(d, '.')
	return dot > 0 && allDigits(d[:dot]) && allDigits(d[dot+1:])
}

// prefixMap finds the prefixed name of an IRI.
type prefixMap struct {
	list []Prefix
	byNS map[string]string
	used map[string]bool // when not nil, records the prefixes written
	// trusted is set when every term comes from a Mapper, which makes
	// only valid IRIs and language tags: they are not checked again.
	trusted bool
}

func newPrefixMap(ps []Prefix) *prefixMap {
	pm := &prefixMap{list: ps, byNS: make(map[string]string, len(ps))}
	for _, p := range ps {
		pm.byNS[p.Namespace] = p.Name
	}
	return pm
}

func (pm *prefixMap) appendHeader(b []byte, ps []Prefix) []byte {
	for _, p := range ps {
		b = append(b, "@prefix "...)
		b = append(b, p.Name...)
		b = append(b, ": <"...)
		b = append(b, p.Namespace...)
		b = append(b, "> .\n"...)
	}
	if len(ps) > 0 {
		b = append(b, '\n')
	}
	return b
}

// appendIRI writes iri as prefix:local when a prefix's namespace is all
// of iri up to its last '/' or '#' and the rest is a safe local name;
// otherwise as <iri>.
func (pm *prefixMap) appendIRI(b []byte, iri string) ([]byte, error) {
	i := len(iri) - 1
	for i >= 0 && iri[i] != '/' && iri[i] != '#' {
		i--
	}
	if i >= 0 && isSafeLocal(iri[i+1:]) {
		if name, ok := pm.byNS[iri[:i+1]]; ok {
			if pm.used != nil {
				pm.used[name] = true
			}
			b = append(b, name...)
			b = append(b, ':')
			return append(b, iri[i+1:]...), nil
		}
	}
	if pm.trusted {
		return appendTrustedIRIRef(b, iri), nil
	}
	return appendIRIRef(b, iri)
}

// appendIRIBytes writes an IRI made by a Mapper (so known to be valid),
// as appendIRI does.
func (pm *prefixMap) appendIRIBytes(b []byte, iri []byte) []byte {
	i := len(iri) - 1
	for i >= 0 && iri[i] != '/' && iri[i] != '#' {
		i--
	}
	if i >= 0 && isSafeLocal(iri[i+1:]) {
		if name, ok := pm.byNS[string(iri[:i+1])]; ok {
			b = append(b, name...)
			b = append(b, ':')
			return append(b, iri[i+1:]...)
		}
	}
	b = append(b, '<')
	b = append(b, iri...)
	return append(b, '>')
}

// isSafeLocal reports whether s can be written as the local part of a
// prefixed name without any escape and be read the same by every Turtle
// parser: ASCII letters, digits, '_', '-' and '.', not starting with '-'
// or '.', not ending with '.'. (Turtle allows more, with escapes; those
// names are written as full IRIs instead.)
func isSafeLocal[T string | []byte](s T) bool {
	if len(s) == 0 || s[0] == '-' || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}
