package export

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"

	"github.com/civicnet/civicnet/model"
)

//go:embed context.jsonld
var contextJSON []byte

// ContextFile is the name of the JSON-LD context in a dump, which
// dataset.jsonld refers to.
const ContextFile = "context.jsonld"

// Context returns the JSON-LD context that dataset.jsonld is compacted
// against (the file context.jsonld of a dump). The slice is a copy.
func Context() []byte { return slices.Clone(contextJSON) }

// JSONLDWriter writes the RDF of datasets as one JSON-LD 1.1 document
// compacted against [Context]:
//
//	{"@context": "context.jsonld", "@graph": [ {node}, … ]}
//
// with one node object a subject, in the order of [Mapper.EachSubject].
// Every property has a term; IRIs are coerced with "@type": "@id", typed
// literals through their term's datatype, and names are language maps
// ("@none" holds a string without a language), so that the document's RDF
// is exactly the graph the N-Triples writer writes. A value a term cannot
// express is written as an explicit value object.
//
// The context is referenced, not embedded: a processor reading the
// document needs context.jsonld beside it (a dump has it), or a document
// loader that serves [Context].
//
// Close must be called after the last Write: it ends the document.
type JSONLDWriter struct {
	out     outBuffer
	started bool
	nodes   bool // a node has been written
}

// NewJSONLDWriter returns a writer of JSON-LD to w.
func NewJSONLDWriter(w io.Writer) *JSONLDWriter {
	return &JSONLDWriter{out: outBuffer{w: w}}
}

// Write writes the nodes of ds into the document's @graph.
func (w *JSONLDWriter) Write(ds *model.Dataset) error {
	if w.out.err != nil {
		return w.out.err
	}
	m, err := NewMapper(ds)
	if err != nil {
		return err
	}
	w.start()
	// Nodes are separated by commas: every node but the document's first
	// starts with one. The first is the subject that sorts first.
	first := ""
	if !w.nodes {
		first = m.firstSubject()
	}
	err = m.render(func() []renderFunc {
		n := &jsonldNodes{first: first}
		return []renderFunc{n.appendNode}
	}, []*outBuffer{&w.out})
	w.nodes = w.nodes || len(m.units) > 0
	if err != nil {
		return err
	}
	return w.out.err
}

// Close ends the document and flushes it. It does not close the
// underlying io.Writer.
func (w *JSONLDWriter) Close() error {
	if w.out.err != nil {
		return w.out.err
	}
	w.start()
	w.out.buf = appendJSONLDFooter(w.out.buf, w.nodes)
	return w.out.flush()
}

func (w *JSONLDWriter) start() {
	if !w.started {
		w.started = true
		w.out.buf = appendJSONLDHeader(w.out.buf)
	}
}

func appendJSONLDHeader(b []byte) []byte {
	return append(b, "{\n  \"@context\": \""+ContextFile+"\",\n  \"@graph\": ["...)
}

func appendJSONLDFooter(b []byte, nodes bool) []byte {
	if nodes {
		b = append(b, "\n  "...)
	}
	return append(b, "]\n}\n"...)
}

// jsonKey is one key of a node object: the triples of one predicate.
type jsonKey struct {
	key  string
	term *jsonldTerm // nil when the key is the predicate's IRI
	ts   []rdf.Triple
}

// jsonldNodes renders node objects; each goroutine of a render has its
// own.
type jsonldNodes struct {
	first string // the subject written without a comma before it
	keys  []jsonKey
}

