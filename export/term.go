package export

import (
	"bytes"
	"strings"

	"github.com/knakk/rdf"
)

// The mapping keeps its triples in a form of its own while it builds a
// subject, so that writing ten million triples allocates next to nothing:
// an IRI the mapping makes (a record, a hash node, a concept) is written
// into the emitter's byte arena and referred to by its span, a vocabulary
// term is a pointer to a vocabTerm made once, and a literal refers to the
// strings of the records. Only EachSubject, the public stream, turns them
// into knakk/rdf terms.

// vocabTerm is an IRI of a vocabulary: a predicate, a class or a
// datatype, with its serialised forms made once.
type vocabTerm struct {
	iri     string
	nt      string // <iri>
	ttl     string // prefix:local, or <iri>
	compact string // prefix:local for JSON-LD, or the IRI
	pred    rdf.Predicate
	obj     rdf.Object
	iriTerm rdf.IRI
}

func newVocabTerm(iri string) *vocabTerm {
	v := &vocabTerm{iri: iri, nt: "<" + iri + ">", iriTerm: mustIRI(iri)}
	v.pred, v.obj = v.iriTerm, v.iriTerm
	v.ttl, v.compact = "<"+iri+">", iri
	for _, p := range vocabPrefixes {
		if local, ok := strings.CutPrefix(iri, p.Namespace); ok && isSafeLocal(local) {
			v.ttl = p.Name + ":" + local
			v.compact = v.ttl
		}
	}
	return v
}

// objKind says what an otriple's object is.
type objKind uint8

const (
	oNone    objKind = iota // nothing: the triple is not written
	oVocab                  // a vocabulary IRI, v
	oIRI                    // an IRI in the arena, lo to hi
	oLiteral                // a literal: s, with datatype v (nil: xsd:string) or lang
)

// otriple is one triple of the subject being built; the subject is the
// node's.
type otriple struct {
	p      *vocabTerm
	kind   objKind
	v      *vocabTerm
	lo, hi int32
	s      string
	lang   string
}

// obj describes an object before the emitter writes it down: helpers
// return one and emitter.add turns it into an otriple.
type obj struct {
	kind objKind
	v    *vocabTerm
	// An IRI (oIRI) is pre, then s percent-encoded as an id when esc is
	// set (else as is), then "#" and frag when frag is set; or, when node
	// is set, the IRI of the emitter's node node-1.
	pre  string
	s    string
	esc  bool
	frag string
	node int
	lang string // literals
}

// Object constructors.

func vocabObj(v *vocabTerm) obj           { return obj{kind: oVocab, v: v} }
func iriObj(iri string) obj               { return obj{kind: oIRI, s: iri} }
func literal(s string, dt *vocabTerm) obj { return obj{kind: oLiteral, s: s, v: dt} }

// appendIRI appends the IRI o stands for.
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

// iriBytes returns the bytes of an IRI object of t.
func (e *emitter) iriBytes(t *otriple) []byte { return e.arena[t.lo:t.hi] }

// compareOTriples orders the triples of one subject as compareTriples
// orders knakk/rdf triples: rdf:type first, then by predicate IRI, then
// IRIs before literals, IRIs by their string, literals by lexical form,
// datatype and language.
func (e *emitter) compareOTriples(a, b *otriple) int {
	if a.p != b.p {
		switch {
		case a.p == pType:
			return -1
		case b.p == pType:
			return 1
		}
		if c := strings.Compare(a.p.iri, b.p.iri); c != 0 {
			return c
		}
	}
	al, bl := a.kind == oLiteral, b.kind == oLiteral
	switch {
	case al && bl:
		if c := strings.Compare(a.s, b.s); c != 0 {
			return c
		}
		if c := strings.Compare(datatypeIRI(a), datatypeIRI(b)); c != 0 {
			return c
		}
		return strings.Compare(a.lang, b.lang)
	case al:
		return 1
	case bl:
		return -1
	}
	switch {
	case a.kind == oVocab && b.kind == oVocab:
		return strings.Compare(a.v.iri, b.v.iri)
	case a.kind == oVocab:
		return -compareBytesString(e.iriBytes(b), a.v.iri)
	case b.kind == oVocab:
		return compareBytesString(e.iriBytes(a), b.v.iri)
	}
	return bytes.Compare(e.iriBytes(a), e.iriBytes(b))
}

// datatypeIRI returns a literal's datatype IRI: rdf:langString for a
// language-tagged string, xsd:string for a plain one.
func datatypeIRI(t *otriple) string {
	switch {
	case t.lang != "":
		return rdfLangString.String()
	case t.v == nil:
		return NSXSD + "string"
	}
	return t.v.iri
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

// rdfTriples converts the triples of one subject to knakk/rdf triples,
// into ts.
func (e *emitter) rdfTriples(subj rdf.Subject, ots []otriple, ts []rdf.Triple) ([]rdf.Triple, error) {
	ts = ts[:0]
	for i := range ots {
		t := &ots[i]
		var o rdf.Object
		switch t.kind {
		case oVocab:
			o = t.v.obj
		case oIRI:
			o = mustIRI(string(e.iriBytes(t)))
		case oLiteral:
			switch {
			case t.lang != "":
				l, err := langLiteral(t.s, t.lang)
				if err != nil {
					return ts, err
				}
				o = l
			case t.v == nil:
				o = rdf.NewTypedLiteral(t.s, xsdString)
			default:
				o = rdf.NewTypedLiteral(t.s, t.v.iriTerm)
			}
		}
		ts = append(ts, rdf.Triple{Subj: subj, Pred: t.p.pred, Obj: o})
	}
	return ts, nil
}
