// Package turtle writes RDF as Turtle (RDF 1.1): the graph of a record
// set through [Writer], and small graphs with blank nodes and lists —
// the catalogue, the shapes — through [WriteGraph].
//
//	w := turtle.NewWriter(f)
//	if err := w.Write(ds); err != nil { … }
//	if err := w.Close(); err != nil { … }
//
// Names are written prefixed only where the local part needs no escape
// in Turtle's grammar, and numbers and booleans bare only where the bare
// form reads back as the same datatype and lexical form; everything else
// is written in full.
package turtle

import (
	"io"
	"strings"

	"github.com/civicnet/civicnet/export/internal/rdfsyntax"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
)

// Writer writes the RDF of datasets as Turtle: the fixed prefix table of
// [rdf.Prefixes] and prefixes for the dataset's own IRIs (id:, role:, …),
// then one block per subject, predicates grouped with ';' and objects
// with ',', rdf:type written as 'a'. Subjects come in the order of the
// mapping, so the same records give the same bytes. It is an
// [rdf.Sink], so one [rdf.Mapper.Render] can feed it together with other
// formats.
//
// Close must be called after the last Write: output is buffered.
type Writer struct {
	out rdfsyntax.Buffer
}

// NewWriter returns a writer of Turtle to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{out: rdfsyntax.Buffer{W: w}}
}

// Write writes the prefixes and triples of ds.
func (w *Writer) Write(ds *model.Dataset) error {
	if w.out.Err != nil {
		return w.out.Err
	}
	_, err := rdf.Write(ds, w)
	return err
}

// Close flushes what is buffered. It does not close the underlying
// io.Writer.
func (w *Writer) Close() error { return w.out.Flush() }

// Begin implements [rdf.Sink]: it writes the prefixes.
func (w *Writer) Begin(m *rdf.Mapper) error {
	pm := datasetPrefixes(m.Base())
	w.out.Buf = pm.appendHeader(w.out.Buf, pm.list)
	return w.out.MaybeFlush()
}

// NewEncoder implements [rdf.Sink].
func (w *Writer) NewEncoder(m *rdf.Mapper) rdf.Encoder {
	return &Encoder{prefixes: datasetPrefixes(m.Base())}
}

// Flush writes what is buffered, without ending the document.
func (w *Writer) Flush() error { return w.out.Flush() }

// WriteChunk implements [rdf.Sink].
func (w *Writer) WriteChunk(p []byte) error { return w.out.WriteChunk(p) }

// End implements [rdf.Sink].
func (w *Writer) End(*rdf.Mapper) error { return w.out.Err }

// datasetPrefixes returns the prefixes of dataset.ttl: the fixed ones
// and those of the dataset's own IRIs.
func datasetPrefixes(base string) *prefixMap {
	return newPrefixMap(append(rdf.Prefixes(), rdf.DatasetPrefixes(base)...))
}

// forms holds each vocabulary term as Turtle writes it: prefix:local,
// or <iri> when the local name needs an escape.
var forms = func() []string {
	ts := rdf.Terms()
	f := make([]string, len(ts))
	for i, t := range ts {
		f[i] = "<" + t.IRI() + ">"
		if rdfsyntax.IsSafeLocal(t.Local()) {
			f[i] = t.String()
		}
	}
	return f
}()

// Encoder appends the Turtle blocks of nodes.
type Encoder struct {
	prefixes *prefixMap
}

// AppendNode appends one subject with its triples. The terms come from a
// Mapper, which makes only valid ones, so they are not checked again.
func (enc *Encoder) AppendNode(b []byte, n *rdf.Node) ([]byte, error) {
	b = enc.prefixes.appendIRIBytes(b, n.Subject())
	ts := n.Triples()
	for i := range ts {
		t := &ts[i]
		switch {
		case i == 0:
			b = append(b, ' ')
		case t.Predicate() == ts[i-1].Predicate():
			b = append(b, ", "...)
			b = enc.appendObject(b, t)
			continue
		default:
			b = append(b, " ;\n    "...)
		}
		if t.Predicate() == rdf.RDF.Type {
			b = append(b, 'a')
		} else {
			b = append(b, forms[t.Predicate().Index()]...)
		}
		b = append(b, ' ')
		b = enc.appendObject(b, t)
	}
	return append(b, " .\n\n"...), nil
}