func (n *jsonldNodes) appendNode(b []byte, s rdf.Subject, ts []rdf.Triple) ([]byte, error) {
	id, err := jsonldID(s)
	if err != nil {
		return b, err
	}
	if id != n.first {
		b = append(b, ',')
	}
	b = append(b, "\n    {\n      \"id\": "...)
	b = appendJSONString(b, id)
	// Group the triples by predicate (they are sorted), name each group's
	// key, and write the keys in order, "type" first.
	n.keys = n.keys[:0]
	for i := 0; i < len(ts); {
		j := i + 1
		for j < len(ts) && ts[j].Pred.String() == ts[i].Pred.String() {
			j++
		}
		n.keys = append(n.keys, keyFor(ts[i:j]))
		i = j
	}
	slices.SortFunc(n.keys, func(a, b jsonKey) int {
		if a.key == "type" || b.key == "type" {
			return boolRank(b.key == "type") - boolRank(a.key == "type")
		}
		return strings.Compare(a.key, b.key)
	})
	for _, k := range n.keys {
		b = append(b, ",\n      "...)
		b = appendJSONString(b, k.key)
		b = append(b, ": "...)
		if b, err = appendJSONValues(b, k); err != nil {
			return b, err
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
	p := ts[0].Pred.String()
	if p == rdfTypeIRI {
		if allIRIs(ts) {
			return jsonKey{key: "type", ts: ts}
		}
		return jsonKey{key: p, ts: ts}
	}
	t := jsonldTerms.byIRI[p]
	if t != nil && t.container == "@language" {
		for _, tr := range ts {
			l, ok := tr.Obj.(rdf.Literal)
			if !ok || !isStringLiteral(l) {
				return jsonKey{key: p, ts: ts}
			}
		}
	}
	if t == nil {
		return jsonKey{key: p, ts: ts}
	}
	return jsonKey{key: t.name, term: t, ts: ts}
}

func allIRIs(ts []rdf.Triple) bool {
	for _, t := range ts {
		if _, ok := t.Obj.(rdf.IRI); !ok {
			return false
		}
	}
	return true
}

func isStringLiteral(l rdf.Literal) bool {
	dt := l.DataType.String()
	return l.Lang() != "" || dt == "" || dt == NSXSD+"string"
}

// appendJSONValues writes the value of one key: a single value, or an
// array of them, or a language map.
func appendJSONValues(b []byte, k jsonKey) ([]byte, error) {
	if k.term != nil && k.term.container == "@language" {
		return appendLanguageMap(b, k.ts)
	}
	if len(k.ts) > 1 {
		b = append(b, '[')
	}
	var err error
	for i, t := range k.ts {
		if i > 0 {
			b = append(b, ", "...)
		}
		switch {
		case k.key == "type":
			if err = checkJSONLDIRI(t.Obj.String()); err == nil {
				b = appendJSONString(b, compactIRI(t.Obj.String()))
			}
		default:
			b, err = appendJSONValue(b, k.term, t.Obj)
		}
		if err != nil {
			return b, err
		}
	}
	if len(k.ts) > 1 {
		b = append(b, ']')
	}
	return b, nil
}

// appendLanguageMap writes {"@none": …, "en": …, "it": …}: strings by
// language, "@none" for those without one (keys sorted; objects are
// sorted by lexical form within a language already).
func appendLanguageMap(b []byte, ts []rdf.Triple) ([]byte, error) {
	type entry struct{ lang, value string }
	entries := make([]entry, 0, len(ts))
	for _, t := range ts {
		l := t.Obj.(rdf.Literal)
		lang := l.Lang()
		if lang == "" {
			lang = "@none"
		}
		entries = append(entries, entry{lang, l.String()})
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return strings.Compare(a.lang, b.lang) })
	b = append(b, '{')
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].lang == entries[i].lang {
			j++
		}
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendJSONString(b, entries[i].lang)
		b = append(b, ": "...)
		if j-i > 1 {
			b = append(b, '[')
		}
		for k, e := range entries[i:j] {
			if k > 0 {
				b = append(b, ", "...)
			}
			b = appendJSONString(b, e.value)
		}
		if j-i > 1 {
			b = append(b, ']')
		}
		i = j
	}
	return append(b, '}'), nil
}

// appendJSONValue writes one value under a key with term definition t
// (nil for a key that is an IRI): in the short form the term's coercion
// reads back exactly, else as an explicit node reference or value object.
func appendJSONValue(b []byte, t *jsonldTerm, o rdf.Object) ([]byte, error) {
	switch o := o.(type) {
	case rdf.IRI, rdf.Blank:
		id, err := jsonldID(o)
		if err != nil {
			return b, err
		}
		if t != nil && t.typ == "@id" {
			return appendJSONString(b, id), nil
		}
		b = append(b, `{"@id": `...)
		b = appendJSONString(b, id)
		return append(b, '}'), nil
	case rdf.Literal:
		v, dt, lang := o.String(), o.DataType.String(), o.Lang()
		switch {
		case lang != "":
			b = append(b, `{"@value": `...)
			b = appendJSONString(b, v)
			b = append(b, `, "@language": `...)
			b = appendJSONString(b, lang)
			return append(b, '}'), nil
		case t != nil && t.typ != "" && t.typ != "@id":
			if dt == t.typ {
				return appendJSONString(b, v), nil
			}
		case t != nil && t.typ == "@id":
			// An @id term would read a string as an IRI: be explicit.
		case dt == "" || dt == NSXSD+"string":
			return appendJSONString(b, v), nil
		case dt == NSXSD+"boolean" && (v == "true" || v == "false"):
			return append(b, v...), nil
		}
		b = append(b, `{"@value": `...)
		b = appendJSONString(b, v)
		if dt != "" && dt != NSXSD+"string" {
			if err := checkJSONLDIRI(dt); err != nil {
				return b, err
			}
			b = append(b, `, "@type": `...)
			b = appendJSONString(b, compactIRI(dt))
		}
		return append(b, '}'), nil
	}
	return b, fmt.Errorf("unsupported RDF term %T", o)
}

