// Package rdfsyntax holds the byte-level pieces the RDF writers share:
// the string escapes of N-Triples, Turtle and JSON, the checks and escapes
// of IRIs, and the buffer every writer appends to. It knows no vocabulary
// and no record.
package rdfsyntax

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// UpperHex is the alphabet of percent-encoding and \u escapes.
const UpperHex = "0123456789ABCDEF"

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

// AppendNTString appends s as a "quoted" string with the escapes of
// N-Triples and Turtle (ECHAR and \u00XX for other controls). Invalid
// UTF-8 becomes U+FFFD.
func AppendNTString(b []byte, s string) []byte {
	b = append(b, '"')
	b = AppendEscaped(b, s, false)
	return append(b, '"')
}

// AppendEscaped appends s escaped for a quoted string; in a long
// (triple-quoted) string, line feeds stay as they are.
func AppendEscaped(b []byte, s string, long bool) []byte {
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
		b = appendControlEscape(b, c)
	}
	return append(b, s[start:]...)
}

// appendControlEscape appends the escape of a byte that literalEscape
// marks; JSON and N-Triples spell these the same way.
func appendControlEscape(b []byte, c byte) []byte {
	switch c {
	case '"':
		return append(b, `\"`...)
	case '\\':
		return append(b, `\\`...)
	case '\n':
		return append(b, `\n`...)
	case '\r':
		return append(b, `\r`...)
	case '\t':
		return append(b, `\t`...)
	}
	return append(b, '\\', 'u', '0', '0', UpperHex[c>>4], UpperHex[c&15])
}

// AppendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD, as encoding/json does.
func AppendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, s[start:i]...)
				b = append(b, `\ufffd`...)
				start = i + 1
			}
			i += size
			continue
		}
		if !literalEscape[c] {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		b = appendControlEscape(b, c)
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
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

// CheckIRI reports whether iri can be written as an IRIREF that reads
// back as the same absolute IRI.
func CheckIRI(iri string) error {
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
	if !HasScheme(iri) {
		return fmt.Errorf("IRI %q is not absolute", iri)
	}
	return nil
}

// HasScheme reports whether iri starts with a scheme and a colon.
func HasScheme(iri string) bool {
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

// AppendIRIRef appends <iri>, refusing what would not read back as the
// same absolute IRI.
func AppendIRIRef(b []byte, iri string) ([]byte, error) {
	if err := CheckIRI(iri); err != nil {
		return b, err
	}
	return AppendTrustedIRIRef(b, iri), nil
}

// AppendTrustedIRIRef appends <iri> without checking it.
func AppendTrustedIRIRef[T string | []byte](b []byte, iri T) []byte {
	b = append(b, '<')
	b = append(b, iri...)
	return append(b, '>')
}

// CheckBlank reports whether label can be written as _:label: labels
// are limited to ASCII letters, digits, '_' and '-', not starting with
// '-', a subset every syntax reads the same way.
func CheckBlank(label string) error {
	if label == "" || label[0] == '-' {
		return fmt.Errorf("blank node label %q is not supported", label)
	}
	for i := 0; i < len(label); i++ {
		c := label[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return fmt.Errorf("blank node label %q is not supported", label)
		}
	}
	return nil
}

// IsSafeLocal reports whether s can be written as the local part of a
// prefixed name without any escape and be read the same by every Turtle
// parser: ASCII letters, digits, '_', '-' and '.', not starting with '-'
// or '.', not ending with '.'. (Turtle allows more, with escapes; those
// names are written as full IRIs instead.)
func IsSafeLocal[T string | []byte](s T) bool {
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

// FlushSize is how much a Buffer holds before it writes to its
// io.Writer.
const FlushSize = 64 << 10

// Buffer is the byte buffer a writer appends to, flushed in chunks; it
// keeps the first write error, after which every call returns it.
type Buffer struct {
	W   io.Writer
	Buf []byte
	Err error
}

// MaybeFlush flushes when FlushSize bytes are buffered.
func (o *Buffer) MaybeFlush() error {
	if len(o.Buf) < FlushSize {
		return o.Err
	}
	return o.Flush()
}

// Write writes p after what is buffered.
func (o *Buffer) Write(p []byte) (int, error) {
	if o.Err != nil {
		return 0, o.Err
	}
	if len(o.Buf)+len(p) <= FlushSize {
		o.Buf = append(o.Buf, p...)
		return len(p), nil
	}
	if err := o.Flush(); err != nil {
		return 0, err
	}
	var n int
	n, o.Err = o.W.Write(p)
	return n, o.Err
}

// WriteChunk writes p after what is buffered, keeping only the error.
func (o *Buffer) WriteChunk(p []byte) error {
	_, err := o.Write(p)
	return err
}

// Flush writes what is buffered.
func (o *Buffer) Flush() error {
	if o.Err != nil {
		return o.Err
	}
	if len(o.Buf) > 0 {
		_, o.Err = o.W.Write(o.Buf)
		o.Buf = o.Buf[:0]
	}
	return o.Err
}
