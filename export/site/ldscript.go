package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/civicnet/civicnet/export/jsonld"
)

// contextSubset makes the inline context of a page's JSON-LD block: a
// page is read alone (a search engine fetches no context.jsonld), so
// its block carries the prefixes and the definitions of the terms its
// nodes use, copied from the one context the writer compacts against —
// about a kilobyte instead of the whole context in every page.
type contextSubset struct {
	always []string          // @version, id, type and the prefixes, sorted
	defs   map[string][]byte // every entry of the context, compacted
}

func newContextSubset() (*contextSubset, error) {
	var doc struct {
		Context map[string]json.RawMessage `json:"@context"`
	}
	if err := json.Unmarshal(jsonld.Context(), &doc); err != nil {
		return nil, fmt.Errorf("site: the JSON-LD context: %w", err)
	}
	c := &contextSubset{defs: map[string][]byte{}}
	for k, v := range doc.Context {
		// Marshal compacts a definition and escapes <, > and & in it.
		def, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("site: the JSON-LD context: %w", err)
		}
		c.defs[k] = def
		var s string
		if strings.HasPrefix(k, "@") || json.Unmarshal(v, &s) == nil {
			c.always = append(c.always, k)
		}
	}
	slices.Sort(c.always)
	return c, nil
}

// keyMark starts each key of a node object as the JSON-LD encoder
// indents them; deeper objects are indented further, and a string
// holds no raw newline.
var keyMark = []byte("\n      \"")

// script returns the JSON-LD block of a document: its node objects,
// compacted, under an inline context, with <, >, & and the line
// separators escaped so that the block cannot end the script element
// (the escapes are JSON's own, so the JSON reads the same). The bytes
// are those of json.Marshal of the context as a map and the graph.
func (c *contextSubset) script(nodes []byte) (template.JS, error) {
	var used []string
	for rest := nodes; ; {
		i := bytes.Index(rest, keyMark)
		if i < 0 {
			break
		}
		rest = rest[i+len(keyMark):]
		j := bytes.IndexByte(rest, '"')
		if j < 0 {
			break
		}
		if _, ok := c.defs[string(rest[:j])]; ok && !strings.HasPrefix(string(rest[:j]), "@") {
			used = append(used, string(rest[:j]))
		}
		rest = rest[j:]
	}
	keys := append(used, c.always...)
	slices.Sort(keys)
	keys = slices.Compact(keys)

	var b bytes.Buffer
	b.Grow(len(nodes) + 1024)
	b.WriteString(`{"@context":{`)
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(k)
		b.WriteString(`":`)
		b.Write(c.defs[k])
	}
	b.WriteString(`},"@graph":`)
	graph := append(append([]byte("["), bytes.TrimPrefix(nodes, []byte(","))...), ']')
	if err := json.Compact(&b, graph); err != nil {
		return "", fmt.Errorf("site: a document's JSON-LD: %w", err)
	}
	b.WriteString("}")
	return template.JS(escapeScript(b.Bytes())), nil
}

// escapeScript writes <, >, &, U+2028 and U+2029 as JSON escapes, as
// json.Marshal does; in JSON they occur only inside strings.
func escapeScript(b []byte) string {
	var out strings.Builder
	out.Grow(len(b) + 64)
	last := 0
	for i := 0; i < len(b); i++ {
		var esc string
		switch c := b[i]; {
		case c == '<':
			esc = `\u003c`
		case c == '>':
			esc = `\u003e`
		case c == '&':
			esc = `\u0026`
		case c == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && b[i+2]&^1 == 0xA8:
			esc = `\u202` + string("89"[b[i+2]&1])
			out.Write(b[last:i])
			out.WriteString(esc)
			i += 2
			last = i + 1
			continue
		default:
			continue
		}
		out.Write(b[last:i])
		out.WriteString(esc)
		last = i + 1
	}
	out.Write(b[last:])
	return out.String()
}
