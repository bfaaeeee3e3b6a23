package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
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
	file     string
	problems []Problem
	dropped  int
	aliases  int
}

func (d *decoder) problem(pos Pos, code, summary, detail string, related ...Pos) {
	if len(d.problems) >= MaxProblemsPerFile {
		d.dropped++
		return
	}
	d.problems = append(d.problems, Problem{Pos: pos, Code: code, Summary: summary, Detail: detail, Related: related})
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

// finish returns the problems, with a last one counting those left out.
func (d *decoder) finish() []Problem {
	if d.dropped > 0 {
		d.problems = append(d.problems, Problem{Pos: Pos{File: d.file}, Code: "too-many-problems",
			Summary: fmt.Sprintf("%d more problems in this file were not reported", d.dropped),
			Detail:  "fix the problems above and validate again"})
	}
	return d.problems
}

// deref follows aliases to the node they name, with a bound on chains.
func (d *decoder) deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		d.aliases++
		if i >= maxAliasDepth || n.Alias == nil {
			d.problem(d.pos(n), "syntax", "alias chain too long or broken", "write the value out instead of using an alias")
			return nil
		}
		n = n.Alias
	}
	return n
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "an empty value"
		case "!!bool":
			return "a boolean"
		case "!!int", "!!float":
			return "a number"
		}
		return fmt.Sprintf("the string %q", clip(n.Value))
	}
	return "something else"
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

func (d *decoder) wrongType(n *yaml.Node, field, want string) {
	d.problem(d.pos(n), "wrong-type", fmt.Sprintf("%s must be %s, not %s", field, want, describe(n)), "")
}

// isNull reports whether n is an empty value, which counts as absent.
func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// mapping walks the pairs of a mapping node. It reports keys that are not
// strings, duplicate keys (with the first as related position) and keys not
// in allowed (with a did-you-mean; nil allows any key), records every key's
// position in origin, and calls fn for the others with non-empty values. A
// `$schema` key of a record is skipped.
func (d *decoder) mapping(n *yaml.Node, what string, allowed []string, origin *Origin, fn func(key string, k, v *yaml.Node)) bool {
	n = d.deref(n)
	if n == nil {
		return false
	}
	if n.Kind != yaml.MappingNode {
		d.wrongType(n, what, "a mapping")
		return false
	}
	origin.File, origin.Line, origin.Col = d.file, int32(n.Line), int32(n.Column)
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := d.deref(n.Content[i]), n.Content[i+1]
		if k == nil {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.problem(d.pos(k), "wrong-type", "a key must be a plain name, not "+describe(k), "")
			continue
		}
		key := k.Value
		if first, dup := seen[key]; dup {
			d.problem(d.pos(k), "duplicate-key", fmt.Sprintf("key %q appears twice in %s", key, what),
				"remove one of them; the first is at the related position", d.pos(first))
			continue
		}
		seen[key] = k
		if allowed != nil && !slices.Contains(allowed, key) {
			detail := fmt.Sprintf("%s has no field %q", what, key)
			if s := Suggest(key, allowed); s != "" {
				detail = fmt.Sprintf("did you mean %q?", s)
			} else {
				detail += "; fields are: " + strings.Join(allowed, ", ")
			}
			d.problem(d.pos(k), "unknown-field", fmt.Sprintf("unknown field %q in %s", key, what), detail)
			continue
		}
		vv := d.deref(v)
		if vv == nil {
			continue
		}
		origin.Keys = append(origin.Keys, FieldPos{Name: key, KeyLine: int32(k.Line), KeyCol: int32(k.Column),
			ValLine: int32(vv.Line), ValCol: int32(vv.Column)})
		if isNull(vv) {
			continue
		}
		fn(key, k, vv)
	}
	return true
}

// str returns the text of a scalar; numbers, dates and booleans count as
// their text, since people write `geonames: 3165361` unquoted.
func (d *decoder) str(n *yaml.Node, field string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.wrongType(n, field, "a string")
		return "", false
	}
	if len(n.Value) > MaxScalarLen {
		d.problem(d.pos(n), "value-too-long", fmt.Sprintf("%s is %d bytes long; the limit is %d", field, len(n.Value), MaxScalarLen),
			"shorten the value or link to the full text with website or sources")
		return "", false
	}
	return n.Value, true
}

func (d *decoder) strInto(n *yaml.Node, field string, dst *string) {
	if s, ok := d.str(n, field); ok {
		*dst = s
	}
}

// text reads a string, or a map from language tag to string.
func (d *decoder) text(n *yaml.Node, field string, origin *Origin) Text {
	if n.Kind == yaml.ScalarNode {
		if s, ok := d.str(n, field); ok {
			return Plain(s)
		}
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.wrongType(n, field, "a string or a map from language tag to string")
		return nil
	}
	var t Text
	var o Origin
	d.mapping(n, field, nil, &o, func(key string, k, v *yaml.Node) {
		if s, ok := d.str(v, field+"."+key); ok {
			t = append(t, LangString{Lang: key, Value: s})
		}
	})
	prefixKeys(origin, &o, field)
	return t
}

