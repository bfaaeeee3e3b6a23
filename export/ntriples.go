package export

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/knakk/rdf"

	"github.com/civicnet/civicnet/model"
)

// flushSize is how much a writer buffers before it writes to its
// io.Writer.
const flushSize = 64 << 10

// NTriplesWriter writes the RDF of datasets as N-Triples (RDF 1.1), one
// triple a line, subjects in the order of [Mapper.EachSubject], so that
// the same records always give the same bytes.
//
// Close must be called after the last Write: output is buffered.
type NTriplesWriter struct {
	out outBuffer
}

// NewNTriplesWriter returns a writer of N-Triples to w.
func NewNTriplesWriter(w io.Writer) *NTriplesWriter {
	return &NTriplesWriter{out: outBuffer{w: w}}
}

// Write writes the triples of ds.
func (w *NTriplesWriter) Write(ds *model.Dataset) error {
	if w.out.err != nil {
		return w.out.err
	}
	m, err := NewMapper(ds)
	if err != nil {
		return err
	}
	if err := m.render(func() []renderFunc { return []renderFunc{renderNTriples} }, []*outBuffer{&w.out}); err != nil {
		return err
	}
	return w.out.err
}

// renderNTriples appends the lines of one subject; the subject is
// serialised once and copied into each line. The terms come from a
// Mapper, which makes only valid ones, so they are not checked again.
func renderNTriples(b []byte, e *emitter, n *node) ([]byte, error) {
	start := len(b)
	b = append(b, '<')
	b = append(b, e.subject(n)...)
	b = append(b, '>')
	end := len(b)
	for i := range n.ts {
		t := &n.ts[i]
		if i > 0 {
			b = append(b, b[start:end]...)
		}
		b = append(b, ' ')
		b = append(b, t.p.nt...)
		b = append(b, ' ')
		switch t.kind {
		case oVocab:
			b = append(b, t.v.nt...)
		case oIRI:
			b = append(b, '<')
			b = append(b, e.iriBytes(t)...)
			b = append(b, '>')
		case oLiteral:
			b = appendNTString(b, t.s)
			switch {
			case t.lang != "":
				b = append(b, '@')
				b = append(b, t.lang...)
			case t.v != nil:
				b = append(b, "^^"...)
				b = append(b, t.v.nt...)
			}
		}
		b = append(b, " .\n"...)
	}
	return b, nil
}

// Close flushes what is buffered. It does not close the underlying
// io.Writer.
func (w *NTriplesWriter) Close() error { return w.out.flush() }

// outBuffer is the byte buffer every writer appends to, flushed in
// chunks; it keeps the first write error.
type outBuffer struct {
	w   io.Writer
	buf []byte
	err error
}

func (o *outBuffer) maybeFlush() error {
	if len(o.buf) < flushSize {
		return o.err
	}
	return o.flush()
}

// write writes b after what is buffered.
func (o *outBuffer) write(b []byte) error {
	if o.err != nil {
		return o.err
	}
	if len(o.buf)+len(b) <= flushSize {
		o.buf = append(o.buf, b...)
		return nil
	}
	if err := o.flush(); err != nil {
		return err
	}
	_, o.err = o.w.Write(b)
	return o.err
}

func (o *outBuffer) flush() error {
	if o.err != nil {
		return o.err
	}
	if len(o.buf) > 0 {
		_, o.err = o.w.Write(o.buf)
		o.buf = o.buf[:0]
	}
	return o.err
}

// appendNTriple appends one N-Triples line.
func appendNTriple(b []byte, t rdf.Triple) ([]byte, error) {
	var err error
	if b, err = appendNTTerm(b, t.Subj); err != nil {
		return b, err
	}
	b = append(b, ' ')
	if b, err = appendNTTerm(b, t.Pred); err != nil {
		return b, err
	}
	b = append(b, ' ')
	if b, err = appendNTTerm(b, t.Obj); err != nil {
		return b, err
	}
	return append(b, " .\n"...), nil
}

func appendNTTerm(b []byte, t rdf.Term) ([]byte, error) {
	switch t := t.(type) {
	case rdf.IRI:
		return appendIRIRef(b, t.String())
	case rdf.Blank:
		return appendBlank(b, t.String())
	case rdf.Literal:
		b = appendNTString(b, t.String())
		return appendLiteralSuffix(b, t, nil, false)
	}
	return b, fmt.Errorf("unsupported RDF term %T", t)
}

