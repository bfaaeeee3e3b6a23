package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/civicnet/civicnet/export/jsonld"
)

// contextSubset makes the inline context of a page's JSON-LD block: a
// page is read alone (a search engine fetches no context.jsonld), so
// its block carries the prefixes and the definitions of the terms its
// nodes use, copied from the one context the writer compacts against —
// about a kilobyte instead of the whole context in every page.
type contextSubset struct {
	always map[string]json.RawMessage // @version, id, type and the prefixes
	terms  map[string]json.RawMessage
}

func newContextSubset() (*contextSubset, error) {
	var doc struct {
		Context map[string]json.RawMessage `json:"@context"`
	}
	if err := json.Unmarshal(jsonld.Context(), &doc); err != nil {
		return nil, fmt.Errorf("site: the JSON-LD context: %w", err)
	}
	c := &contextSubset{always: map[string]json.RawMessage{}, terms: map[string]json.RawMessage{}}
	for k, v := range doc.Context {
		var s string
		if strings.HasPrefix(k, "@") || json.Unmarshal(v, &s) == nil {
			c.always[k] = v
		} else {
			c.terms[k] = v
		}
	}
	return c, nil
}

// script returns the JSON-LD block of a document: its node objects
// under an inline context, with <, > and & escaped so that the block
// cannot end the script element (the escapes are JSON's own, so the
// JSON reads the same).
func (c *contextSubset) script(nodes []byte) (template.JS, error) {
	graph := append([]byte("["), bytes.TrimPrefix(nodes, []byte(","))...)
	graph = append(graph, ']')
	var objs []map[string]json.RawMessage
	if err := json.Unmarshal(graph, &objs); err != nil {
		return "", fmt.Errorf("site: a document's JSON-LD: %w", err)
	}
	ctx := make(map[string]json.RawMessage, len(c.always)+16)
	for k, v := range c.always {
		ctx[k] = v
	}
	for _, o := range objs {
		for k := range o {
			if v, ok := c.terms[k]; ok {
				ctx[k] = v
			}
		}
	}
	var compacted bytes.Buffer
	if err := json.Compact(&compacted, graph); err != nil {
		return "", err
	}
	doc, err := json.Marshal(struct {
		Context map[string]json.RawMessage `json:"@context"`
		Graph   json.RawMessage            `json:"@graph"`
	}{ctx, compacted.Bytes()})
	if err != nil {
		return "", err
	}
	// json.Marshal already writes <, > and & as \u003c, \u003e, \u0026.
	return template.JS(doc), nil
}
