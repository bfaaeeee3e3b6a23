// Package jsonld writes the graph of a record set as one JSON-LD 1.1
// document compacted against civicnet's context, which it embeds
// ([Context]) and a dump ships as context.jsonld.
//
//	w := jsonld.NewWriter(f)
//	if err := w.Write(ds); err != nil { … }
//	if err := w.Close(); err != nil { … } // ends the document
package jsonld

import (
	_ "embed"
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/civicnet/civicnet/export/internal/rdfsyntax"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
)

//go:embed context.jsonld
var contextJSON []byte

// ContextFile is the name of the JSON-LD context in a dump, which the
// document refers to.
const ContextFile = "context.jsonld"

// Context returns the JSON-LD context that documents are compacted
// against (the file context.jsonld of a dump). The slice is a copy.
func Context() []byte { return slices.Clone(contextJSON) }

// Writer writes the RDF of datasets as one JSON-LD 1.1 document
// compacted against [Context]:
//
//	{"@context": "context.jsonld", "@graph": [ {node}, … ]}
//
// with one node object a subject, in the order of the mapping. Every
// property has a term; IRIs are coerced with "@type": "@id", typed
// literals through their term's datatype, and names are language maps
// ("@none" holds a string without a language), so that the document's
// RDF is exactly the graph the N-Triples writer writes. A value a term
// cannot express is written as an explicit value object.
//
// The context is referenced, not embedded: a processor reading the
// document needs context.jsonld beside it (a dump has it), or a document
// loader that serves [Context]. Writer is an [rdf.Sink].
//
// Close must be called after the last Write: it ends the document.
type Writer struct {
	out     rdfsyntax.Buffer
	started bool
	nodes   bool // a node has been written
	first   string
}

// NewWriter returns a writer of JSON-LD to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{out: rdfsyntax.Buffer{W: w}}
}

// Write writes the nodes of ds into the document's @graph.
func (w *Writer) Write(ds *model.Dataset) error {
	if w.out.Err != nil {
		return w.out.Err
	}
	_, err := rdf.Write(ds, w)
	return err
}

// Close ends the document and flushes it. It does not close the
// underlying io.Writer.
func (w *Writer) Close() error {
	if w.out.Err != nil {
		return w.out.Err
	}
	w.start()
	if w.nodes {
		w.out.Buf = append(w.out.Buf, "\n  "...)
	}
	w.out.Buf = append(w.out.Buf, "]\n}\n"...)
	return w.out.Flush()
}

func (w *Writer) start() {
	if !w.started {
		w.started = true
		w.out.Buf = append(w.out.Buf, "{\n  \"@context\": \""+ContextFile+"\",\n  \"@graph\": ["...)
	}
}

// Begin implements [rdf.Sink]: it starts the document, once. Nodes are
// separated by commas: every node but the document's first starts with
// one, the first being the subject that sorts first in the first
// dataset written.
func (w *Writer) Begin(m *rdf.Mapper) error {
	w.start()
	w.first = ""
	if !w.nodes {
		w.first = m.FirstSubject()
	}
	w.nodes = w.nodes || w.first != ""
	return w.out.MaybeFlush()
}

// NewEncoder implements [rdf.Sink].
func (w *Writer) NewEncoder(*rdf.Mapper) rdf.Encoder { return &Encoder{first: w.first} }

// Flush writes what is buffered, without ending the document.
func (w *Writer) Flush() error { return w.out.Flush() }

// WriteChunk implements [rdf.Sink].
func (w *Writer) WriteChunk(p []byte) error {
	if len(p) > 0 {
		w.nodes = true
	}
	_, err := w.out.Write(p)
	return err
}

// End implements [rdf.Sink].
func (w *Writer) End(*rdf.Mapper) error { return w.out.Err }

// Encoder renders node objects; each goroutine of a render has its own.
type Encoder struct {
	first string // the subject written without a comma before it
	keys  []jsonKey
	langs []langEntry
}

// jsonKey is one key of a node object: the triples of one predicate.
type jsonKey struct {
	key  string
	term *termDef // nil when the key is the predicate's IRI
	ts   []rdf.Triple
}

type langEntry struct{ lang, value string }