func (enc *Encoder) appendObject(b []byte, t *rdf.Triple) []byte {
	switch t.Kind() {
	case rdf.ObjectTerm:
		return append(b, forms[t.ObjectTerm().Index()]...)
	case rdf.ObjectIRI:
		return enc.prefixes.appendIRIBytes(b, t.ObjectIRI())
	}
	dt := t.Datatype()
	b, bare := appendLexical(b, t.Value(), dt, t.Lang())
	switch {
	case bare:
	case t.Lang() != "":
		b = append(b, '@')
		b = append(b, t.Lang()...)
	case dt != nil:
		b = append(b, "^^"...)
		b = append(b, forms[dt.Index()]...)
	}
	return b
}

// appendLexical appends the lexical form v of a literal of datatype dt
// (nil for xsd:string): bare, when that reads back as the same datatype
// and form (then bare is true and nothing must follow), else quoted, for
// the caller to add the language tag or datatype.
func appendLexical(b []byte, v string, dt *rdf.Term, lang string) (_ []byte, bare bool) {
	if lang == "" {
		switch dt {
		case rdf.XSD.Integer:
			if isInteger(v) {
				return append(b, v...), true
			}
		case rdf.XSD.Decimal:
			if isDecimal(v) {
				return append(b, v...), true
			}
		case rdf.XSD.Boolean:
			if v == "true" || v == "false" {
				return append(b, v...), true
			}
		}
	}
	if strings.ContainsAny(v, "\n\r") {
		b = append(b, `"""`...)
		b = rdfsyntax.AppendEscaped(b, v, true)
		return append(b, `"""`...), false
	}
	return rdfsyntax.AppendNTString(b, v), false
}

// isInteger reports whether s is the canonical form of an xsd:integer,
// which Turtle's INTEGER reads as itself: -?(0|[1-9][0-9]*), not -0.
func isInteger(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || !allDigits(d) {
		return false
	}
	if d[0] == '0' {
		return d == "0" && s == "0"
	}
	return true
}

// isDecimal reports whether s has the form [0-9]+ '.' [0-9]+, optionally
// after '-', which Turtle's DECIMAL reads as itself.
func isDecimal(s string) bool {
	d := strings.TrimPrefix(s, "-")
	dot := strings.IndexByte(d, '.')
	return dot > 0 && allDigits(d[:dot]) && allDigits(d[dot+1:])
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// prefixMap finds the prefixed name of an IRI.
type prefixMap struct {
	list []rdf.Prefix
	byNS map[string]string
	used map[string]bool // when not nil, records the prefixes written
}

func newPrefixMap(ps []rdf.Prefix) *prefixMap {
	pm := &prefixMap{list: ps, byNS: make(map[string]string, len(ps))}
	for _, p := range ps {
		pm.byNS[p.Namespace] = p.Name
	}
	return pm
}

func (pm *prefixMap) appendHeader(b []byte, ps []rdf.Prefix) []byte {
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

// appendIRIBytes writes iri as prefix:local when a prefix's namespace is
// all of iri up to its last '/' or '#' and the rest is a safe local
// name; otherwise as <iri>. The IRI is not checked.
func (pm *prefixMap) appendIRIBytes(b []byte, iri []byte) []byte {
	i := len(iri) - 1
	for i >= 0 && iri[i] != '/' && iri[i] != '#' {
		i--
	}
	if i >= 0 && rdfsyntax.IsSafeLocal(iri[i+1:]) {
		if name, ok := pm.byNS[string(iri[:i+1])]; ok {
			if pm.used != nil {
				pm.used[name] = true
			}
			b = append(b, name...)
			b = append(b, ':')
			return append(b, iri[i+1:]...)
		}
	}
	return rdfsyntax.AppendTrustedIRIRef(b, iri)
}
