package model

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestOriginKeepsEveryPosition round-trips positions through the packed
// form of Origin: keys above and below the mapping's line, columns past
// 16 bits, list items next to keys that look like items, and names
// written in code.
func TestOriginKeepsEveryPosition(t *testing.T) {
	o := Origin{File: "f.json", Line: 1000, Col: 7}
	type key struct {
		name       string
		key, value Pos
	}
	keys := []key{
		{"id", Pos{Line: 1000, Col: 9}, Pos{Line: 1000, Col: 13}},
		{"before", Pos{Line: 3, Col: 1}, Pos{Line: 2, Col: 400}}, // value above its key
		{"wide", Pos{Line: 1000, Col: 1_500_000}, Pos{Line: 1000, Col: 1_500_009}},
		{"far", Pos{Line: 2_000_000_000, Col: 1}, Pos{Line: 2_000_000_001, Col: 2}},
		{"topics[0]", Pos{Line: 1001, Col: 5}, Pos{Line: 1001, Col: 5}},
		{"topics[12]", Pos{Line: 1013, Col: 5}, Pos{Line: 1013, Col: 5}},
		{"identifiers.x[1]", Pos{Line: 1020, Col: 3}, Pos{Line: 1020, Col: 9}},
		{"unknown", Pos{}, Pos{}},
	}
	for _, k := range keys {
		o.SetKey(k.name, k.key, k.value)
	}
	for _, k := range keys {
		want := func(p Pos) Pos { return Pos{File: "f.json", Line: p.Line, Col: p.Col} }
		assert.Equal(t, want(k.key), o.KeyPos(k.name), "KeyPos(%q)", k.name)
		assert.Equal(t, want(k.value), o.ValuePos(k.name), "ValuePos(%q)", k.name)
		assert.True(t, o.Has(k.name), "Has(%q)", k.name)
	}
	assert.Equal(t, Pos{File: "f.json", Line: 1013, Col: 5}, o.ItemPos("topics", 12))
	assert.Equal(t, Pos{File: "f.json", Line: 1020, Col: 9}, o.ValuePos("identifiers.x[1]"), "a key that looks like an item")
	assert.False(t, o.Has("topics[3]"))
	assert.False(t, o.Has("topics"))
	assert.Equal(t, o.Pos(), o.ItemPos("topics", 3), "an item not written falls back to the list, then the mapping")
	assert.Equal(t, o.Pos(), o.KeyPos("never-written"))
	var zero Origin
	assert.Equal(t, Pos{}, zero.ValuePos("id"))
}

// TestAddKeysFastPath builds the positions of two origins from one block,
// as a decoder does, and reads them back: the fast path agrees with
// SetKey, costs no allocation once its buffer has grown, and an origin
// keeps its part of the block without copying it.
func TestAddKeysFastPath(t *testing.T) {
	id, topics := InternKey("id"), InternKey("topics")
	assert.Equal(t, id, InternKey("id"), "the same name, the same id")
	a := Origin{File: "f.yaml", Line: 10, Col: 1}
	b := Origin{File: "f.yaml", Line: 20, Col: 3}
	var block []byte
	block = AppendFieldPos(block, a.Line, id, -1, FieldPos{KeyLine: 10, KeyCol: 1, ValueLine: 10, ValueCol: 5})
	split := len(block)
	block = AppendFieldPos(block, b.Line, topics, 1, FieldPos{KeyLine: 22, KeyCol: 5, ValueLine: 22, ValueCol: 7})
	a.AddKeys(block[:split])
	b.AddKeys(block[split:])
	assert.Equal(t, "f.yaml:10:5", a.ValuePos("id").String())
	assert.Equal(t, "f.yaml:22:7", b.ItemPos("topics", 1).String())
	assert.False(t, b.Has("id"))

	var want Origin
	want.Line = b.Line
	want.SetKey("topics[1]", Pos{Line: 22, Col: 5}, Pos{Line: 22, Col: 7})
	assert.Equal(t, want.keys, b.keys, "SetKey and AppendFieldPos pack alike")

	a.SetKey("name", Pos{Line: 11, Col: 1}, Pos{Line: 11, Col: 7})
	assert.Equal(t, "f.yaml:22:7", b.ItemPos("topics", 1).String(), "a later SetKey copies, not writes into the block")
	assert.Equal(t, "f.yaml:11:7", a.ValuePos("name").String())
	assert.Equal(t, "f.yaml:10:5", a.ValuePos("id").String())

	buf := make([]byte, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		buf = AppendFieldPos(buf[:0], 1, id, 3, FieldPos{KeyLine: 2, KeyCol: 3, ValueLine: 2, ValueCol: 9})
	})
	assert.Zero(t, allocs, "allocations of AppendFieldPos")
}