// jsonldID returns the JSON-LD form of a node: its IRI, or _:label.
func jsonldID(t rdf.Term) (string, error) {
	switch t := t.(type) {
	case rdf.IRI:
		return t.String(), checkJSONLDIRI(t.String())
	case rdf.Blank:
		if _, err := appendBlank(nil, t.String()); err != nil {
			return "", err
		}
		return "_:" + t.String(), nil
	}
	return "", fmt.Errorf("unsupported RDF term %T as a node", t)
}

// checkJSONLDIRI refuses an IRI that JSON-LD would not read back as
// itself: one that is not absolute, or whose scheme is a term or prefix
// of the context (it would be read as a compact IRI).
func checkJSONLDIRI(iri string) error {
	if err := checkIRI(iri); err != nil {
		return err
	}
	scheme, rest, _ := strings.Cut(iri, ":")
	if jsonldTerms.names[scheme] && !strings.HasPrefix(rest, "//") {
		return fmt.Errorf("IRI %q would read as a compact IRI in JSON-LD", iri)
	}
	return nil
}

// compactIRI returns prefix:local for an IRI in the namespace of a
// prefix of the context, when local is a plain name; else the IRI.
func compactIRI(iri string) string {
	i := len(iri) - 1
	for i >= 0 && iri[i] != '/' && iri[i] != '#' {
		i--
	}
	if i >= 0 && isSafeLocal(iri[i+1:]) {
		if name, ok := jsonldTerms.prefixes[iri[:i+1]]; ok {
			return name + ":" + iri[i+1:]
		}
	}
	return iri
}

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD, as encoding/json does.
func appendJSONString(b []byte, s string) []byte {
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
		if c >= ' ' && c != '"' && c != '\\' && c != 0x7f {
			i++
			continue
		}
		b = append(b, s[start:i]...)
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
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonldTerm is one term definition of the context.
type jsonldTerm struct {
	name      string
	iri       string
	typ       string // "@id", a datatype IRI, or ""
	container string // "@language" or ""
}

// jsonldTerms is the context read once: the writer picks its terms from
// the same file it ships, so the two cannot disagree.
var jsonldTerms = parseContext(contextJSON)

type contextTerms struct {
	byIRI    map[string]*jsonldTerm
	prefixes map[string]string // namespace → prefix name
	names    map[string]bool   // every key the context defines
}

func parseContext(data []byte) contextTerms {
	var doc struct {
		Context map[string]json.RawMessage `json:"@context"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		panic("export: context.jsonld: " + err.Error())
	}
	ct := contextTerms{byIRI: map[string]*jsonldTerm{}, prefixes: map[string]string{}, names: map[string]bool{}}
	ns := map[string]string{}
	defs := map[string]map[string]string{}
	for name, raw := range doc.Context {
		ct.names[name] = true
		var s string
		if json.Unmarshal(raw, &s) == nil {
			if strings.HasSuffix(s, "/") || strings.HasSuffix(s, "#") {
				ns[name] = s
				ct.prefixes[s] = name
			}
			continue
		}
		var def map[string]string
		if json.Unmarshal(raw, &def) == nil {
			defs[name] = def
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
	for name, def := range defs {
		t := &jsonldTerm{name: name, iri: expand(def["@id"]), container: def["@container"]}
		if typ := def["@type"]; typ != "" {
			t.typ = typ
			if typ != "@id" {
				t.typ = expand(typ)
			}
		}
		if prev := ct.byIRI[t.iri]; prev != nil {
			panic("export: context.jsonld defines " + t.iri + " twice: " + prev.name + " and " + name)
		}
		ct.byIRI[t.iri] = t
	}
	return ct
}