func appendTrustedIRIRef(b []byte, iri string) []byte {
	b = append(b, '<')
	b = append(b, iri...)
	return append(b, '>')
}

// iriForbidden marks the bytes that may not appear in an IRIREF.
var iriForbidden = func() (t [256]bool) {
	for c := 0; c <= ' '; c++ {
		t[c] = true
	}
	for _, c := range `<>"{}|^` + "`\\" {
		t[c] = true
	}
	return t
}()

// appendIRIRef appends <iri>, refusing what would not read back as the
// same absolute IRI.
func appendIRIRef(b []byte, iri string) ([]byte, error) {
	if err := checkIRI(iri); err != nil {
		return b, err
	}
	b = append(b, '<')
	b = append(b, iri...)
	return append(b, '>'), nil
}

func checkIRI(iri string) error {
	high := false
	for i := 0; i < len(iri); i++ {
		c := iri[i]
		if iriForbidden[c] {
			return fmt.Errorf("IRI %q holds %q, which no IRI may hold", iri, c)
		}
		high = high || c >= utf8.RuneSelf
	}
	if high && !utf8.ValidString(iri) {
		return fmt.Errorf("IRI %q is not valid UTF-8", iri)
	}
	if !hasScheme(iri) {
		return fmt.Errorf("IRI %q is not absolute", iri)
	}
	return nil
}

// hasScheme reports whether iri starts with a scheme and a colon.
func hasScheme(iri string) bool {
	for i := 0; i < len(iri); i++ {
		c := iri[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':':
			return i > 0
		default:
			return false
		}
	}
	return false
}

// appendBlank appends _:label; labels are limited to ASCII letters,
// digits, '_' and '-', a subset every syntax reads the same way.
func appendBlank(b []byte, label string) ([]byte, error) {
	if label == "" || label[0] == '-' {
		return b, fmt.Errorf("blank node label %q is not supported", label)
	}
	for i := 0; i < len(label); i++ {
		c := label[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return b, fmt.Errorf("blank node label %q is not supported", label)
		}
	}
	b = append(b, "_:"...)
	return append(b, label...), nil
}

// appendLiteralSuffix appends the language tag or the datatype of l;
// nothing for xsd:string. Datatypes are written prefixed when prefixes
// is not nil and has a prefix for them. A trusted literal, made by a
// Mapper, is not checked.
func appendLiteralSuffix(b []byte, l rdf.Literal, prefixes *prefixMap, trusted bool) ([]byte, error) {
	dt := l.DataType.String()
	switch {
	case l.Lang() != "":
		if _, ok := normalizeLang(l.Lang()); !trusted && !ok {
			return b, fmt.Errorf("language tag %q is not well-formed", l.Lang())
		}
		b = append(b, '@')
		return append(b, l.Lang()...), nil
	case dt == rdfLangString.String():
		return b, errors.New("rdf:langString literal without a language tag")
	case dt == "" || dt == xsdString.String():
		return b, nil
	}
	b = append(b, "^^"...)
	switch {
	case prefixes != nil:
		return prefixes.appendIRI(b, dt)
	case trusted:
		return appendTrustedIRIRef(b, dt), nil
	}
	return appendIRIRef(b, dt)
}

// literalEscape marks the bytes a quoted string escapes: the quote, the
// backslash and the controls. Everything else, UTF-8 included, is
// written as is.
var literalEscape = func() (t [256]bool) {
	for c := 0; c < ' '; c++ {
		t[c] = true
	}
	t['"'], t['\\'], t[0x7f] = true, true, true
	return t
}()

// appendNTString appends s as a "quoted" string with the escapes of
// N-Triples and Turtle (ECHAR and \u00XX for other controls). Invalid
// UTF-8 becomes U+FFFD.
func appendNTString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendEscaped(b, s, false)
	return append(b, '"')
}

// appendEscaped appends s escaped for a quoted string; in a long
// (triple-quoted) string, line feeds stay as they are.
func appendEscaped(b []byte, s string, long bool) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, s[start:i]...)
				b = append(b, "\uFFFD"...)
				start = i + 1
			}
			i += size - 1
			continue
		}
		if !literalEscape[c] || long && c == '\n' {
			continue
		}
		b = append(b, s[start:i]...)
		start = i + 1
		switch c {
		case '"':
			b = append(b, `\"`...)
		case '\\':
			b = append(b, `\\`...)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			b = append(b, '\\', 'u', '0', '0', upperHex[c>>4], upperHex[c&15])
		}
	}
	return append(b, s[start:]...)
}
