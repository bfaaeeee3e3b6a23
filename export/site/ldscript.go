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
// scratch is reused between calls.
func (c *contextSubset) script(scratch *[]byte, nodes []byte) template.JS {
	used := make([]string, 0, 16)
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
		if k := rest[:j]; len(k) > 0 && k[0] != '@' {
			if _, ok := c.defs[string(k)]; ok {
				used = append(used, string(k))
			}
		}
		rest = rest[j:]
	}
	keys := append(used, c.always...)
	slices.Sort(keys)
	keys = slices.Compact(keys)

	b := (*scratch)[:0]
	b = append(b, `{"@context":{`...)
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, k...)
		b = append(b, `":`...)
		b = append(b, c.defs[k]...)
	}
	b = append(b, `},"@graph":[`...)
	b = appendCompact(b, bytes.TrimPrefix(nodes, []byte(",")))
	b = append(b, "]}"...)
	*scratch = b
	return template.JS(b)
}

// appendCompact appends the JSON text src without the whitespace
// between its tokens, as json.Compact does, and with <, >, &, U+2028
// and U+2029 written as JSON escapes, as json.Marshal does (they occur
// only inside strings). src is the JSON-LD encoder's output, valid
// JSON; the tests parse every block written.
func appendCompact(b, src []byte) []byte {
	inString := false
	last := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		var esc string
		switch {
		case inString && c == '\\':
			i++ // the escaped byte cannot end the string
			continue
		case c == '"':
			inString = !inString
			continue
		case !inString && (c == ' ' || c == '\n' || c == '\t' || c == '\r'):
			b = append(b, src[last:i]...)
			last = i + 1
			continue
		case c == '<':
			esc = `\u003c`
		case c == '>':
			esc = `\u003e`
		case c == '&':
			esc = `\u0026`
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8:
			esc = `\u202` + string("89"[src[i+2]&1])
			b = append(b, src[last:i]...)
			b = append(b, esc...)
			i += 2
			last = i + 1
			continue
		default:
			continue
		}
		b = append(b, src[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, src[last:]...)
}
