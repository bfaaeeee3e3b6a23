package export

import (
	_ "embed"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

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
	ts   []otriple
}

// jsonldNodes renders node objects; each goroutine of a render has its
// own.
type jsonldNodes struct {
	first string // the subject written without a comma before it
	keys  []jsonKey
	langs []langEntry
}

type langEntry struct{ lang, value string }

// appendNode appends the node object of the subject n that e built. The
// IRIs come from a Mapper: absolute http(s) IRIs without characters JSON
// would escape, which JSON-LD reads back as they are.
func (j *jsonldNodes) appendNode(b []byte, e *emitter, n *node) ([]byte, error) {
	id := e.subject(n)
	if string(id) != j.first {
		b = append(b, ',')
	}
	b = append(b, "\n    {\n      \"id\": "...)
	b = appendJSONIRI(b, id)
	// Group the triples by predicate (they are sorted), name each group's
	// key, and write the keys in order, "type" first.
	j.keys = j.keys[:0]
	for i := 0; i < len(n.ts); {
		k := i + 1
		for k < len(n.ts) && n.ts[k].p.iri == n.ts[i].p.iri {
			k++
		}
		j.keys = append(j.keys, keyFor(n.ts[i:k]))
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
		b = appendJSONString(b, k.key)
		b = append(b, ": "...)
		if k.term != nil && k.term.container == "@language" {
			b = j.appendLanguageMap(b, k.ts)
			continue
		}
		if len(k.ts) > 1 {
			b = append(b, '[')
		}
		for i := range k.ts {
			if i > 0 {
				b = append(b, ", "...)
			}
			if k.key == "type" {
				b = appendJSONString(b, k.ts[i].v.compact)
				continue
			}
			b = appendJSONValue(b, e, k.term, &k.ts[i])
		}
		if len(k.ts) > 1 {
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
func keyFor(ts []otriple) jsonKey {
	p := ts[0].p.iri
	if p == rdfTypeIRI {
		for i := range ts {
			if ts[i].kind != oVocab {
				return jsonKey{key: p, ts: ts}
			}
		}
		return jsonKey{key: "type", ts: ts}
	}
	t := jsonldTerms.byIRI[p]
	if t == nil {
		return jsonKey{key: p, ts: ts}
	}
	if t.container == "@language" {
		for i := range ts {
			if ts[i].kind != oLiteral || ts[i].v != nil {
				return jsonKey{key: p, ts: ts}
			}
		}
	}
	return jsonKey{key: t.name, term: t, ts: ts}
}

// appendLanguageMap writes {"@none": …, "en": …, "it": …}: strings by
// language, "@none" for those without one (keys sorted; values are
// sorted by lexical form within a language already).
func (j *jsonldNodes) appendLanguageMap(b []byte, ts []otriple) []byte {
	j.langs = j.langs[:0]
	for i := range ts {
		lang := ts[i].lang
		if lang == "" {
			lang = "@none"
		}
		j.langs = append(j.langs, langEntry{lang, ts[i].s})
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
		b = appendJSONString(b, entries[i].lang)
		b = append(b, ": "...)
		if k-i > 1 {
			b = append(b, '[')
		}
		for x, en := range entries[i:k] {
			if x > 0 {
				b = append(b, ", "...)
			}
			b = appendJSONString(b, en.value)
		}
		if k-i > 1 {
			b = append(b, ']')
		}
		i = k
	}
	return append(b, '}')
}

// appendJSONValue writes one value under a key with term definition t
// (nil for a key that is an IRI): in the short form the term's coercion
// reads back exactly, else as an explicit node reference or value object.
func appendJSONValue(b []byte, e *emitter, t *jsonldTerm, o *otriple) []byte {
	if o.kind != oLiteral {
		coerced := t != nil && t.typ == "@id"
		if !coerced {
			b = append(b, `{"@id": `...)
		}
		if o.kind == oVocab {
			b = appendJSONString(b, o.v.iri)
		} else {
			b = appendJSONIRI(b, e.iriBytes(o))
		}
		if !coerced {
			b = append(b, '}')
		}
		return b
	}
	v, lang := o.s, o.lang
	dt := ""
	if o.v != nil {
		dt = o.v.iri
	}
	switch {
	case lang != "":
		b = append(b, `{"@value": `...)
		b = appendJSONString(b, v)
		b = append(b, `, "@language": `...)
		b = appendJSONString(b, lang)
		return append(b, '}')
	case t != nil && t.typ != "" && t.typ != "@id":
		if dt == t.typ {
			return appendJSONString(b, v)
		}
	case t != nil && t.typ == "@id":
		// An @id term would read a string as an IRI: be explicit.
	case dt == "":
		return appendJSONString(b, v)
	case dt == NSXSD+"boolean" && (v == "true" || v == "false"):
		return append(b, v...)
	}
	b = append(b, `{"@value": `...)
	b = appendJSONString(b, v)
	if dt != "" {
		b = append(b, `, "@type": `...)
		b = appendJSONString(b, o.v.compact)
	}
	return append(b, '}')
}

// appendJSONIRI writes an IRI made by the Mapper as a JSON string: it
// holds no character JSON escapes.
func appendJSONIRI(b []byte, iri []byte) []byte {
	b = append(b, '"')
	b = append(b, iri...)
	return append(b, '"')
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