// AppendNode appends the node object of n. The IRIs come from a Mapper:
// absolute http(s) IRIs without characters JSON would escape, which
// JSON-LD reads back as they are.
func (j *Encoder) AppendNode(b []byte, n *rdf.Node) ([]byte, error) {
	id := n.Subject()
	if string(id) != j.first {
		b = append(b, ',')
	}
	b = append(b, "\n    {\n      \"id\": "...)
	b = appendJSONIRI(b, id)
	// Group the triples by predicate (they are sorted), name each group's
	// key, and write the keys in order, "type" first.
	ts := n.Triples()
	j.keys = j.keys[:0]
	for i := 0; i < len(ts); {
		k := i + 1
		for k < len(ts) && ts[k].Predicate() == ts[i].Predicate() {
			k++
		}
		j.keys = append(j.keys, keyFor(ts[i:k]))
		i = k
	}
	slices.SortFunc(j.keys, func(a, b jsonKey) int {
		if a.key == "type" || b.key == "type" {
			return boolRank(b.key == "type") - boolRank(a.key == "type")
		}
		return strings.Compare(a.key, b.key)
	})
	for _, k := range j.keys {
		b = append(b, ",\n      "...)
		b = rdfsyntax.AppendJSONString(b, k.key)
		b = append(b, ": "...)
		if k.term != nil && k.term.container == "@language" {
			b = j.appendLanguageMap(b, k.ts)
			continue
		}
		// A term whose property takes several values (a @set container)
		// is always an array, so that a consumer need not test for one.
		array := len(k.ts) > 1 || k.term != nil && k.term.container == "@set"
		if array {
			b = append(b, '[')
		}
		for i := range k.ts {
			if i > 0 {
				b = append(b, ", "...)
			}
			if k.key == "type" {
				b = rdfsyntax.AppendJSONString(b, compact[k.ts[i].ObjectTerm().Index()])
				continue
			}
			b = appendValue(b, k.term, &k.ts[i])
		}
		if array {
			b = append(b, ']')
		}
	}
	return append(b, "\n    }"...), nil
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// keyFor names the key for ts, which share a predicate: the predicate's
// term when every value fits it, else the predicate's IRI (whose values
// are then all explicit).
func keyFor(ts []rdf.Triple) jsonKey {
	p := ts[0].Predicate()
	if p == rdf.RDF.Type {
		for i := range ts {
			if ts[i].Kind() != rdf.ObjectTerm {
				return jsonKey{key: p.IRI(), ts: ts}
			}
		}
		return jsonKey{key: "type", ts: ts}
	}
	t := defs[p.Index()]
	if t == nil {
		return jsonKey{key: p.IRI(), ts: ts}
	}
	if t.container == "@language" {
		for i := range ts {
			if ts[i].Kind() != rdf.ObjectLiteral || ts[i].Datatype() != nil {
				return jsonKey{key: p.IRI(), ts: ts}
			}
		}
	}
	return jsonKey{key: t.name, term: t, ts: ts}
}

// appendLanguageMap writes {"@none": …, "en": …, "it": …}: strings by
// language, "@none" for those without one (keys sorted; values are
// sorted by lexical form within a language already).
func (j *Encoder) appendLanguageMap(b []byte, ts []rdf.Triple) []byte {
	j.langs = j.langs[:0]
	for i := range ts {
		lang := ts[i].Lang()
		if lang == "" {
			lang = "@none"
		}
		j.langs = append(j.langs, langEntry{lang, ts[i].Value()})
	}
	entries := j.langs
	slices.SortStableFunc(entries, func(a, b langEntry) int { return strings.Compare(a.lang, b.lang) })
	b = append(b, '{')
	for i := 0; i < len(entries); {
		k := i + 1
		for k < len(entries) && entries[k].lang == entries[i].lang {
			k++
		}
		if i > 0 {
			b = append(b, ", "...)
		}
		b = rdfsyntax.AppendJSONString(b, entries[i].lang)
		b = append(b, ": "...)
		if k-i > 1 {
			b = append(b, '[')
		}
		for x, en := range entries[i:k] {
			if x > 0 {
				b = append(b, ", "...)
			}
			b = rdfsyntax.AppendJSONString(b, en.value)
		}
		if k-i > 1 {
			b = append(b, ']')
		}
		i = k
	}
	return append(b, '}')
}

// appendValue writes one value under a key with term definition t (nil
// for a key that is an IRI): in the short form the term's coercion reads
// back exactly, else as an explicit node reference or value object.
func appendValue(b []byte, t *termDef, o *rdf.Triple) []byte {
	if o.Kind() != rdf.ObjectLiteral {
		coerced := t != nil && t.typ == "@id"
		if !coerced {
			b = append(b, `{"@id": `...)
		}
		if o.Kind() == rdf.ObjectTerm {
			b = rdfsyntax.AppendJSONString(b, o.ObjectTerm().IRI())
		} else {
			b = appendJSONIRI(b, o.ObjectIRI())
		}
		if !coerced {
			b = append(b, '}')
		}
		return b
	}
	v, lang := o.Value(), o.Lang()
	dt := ""
	if o.Datatype() != nil {
		dt = o.Datatype().IRI()
	}
	if o.Datatype() == rdf.XSD.Integer && isJSONInteger(v) && (t == nil || t.typ == "" || t.typ == rdf.XSD.Integer.IRI()) {
		// A JSON number reads back as the same xsd:integer; a decimal
		// would read back as an xsd:double, so it stays a value object.
		return append(b, v...)
	}
	switch {
	case lang != "":
		b = append(b, `{"@value": `...)
		b = rdfsyntax.AppendJSONString(b, v)
		b = append(b, `, "@language": `...)
		b = rdfsyntax.AppendJSONString(b, lang)
		return append(b, '}')
	case t != nil && t.typ != "" && t.typ != "@id":
		if dt == t.typ {
			return rdfsyntax.AppendJSONString(b, v)
		}
	case t != nil && t.typ == "@id":
		// An @id term would read a string as an IRI: be explicit.
	case dt == "":
		return rdfsyntax.AppendJSONString(b, v)
	case o.Datatype() == rdf.XSD.Boolean && (v == "true" || v == "false"):
		return append(b, v...)
	}
	b = append(b, `{"@value": `...)
	b = rdfsyntax.AppendJSONString(b, v)
	if dt != "" {
		b = append(b, `, "@type": `...)
		b = rdfsyntax.AppendJSONString(b, compact[o.Datatype().Index()])
	}
	return append(b, '}')
}

// isJSONInteger reports whether v is a canonical integer that every
// JSON-LD processor reads back exactly: no sign but "-", no leading
// zero, and at most 15 digits (JavaScript numbers are exact below 2^53).
func isJSONInteger(v string) bool {
	d := strings.TrimPrefix(v, "-")
	if d == "" || len(d) > 15 || d[0] == '0' && d != "0" || v == "-0" {
		return false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}

// appendJSONIRI writes an IRI made by the Mapper as a JSON string: it
// holds no character JSON escapes.
func appendJSONIRI(b []byte, iri []byte) []byte {
	b = append(b, '"')
	b = append(b, iri...)
	return append(b, '"')
}

// termDef is one term definition of the context.
type termDef struct {
	name      string
	iri       string
	typ       string // "@id", a datatype IRI, or ""
	container string // "@language" or ""
}

// The context read once: the writer picks its terms from the same file
// it ships, so the two cannot disagree. defs holds the definition of
// each vocabulary term by [rdf.Term.Index]; compact each term as a
// compact IRI (prefix:local) or, for a term outside the context's
// prefixes, its IRI.
var defs, compact = parseContext(contextJSON)

func parseContext(data []byte) ([]*termDef, []string) {
	var doc struct {
		Context map[string]json.RawMessage `json:"@context"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		panic("jsonld: context.jsonld: " + err.Error())
	}
	ns := map[string]string{}
	prefixOf := map[string]string{}
	raw := map[string]map[string]string{}
	for name, v := range doc.Context {
		var s string
		if json.Unmarshal(v, &s) == nil {
			if strings.HasSuffix(s, "/") || strings.HasSuffix(s, "#") {
				ns[name] = s
				prefixOf[s] = name
			}
			continue
		}
		var def map[string]string
		if json.Unmarshal(v, &def) == nil {
			raw[name] = def
		}
	}
	expand := func(s string) string {
		if p, local, ok := strings.Cut(s, ":"); ok {
			if n, ok := ns[p]; ok {
				return n + local
			}
		}
		return s
	}
	byIRI := map[string]*termDef{}
	for name, def := range raw {
		t := &termDef{name: name, iri: expand(def["@id"]), container: def["@container"]}
		if typ := def["@type"]; typ != "" {
			t.typ = typ
			if typ != "@id" {
				t.typ = expand(typ)
			}
		}
		if prev := byIRI[t.iri]; prev != nil {
			panic("jsonld: context.jsonld defines " + t.iri + " twice: " + prev.name + " and " + name)
		}
		byIRI[t.iri] = t
	}
	terms := rdf.Terms()
	ds := make([]*termDef, len(terms))
	cs := make([]string, len(terms))
	for i, t := range terms {
		ds[i] = byIRI[t.IRI()]
		cs[i] = t.IRI()
		if _, ok := ns[t.Prefix()]; ok && rdfsyntax.IsSafeLocal(t.Local()) {
			cs[i] = t.String()
		}
	}
	return ds, cs
}
