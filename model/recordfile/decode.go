package recordfile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// Limits on what one record file may hold. They keep hostile input from
// costing unbounded time or memory; docs/robustness.md explains them.
const (
	// MaxFileSize is the largest record file read, in bytes.
	MaxFileSize = 256 << 20
	// MaxScalarLen is the longest single value (a name, a description),
	// in bytes.
	MaxScalarLen = 1 << 20
	// MaxProblemsPerFile caps the problems reported for one file; past it
	// one last problem says that the rest were left out.
	MaxProblemsPerFile = 1000
	// maxAliasDepth bounds how many aliases are followed in a row.
	maxAliasDepth = 64
	// MaxDepth is the deepest nesting of mappings and lists accepted.
	MaxDepth = 1000
)

// decoder turns the node tree of one file into records, collecting every
// problem on the way instead of stopping at the first.
type decoder struct {
	arena    *arena
	names    map[string]model.KeyID // interned key names, cached without the lock
	nameBuf  []byte                 // where a nested key's name is put together
	open     []keyBuilder           // the origins of the mappings being read, innermost last
	slab     []byte                 // where finished origins' positions are kept
	file     string
	problems []model.Problem
	dropped  int
	aliases  int
}

func (d *decoder) problem(pos model.Pos, code, summary, detail string, related ...model.Pos) {
	if len(d.problems) >= MaxProblemsPerFile {
		d.dropped++
		return
	}
	d.problems = append(d.problems, model.Problem{Pos: pos, Code: code, Summary: summary, Detail: detail, Related: related})
}

func (d *decoder) pos(n *node) model.Pos {
	return model.Pos{File: d.file, Line: int(n.line), Col: int(n.col)}
}

// finish returns the problems, with a last one counting those left out.
func (d *decoder) finish() []model.Problem {
	if d.dropped > 0 {
		d.problems = append(d.problems, model.Problem{Pos: model.Pos{File: d.file}, Code: "too-many-problems",
			Summary: fmt.Sprintf("%d more problems in this file were not reported", d.dropped),
			Detail:  "fix the problems above and validate again"})
	}
	return d.problems
}

// deref follows aliases to the node they name, with a bound on chains.
func (d *decoder) deref(n *node) *node {
	for i := 0; n != nil && n.kind == aliasNode; i++ {
		d.aliases++
		if i >= maxAliasDepth || n.alias == nil {
			d.problem(d.pos(n), "syntax", "alias chain too long or broken", "write the value out instead of using an alias")
			return nil
		}
		n = n.alias
	}
	return n
}