// prefixKeys copies the key positions of a nested mapping into its owner's
// origin as "field.key".
func prefixKeys(owner, nested *Origin, field string) {
	if owner == nil {
		return
	}
	for _, f := range nested.Keys {
		f.Name = field + "." + f.Name
		owner.Keys = append(owner.Keys, f)
	}
}

// list calls fn for each item of a list node, recording scalar items'
// positions as "field[i]" in origin.
func (d *decoder) list(n *yaml.Node, field string, origin *Origin, fn func(i int, item *yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		d.wrongType(n, field, "a list")
		return
	}
	for i, item := range n.Content {
		item = d.deref(item)
		if item == nil {
			continue
		}
		if origin != nil && item.Kind == yaml.ScalarNode {
			origin.Keys = append(origin.Keys, FieldPos{Name: field + "[" + strconv.Itoa(i) + "]",
				KeyLine: int32(item.Line), KeyCol: int32(item.Column), ValLine: int32(item.Line), ValCol: int32(item.Column)})
		}
		fn(i, item)
	}
}

func (d *decoder) strList(n *yaml.Node, field string, origin *Origin) []string {
	var out []string
	d.list(n, field, origin, func(i int, item *yaml.Node) {
		if s, ok := d.str(item, field+" items"); ok {
			out = append(out, s)
		}
	})
	return out
}

func (d *decoder) integer(n *yaml.Node, field string) (int, bool) {
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v, true
		}
	}
	d.wrongType(n, field, "a whole number")
	return 0, false
}

func (d *decoder) dateErr(n *yaml.Node, field string, err error) {
	code, summary, detail := "bad-date", err.Error(), ""
	if de, ok := err.(*DateError); ok {
		summary = fmt.Sprintf("%s: %s", field, de.Msg)
		detail = de.Hint()
		switch {
		case strings.Contains(de.Msg, "not supported"):
			code = "unsupported-date"
		case strings.Contains(de.Msg, "before"):
			code = "reversed-interval"
		}
	}
	d.problem(d.pos(n), code, summary, detail)
}

func (d *decoder) date(n *yaml.Node, field string) Date {
	s, ok := d.str(n, field)
	if !ok {
		return Date{}
	}
	dt, err := ParseDate(s)
	if err != nil {
		d.dateErr(n, field, err)
	}
	return dt
}

func (d *decoder) interval(n *yaml.Node, field string) Interval {
	s, ok := d.str(n, field)
	if !ok {
		return Interval{}
	}
	iv, err := ParseInterval(s)
	if err != nil {
		d.dateErr(n, field, err)
	}
	return iv
}

// quantity reads a number or {value, unit, qualifier, as_of}.
func (d *decoder) quantity(n *yaml.Node, field string, q *Quantity, origin *Origin) {
	if n.Kind == yaml.ScalarNode {
		d.number(n, field, q)
		return
	}
	var o Origin
	d.mapping(n, field, quantityFields, &o, func(key string, k, v *yaml.Node) {
		d.quantityField(key, v, field, q)
	})
	if !o.Has("value") && n.Kind == yaml.MappingNode {
		d.problem(d.pos(n), "missing-field", field+" has no value", "write the number as value: 3600000")
	}
	prefixKeys(origin, &o, field)
}

func (d *decoder) quantityField(key string, v *yaml.Node, field string, q *Quantity) {
	switch key {
	case "value":
		d.number(v, field+".value", q)
	case "unit":
		d.strInto(v, field+".unit", &q.Unit)
	case "qualifier":
		if s, ok := d.str(v, field+".qualifier"); ok {
			qual, err := ParseQualifier(s)
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

func (d *decoder) number(n *yaml.Node, field string, q *Quantity) {
	s, ok := d.str(n, field)
	if !ok {
		return
	}
	v, err := ParseDecimal(s)
	if err != nil {
		d.problem(d.pos(n), "bad-quantity", fmt.Sprintf("%s must be a number, not %q", field, clip(s)),
			"write digits only, such as 3600000 or 22990.5; put qualifiers like \"about\" in qualifier")
		return
	}
	q.Value = v
}

// identifiers reads a map from scheme to value.
func (d *decoder) identifiers(n *yaml.Node, field string, origin *Origin) []Identifier {
	var out []Identifier
	var o Origin
	d.mapping(n, field, nil, &o, func(key string, k, v *yaml.Node) {
		if s, ok := d.str(v, field+"."+key); ok {
			out = append(out, Identifier{Scheme: key, Value: s})
		}
	})
	prefixKeys(origin, &o, field)
	return out
}
