package rdf

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/civicnet/civicnet/export/internal/rdfsyntax"
)

// The mapping keeps its triples in a form of its own while it builds a
// subject, so that writing ten million triples allocates next to nothing:
// an IRI the mapping makes (a record, a hash node, a concept) is written
// into the emitter's byte arena and referred to by its span, a vocabulary
// term is a pointer to a Term declared once, and a literal refers to the
// strings of the records.

// ObjectKind says what the object of a [Triple] is.
type ObjectKind uint8

// The kinds of object. The zero ObjectKind is no object: the mapping
// drops such a triple before anyone sees it.
const (
	objectNone    ObjectKind = iota
	ObjectTerm               // a vocabulary IRI: ObjectTerm()
	ObjectIRI                // an IRI the mapping made: ObjectIRI()
	ObjectLiteral            // a literal: Value(), Datatype() and Lang()
)

// Triple is one triple of a [Node]; its subject is the node. Triples are
// made only by a [Mapper], which makes only valid terms: absolute IRIs
// without characters an IRIREF cannot hold, valid UTF-8 literals,
// well-formed lower-case language tags, lexical forms valid for their
// datatype.
type Triple struct {
	pred   *Term
	kind   ObjectKind
	term   *Term // the object (ObjectTerm), or a literal's datatype (nil: xsd:string)
	lo, hi int32 // the object IRI in the arena while the node is built
	iri    []byte
	value  string
	lang   string
}

// Predicate returns the triple's predicate.
func (t *Triple) Predicate() *Term { return t.pred }

// Kind returns what the object is.
func (t *Triple) Kind() ObjectKind { return t.kind }

// ObjectTerm returns the object when it is a vocabulary IRI, else nil.
func (t *Triple) ObjectTerm() *Term {
	if t.kind != ObjectTerm {
		return nil
	}
	return t.term
}

// ObjectIRI returns the object when it is an IRI the mapping made (a
// record, a hash node, a concept, an identifier's IRI). The bytes belong
// to the Mapper and are valid until the callback that received the node
// returns.
func (t *Triple) ObjectIRI() []byte { return t.iri }

// Value returns a literal's lexical form.
func (t *Triple) Value() string { return t.value }

// Datatype returns a literal's datatype, or nil for xsd:string and for a
// language-tagged string.
func (t *Triple) Datatype() *Term {
	if t.kind != ObjectLiteral {
		return nil
	}
	return t.term
}

// Lang returns a literal's language tag, lower case, or "".
func (t *Triple) Lang() string { return t.lang }

// DatatypeIRI returns a literal's datatype IRI: rdf:langString for a
// language-tagged string, xsd:string for a plain one.
func (t *Triple) DatatypeIRI() string {
	switch {
	case t.lang != "":
		return RDF.LangString.iri
	case t.term == nil:
		return XSD.String.iri
	}
	return t.term.iri
}

// ObjectString returns the object IRI of an ObjectTerm or ObjectIRI
// triple, or a literal's lexical form; it allocates, so the writers use
// the other accessors.
func (t *Triple) ObjectString() string {
	switch t.kind {
	case ObjectTerm:
		return t.term.iri
	case ObjectIRI:
		return string(t.iri)
	}
	return t.value
}

// Node is one subject of the graph with its triples, as [Mapper.EachNode]
// and the encoders of [Mapper.Render] receive it: a record, a source, a
// concept, a concept scheme, or one of their hash nodes
// ({base}id/{id}#during …).
type Node struct {
	frag    string
	lo, hi  int32 // the IRI in the arena
	subject []byte
	ts      []Triple
}

// Subject returns the node's IRI. The bytes belong to the Mapper.
func (n *Node) Subject() []byte { return n.subject }

// Triples returns the node's triples, sorted: rdf:type first, then by
// predicate IRI, then by object (IRIs, then literals by lexical form,
// datatype and language), without duplicates. The slice belongs to the
// Mapper: it must not be modified or retained.
func (n *Node) Triples() []Triple { return n.ts }

// obj describes an object before the emitter writes it down: helpers
// return one and emitter.add turns it into a Triple.
type obj struct {
	kind ObjectKind
	v    *Term
	// An IRI (ObjectIRI) is pre, then s percent-encoded as an id when
	// esc is set (else as is), then "#" and frag when frag is set; or,
	// when node is set, the IRI of the emitter's node node-1.
	pre  string
	s    string
	esc  bool
	frag string
	node int
	lang string // literals
}

