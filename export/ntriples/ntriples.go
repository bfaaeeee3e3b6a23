// Package ntriples writes the graph of a record set as N-Triples (RDF
// 1.1): one triple a line, in the subject order of the mapping, so that
// the same records always give the same bytes.
//
//	w := ntriples.NewWriter(f)
//	if err := w.Write(ds); err != nil { … }
//	if err := w.Close(); err != nil { … }
package ntriples

import (
	"io"

	"github.com/civicnet/civicnet/export/internal/rdfsyntax"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
)

// Writer writes the RDF of datasets as N-Triples. It is an [rdf.Sink],
// so one [rdf.Mapper.Render] can feed it together with other formats.
//
// Close must be called after the last Write: output is buffered.
type Writer struct {
	out rdfsyntax.Buffer
}

// NewWriter returns a writer of N-Triples to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{out: rdfsyntax.Buffer{W: w}}
}

// Write writes the triples of ds.
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

// Begin implements [rdf.Sink]; N-Triples has no header.
func (w *Writer) Begin(*rdf.Mapper) error { return w.out.Err }

// NewEncoder implements [rdf.Sink].
func (w *Writer) NewEncoder(*rdf.Mapper) rdf.Encoder { return Encoder{} }

// Flush writes what is buffered, without ending the document.
func (w *Writer) Flush() error { return w.out.Flush() }

// WriteChunk implements [rdf.Sink].
func (w *Writer) WriteChunk(p []byte) error { return w.out.WriteChunk(p) }

// End implements [rdf.Sink].
func (w *Writer) End(*rdf.Mapper) error { return w.out.Err }

// Encoder appends the N-Triples lines of nodes.
type Encoder struct{}

// forms holds each vocabulary term as N-Triples writes it: <iri>.
var forms = func() []string {
	ts := rdf.Terms()
	f := make([]string, len(ts))
	for i, t := range ts {
		f[i] = "<" + t.IRI() + ">"
	}
	return f
}()

// AppendNode appends the lines of one subject; the subject is serialised
// once and copied into each line. The terms come from a Mapper, which
// makes only valid ones, so they are not checked again.
func (Encoder) AppendNode(b []byte, n *rdf.Node) ([]byte, error) {
	start := len(b)
	b = rdfsyntax.AppendTrustedIRIRef(b, n.Subject())
	end := len(b)
	ts := n.Triples()
	for i := range ts {
		t := &ts[i]
		if i > 0 {
			b = append(b, b[start:end]...)
		}
		b = append(b, ' ')
		b = append(b, forms[t.Predicate().Index()]...)
		b = append(b, ' ')
		switch t.Kind() {
		case rdf.ObjectTerm:
			b = append(b, forms[t.ObjectTerm().Index()]...)
		case rdf.ObjectIRI:
			b = rdfsyntax.AppendTrustedIRIRef(b, t.ObjectIRI())
		case rdf.ObjectLiteral:
			b = rdfsyntax.AppendNTString(b, t.Value())
			switch {
			case t.Lang() != "":
				b = append(b, '@')
				b = append(b, t.Lang()...)
			case t.Datatype() != nil:
				b = append(b, "^^"...)
				b = append(b, forms[t.Datatype().Index()]...)
			}
		}
		b = append(b, " .\n"...)
	}
	return b, nil
}