func describe(n *node) string {
	switch n.kind {
	case mappingNode:
		return "a mapping"
	case sequenceNode:
		return "a list"
	case scalarNode:
		switch n.tag {
		case tagNull:
			return "an empty value"
		case tagBool:
			return "a boolean"
		case tagInt, tagFloat:
			return "a number"
		}
		return fmt.Sprintf("the string %q", clip(n.value))
	}
	return "something else"
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

func (d *decoder) wrongType(n *node, field, want string) {
	d.problem(d.pos(n), "wrong-type", fmt.Sprintf("%s must be %s, not %s", field, want, describe(n)), "")
}

// isNull reports whether n is an empty value, which counts as absent.
func isNull(n *node) bool {
	return n == nil || (n.kind == scalarNode && n.tag == tagNull)
}

// mapping walks the pairs of a mapping node. It reports keys that are not
// strings, duplicate keys (with the first as related position) and keys not
// in allowed (with a did-you-mean; nil allows any key), records every key's
// position in origin, and calls fn for the others with non-empty values. A
// `$schema` key of a record is skipped.
func (d *decoder) mapping(n *node, what string, allowed []string, origin *model.Origin, fn func(key string, k, v *node)) bool {
	if n = d.deref(n); n == nil || n.kind != mappingNode {
		return d.nestedMapping(n, what, allowed, origin, "", fn)
	}
	origin.File, origin.Line, origin.Col = d.file, n.line, n.col
	// The positions go to a buffer while the mapping is read (the
	// mappings nested in it fill buffers of their own meanwhile), then
	// to the file's slab in one piece.
	depth := len(d.open)
	if depth < cap(d.open) {
		d.open = d.open[:depth+1]
		d.open[depth].o, d.open[depth].buf = origin, d.open[depth].buf[:0]
	} else {
		d.open = append(d.open, keyBuilder{o: origin})
	}
	ok := d.nestedMapping(n, what, allowed, origin, "", fn)
	b := &d.open[depth]
	origin.AddKeys(d.keep(b.buf))
	b.o = nil
	d.open = d.open[:depth]
	return ok
}

// keyBuilder gathers the positions of an origin's keys while its mapping
// is read.
type keyBuilder struct {
	o   *model.Origin
	buf []byte
}

// keep copies b to the decoder's slab and returns the copy, nil for an
// empty b. Every origin of a file shares a few large blocks instead of
// each allocating its own.
func (d *decoder) keep(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	if len(b) > cap(d.slab)-len(d.slab) {
		d.slab = make([]byte, 0, max(slabSize, len(b)))
	}
	start := len(d.slab)
	d.slab = append(d.slab, b...)
	return d.slab[start:len(d.slab):len(d.slab)]
}

const slabSize = 32 << 10

// nestedMapping is mapping for a map nested in another value's origin
// (a language map, identifiers, a quantity): key positions are recorded in
// owner as "prefix.key"; owner may be nil.
func (d *decoder) nestedMapping(n *node, what string, allowed []string, owner *model.Origin, prefix string, fn func(key string, k, v *node)) bool {
	n = d.deref(n)
	if n == nil {
		return false
	}
	if n.kind != mappingNode {
		d.wrongType(n, what, "a mapping")
		return false
	}
	var seen map[string]*node // only for large mappings; small ones are scanned
	for i := 0; i+1 < len(n.content); i += 2 {
		k, v := d.deref(n.content[i]), n.content[i+1]
		if k == nil {
			continue
		}
		if k.kind != scalarNode {
			d.problem(d.pos(k), "wrong-type", "a key must be a plain name, not "+describe(k), "")
			continue
		}
		key := k.value
		if first := d.earlierKey(n, i, key, &seen); first != nil {
			d.problem(d.pos(k), "duplicate-key", fmt.Sprintf("key %q appears twice in %s", key, what),
				"remove one of them; the first is at the related position", d.pos(first))
			continue
		}
		if allowed != nil && !slices.Contains(allowed, key) {
			detail := fmt.Sprintf("%s has no field %q", what, key)
			if s := model.Suggest(key, allowed); s != "" {
				detail = fmt.Sprintf("did you mean %q?", s)
			} else {
				detail += "; fields are: " + strings.Join(slices.DeleteFunc(slices.Clone(allowed), func(f string) bool { return f == "$schema" }), ", ")
			}
			d.problem(d.pos(k), "unknown-field", fmt.Sprintf("unknown field %q in %s", key, what), detail)
			continue
		}
		vv := d.deref(v)
		if vv == nil {
			continue
		}
		if owner != nil {
			if prefix != "" {
				d.nameBuf = append(append(append(d.nameBuf[:0], prefix...), '.'), key...)
				d.addKey(owner, nameID(d, d.nameBuf), -1, k, vv)
			} else {
				d.addKey(owner, nameID(d, k.value), -1, k, vv)
			}
		}
		if isNull(vv) {
			continue
		}
		fn(key, k, vv)
	}
	return true
}

// nameID returns the interned id of a key name.
func nameID[T string | []byte](d *decoder, name T) model.KeyID {
	if id, ok := d.names[string(name)]; ok { // no copy is made to look up
		return id
	}
	s := string(name)
	id := model.InternKey(s)
	if d.names == nil {
		d.names = map[string]model.KeyID{}
	}
	d.names[s] = id
	return id
}

// addKey records the position of key name (at k), or of item i of list
// name when i >= 0, and of its value (at v).
func (d *decoder) addKey(o *model.Origin, name model.KeyID, i int, k, v *node) {
	f := model.FieldPos{KeyLine: k.line, KeyCol: k.col, ValueLine: v.line, ValueCol: v.col}
	for j := len(d.open) - 1; j >= 0; j-- {
		if b := &d.open[j]; b.o == o {
			b.buf = model.AppendFieldPos(b.buf, o.Line, name, i, f)
			return
		}
	}
	o.AddKeys(model.AppendFieldPos(nil, o.Line, name, i, f))
}

// earlierKey returns the key node before index i of mapping n that is
// also named key, or nil. Small mappings (records) are scanned; large ones
// (an identifiers map with thousands of schemes) use a map built once.
func (d *decoder) earlierKey(n *node, i int, key string, seen *map[string]*node) *node {
	if len(n.content) <= 64 {
		for j := 0; j < i; j += 2 {
			if k := d.derefQuiet(n.content[j]); k != nil && k.kind == scalarNode && k.value == key {
				return k
			}
		}
		return nil
	}
	if *seen == nil {
		*seen = make(map[string]*node, len(n.content)/2)
	}
	if first, ok := (*seen)[key]; ok {
		return first
	}
	(*seen)[key] = n.content[i]
	return nil
}

// derefQuiet follows aliases without reporting problems (they were
// reported when the node was first visited).
func (d *decoder) derefQuiet(n *node) *node {
	for i := 0; n != nil && n.kind == aliasNode && i < maxAliasDepth; i++ {
		n = n.alias
	}
	if n != nil && n.kind == aliasNode {
		return nil
	}
	return n
}

// str returns the text of a scalar; numbers, dates and booleans count as
// their text, since people write `geonames: 3165361` unquoted.
func (d *decoder) str(n *node, field string) (string, bool) {
	if n.kind != scalarNode {
		d.wrongType(n, field, "a string")
		return "", false
	}
	if len(n.value) > MaxScalarLen {
		d.problem(d.pos(n), "value-too-long", fmt.Sprintf("%s is %d bytes long; the limit is %d", field, len(n.value), MaxScalarLen),
			"shorten the value or link to the full text with website or sources")
		return "", false
	}
	return n.value, true
}

func (d *decoder) strInto(n *node, field string, dst *string) {
	if s, ok := d.str(n, field); ok {
		*dst = s
	}
}

// text reads a string, or a map from language tag to string.
func (d *decoder) text(n *node, field string, origin *model.Origin) model.Text {
	if n.kind == scalarNode {
		if s, ok := d.str(n, field); ok {
			return model.Plain(s)
		}
		return nil
	}
	if n.kind != mappingNode {
		d.wrongType(n, field, "a string or a map from language tag to string")
		return nil
	}
	var t model.Text
	d.nestedMapping(n, field, nil, origin, field, func(key string, k, v *node) {
		if s, ok := d.str(v, field+"."+key); ok {
			t = append(t, model.LangString{Lang: key, Value: s})
		}
	})
	return t
}

// list calls fn for each item of a list node, recording scalar items'
// positions as "field[i]" in origin.
func (d *decoder) list(n *node, field string, origin *model.Origin, fn func(i int, item *node)) {
	if n.kind != sequenceNode {
		d.wrongType(n, field, "a list")
		return
	}
	for i, item := range n.content {
		item = d.deref(item)
		if item == nil {
			continue
		}
		if origin != nil && item.kind == scalarNode {
			d.addKey(origin, nameID(d, field), i, item, item)
		}
		fn(i, item)
	}
}

func (d *decoder) strList(n *node, field string, origin *model.Origin) []string {
	var out []string
	d.list(n, field, origin, func(i int, item *node) {
		if s, ok := d.str(item, field+" items"); ok {
			out = append(out, s)
		}
	})
	return out
}

func (d *decoder) boolean(n *node, field string) (bool, bool) {
	if n.kind == scalarNode && n.tag == tagBool {
		return strings.EqualFold(n.value, "true"), true
	}
	d.wrongType(n, field, "true or false")
	return false, false
}

func (d *decoder) integer(n *node, field string) (int, bool) {
	if n.kind == scalarNode {
		if v, err := strconv.Atoi(n.value); err == nil {
			return v, true
		}
	}
	d.wrongType(n, field, "a whole number")
	return 0, false
}

// dateErr reports text that is no date at all. A date that reads but
// is not valid is stored, and validate reports it (CheckRecord).
func (d *decoder) dateErr(n *node, field string, err error) {
	de := err.(*model.DateError)
	d.problem(d.pos(n), de.Code(), fmt.Sprintf("%s: %s", field, de.Msg), de.Hint())
}

func (d *decoder) date(n *node, field string) model.Date {
	s, ok := d.str(n, field)
	if !ok {
		return model.Date{}
	}
	dt, err := model.ReadDate(s)
	if err != nil {
		d.dateErr(n, field, err)
	}
	return dt
}

func (d *decoder) interval(n *node, field string) model.Interval {
	s, ok := d.str(n, field)
	if !ok {
		return model.Interval{}
	}
	iv, err := model.ReadInterval(s)
	if err != nil {
		d.dateErr(n, field, err)
	}
	return iv
}

// quantity reads a number or {value, unit, qualifier, as_of}.
func (d *decoder) quantity(n *node, field string, q *model.Quantity, origin *model.Origin) {
	if n.kind == scalarNode {
		d.number(n, field, q)
		return
	}
	d.nestedMapping(n, field, quantityFields, origin, field, func(key string, k, v *node) {
		d.quantityField(key, v, field, q)
	})
	// A quantity with a unit but no value is stored, and validate
	// reports it (Quantity.Check); one with nothing at all would not
	// be seen.
	if q.IsZero() && n.kind == mappingNode {
		d.problem(d.pos(n), "missing-field", field+" has no value", "write the number as value: 3600000")
	}
}

func (d *decoder) quantityField(key string, v *node, field string, q *model.Quantity) {
	switch key {
	case "value":
		d.number(v, field+".value", q)
	case "unit":
		d.strInto(v, field+".unit", &q.Unit)
	case "qualifier":
		if s, ok := d.str(v, field+".qualifier"); ok {
			qual, err := model.ParseQualifier(s)
			if err != nil {
				d.problem(d.pos(v), "bad-quantity", fmt.Sprintf("%s.qualifier %q is not a qualifier", field, s),
					"use one of exact, approximate, at-least, more-than, at-most, less-than")
			}
			q.Qualifier = qual
		}
	case "as_of":
		q.AsOf = d.date(v, field+".as_of")
	}
}

func (d *decoder) number(n *node, field string, q *model.Quantity) {
	s, ok := d.str(n, field)
	if !ok {
		return
	}
	// Text that is no number is stored as it is, and validate reports
	// it (Quantity.Check), as it does for a value built in code.
	if v, err := model.ParseDecimal(s); err == nil {
		s = v
	}
	q.Value = s
}

// identifiers reads a map from scheme to value.
func (d *decoder) identifiers(n *node, field string, origin *model.Origin) []model.Identifier {
	var out []model.Identifier
	d.nestedMapping(n, field, nil, origin, field, func(key string, k, v *node) {
		if s, ok := d.str(v, field+"."+key); ok {
			out = append(out, model.Identifier{Scheme: key, Value: s})
		}
	})
	return out
}