// Object constructors.

func termObj(v *Term) obj            { return obj{kind: ObjectTerm, v: v} }
func iriObj(iri string) obj          { return obj{kind: ObjectIRI, s: iri} }
func literal(s string, dt *Term) obj { return obj{kind: ObjectLiteral, s: s, v: dt} }

// appendObjIRI appends the IRI o stands for.
func (e *emitter) appendObjIRI(b []byte, o obj) []byte {
	if o.node > 0 {
		n := &e.nodes[o.node-1]
		return append(b, e.arena[n.lo:n.hi]...)
	}
	b = append(b, o.pre...)
	if o.esc {
		b = appendEscapedSegment(b, o.s)
	} else {
		b = append(b, o.s...)
	}
	if o.frag != "" {
		b = append(b, '#')
		b = append(b, o.frag...)
	}
	return b
}

// iriBytes returns the bytes of an IRI object of t while the node is
// built.
func (e *emitter) iriBytes(t *Triple) []byte { return e.arena[t.lo:t.hi] }

// compareTriples orders the triples of one subject: rdf:type first, then
// by predicate IRI, then IRIs before literals, IRIs by their string,
// literals by lexical form, datatype and language.
func (e *emitter) compareTriples(a, b *Triple) int {
	if a.pred != b.pred {
		switch {
		case a.pred == RDF.Type:
			return -1
		case b.pred == RDF.Type:
			return 1
		}
		if c := strings.Compare(a.pred.iri, b.pred.iri); c != 0 {
			return c
		}
	}
	al, bl := a.kind == ObjectLiteral, b.kind == ObjectLiteral
	switch {
	case al && bl:
		if c := strings.Compare(a.value, b.value); c != 0 {
			return c
		}
		if c := strings.Compare(a.DatatypeIRI(), b.DatatypeIRI()); c != 0 {
			return c
		}
		return strings.Compare(a.lang, b.lang)
	case al:
		return 1
	case bl:
		return -1
	}
	switch {
	case a.kind == ObjectTerm && b.kind == ObjectTerm:
		return strings.Compare(a.term.iri, b.term.iri)
	case a.kind == ObjectTerm:
		return -compareBytesString(e.iriBytes(b), a.term.iri)
	case b.kind == ObjectTerm:
		return compareBytesString(e.iriBytes(a), b.term.iri)
	}
	return bytes.Compare(e.iriBytes(a), e.iriBytes(b))
}

// compareBytesString compares without converting, which would allocate.
func compareBytesString(b []byte, s string) int {
	switch {
	case string(b) == s:
		return 0
	case string(b) < s:
		return -1
	}
	return 1
}

// NewNode makes a node of the given subject and predicate-object pairs
// (statements whose Subject is ignored), sorted as a Mapper sorts them,
// for encoders of nodes that no dataset holds: tests, and small graphs
// rendered through a Sink. It refuses what a Mapper never makes: a
// relative IRI, a blank node, a malformed language tag, a literal with
// both a language and a datatype.
func NewNode(subject string, statements ...Statement) (*Node, error) {
	if err := rdfsyntax.CheckIRI(subject); err != nil {
		return nil, fmt.Errorf("rdf: %w", err)
	}
	e := &emitter{}
	e.reset(iriObj(subject))
	for _, s := range statements {
		switch o := s.Object.(type) {
		case *Term:
			e.add(mainNode, s.Predicate, termObj(o))
		case IRI:
			if err := rdfsyntax.CheckIRI(string(o)); err != nil {
				return nil, fmt.Errorf("rdf: %w", err)
			}
			e.add(mainNode, s.Predicate, iriObj(string(o)))
		case Literal:
			lang := ""
			if o.Lang != "" {
				l, ok := normalizeLang(o.Lang)
				if !ok || o.Datatype != nil {
					return nil, fmt.Errorf("rdf: literal %q: language tag %q is not well-formed or has a datatype", o.Value, o.Lang)
				}
				lang = l
			}
			e.add(mainNode, s.Predicate, obj{kind: ObjectLiteral, s: validUTF8(o.Value), v: o.Datatype, lang: lang})
		default:
			return nil, fmt.Errorf("rdf: a node's object cannot be %T", s.Object)
		}
	}
	var out *Node
	err := e.flush(func(n *Node) error {
		out = n
		return nil
	})
	if out == nil {
		out = &Node{subject: []byte(subject)}
	}
	return out, err
}
