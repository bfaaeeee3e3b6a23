package model

import (
	"strconv"
	"sync"
)

// Pos is a position in a record file. Line and Col count from 1; Col counts
// Unicode code points. A zero Line or Col means unknown, and String drops
// what is unknown, as go/token.Position does.
type Pos struct {
	File string
	Line int
	Col  int
}

// IsValid reports whether the position names at least a file or a line.
func (p Pos) IsValid() bool { return p.File != "" || p.Line > 0 }

// String formats the position as "file:line:col", "file:line", "file",
// "line:col" or "-", dropping the parts that are unknown.
func (p Pos) String() string {
	s := p.File
	if p.Line > 0 {
		if s != "" {
			s += ":"
		}
		s += strconv.Itoa(p.Line)
		if p.Col > 0 {
			s += ":" + strconv.Itoa(p.Col)
		}
	}
	if s == "" {
		s = "-"
	}
	return s
}

// Before reports whether p sorts before q: by file, then line, then column.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Origin records where a record or a nested value was written, so that
// diagnostics can point at the exact key or value. Records built in code
// have a zero Origin; every lookup then returns an unknown position.
//
// Keys are looked up by name: "name", "identifiers.wikidata" for a key of
// a nested map, "alt_names[1]" for an item of a scalar list.
type Origin struct {
	File string
	Line int32
	Col  int32
	keys []fieldPos
}

// fieldPos is the position of one key and of its value. The key name is
// interned: a million records share a few hundred distinct names, and the
// positions are a large part of a loaded record set's memory.
type fieldPos struct {
	name            uint32
	keyLine, keyCol int32
	valLine, valCol int32
}

// Pos is the position of the mapping itself (its first key).
func (o *Origin) Pos() Pos {
	return Pos{File: o.File, Line: int(o.Line), Col: int(o.Col)}
}

// KeyPos is the position of the key name, or of the mapping when the key
// was not written.
func (o *Origin) KeyPos(name string) Pos {
	if f := o.field(name); f != nil {
		return Pos{File: o.File, Line: int(f.keyLine), Col: int(f.keyCol)}
	}
	return o.Pos()
}

// ValuePos is the position of the value of key name, or of the mapping
// when the key was not written.
func (o *Origin) ValuePos(name string) Pos {
	if f := o.field(name); f != nil {
		return Pos{File: o.File, Line: int(f.valLine), Col: int(f.valCol)}
	}
	return o.Pos()
}

// ItemPos is the position of item i of the scalar list under key name,
// falling back to the list's value position.
func (o *Origin) ItemPos(name string, i int) Pos {
	if f := o.field(name + "[" + strconv.Itoa(i) + "]"); f != nil {
		return Pos{File: o.File, Line: int(f.valLine), Col: int(f.valCol)}
	}
	return o.ValuePos(name)
}

// Has reports whether key name was written.
func (o *Origin) Has(name string) bool { return o.field(name) != nil }

// SetKey records the positions of key name and its value, for records
// built by other decoders than this package's.
func (o *Origin) SetKey(name string, key, value Pos) {
	o.keys = append(o.keys, fieldPos{name: internName(name), keyLine: int32(key.Line), keyCol: int32(key.Col),
		valLine: int32(value.Line), valCol: int32(value.Col)})
}

func (o *Origin) field(name string) *fieldPos {
	if len(o.keys) == 0 {
		return nil
	}
	id, ok := lookupName(name)
	if !ok {
		return nil
	}
	for i := range o.keys {
		if o.keys[i].name == id {
			return &o.keys[i]
		}
	}
	return nil
}

// names interns key names for fieldPos.
var names = struct {
	sync.RWMutex
	ids  map[string]uint32
	list []string
}{ids: map[string]uint32{}}

func lookupName(s string) (uint32, bool) {
	names.RLock()
	id, ok := names.ids[s]
	names.RUnlock()
	return id, ok
}

func internName(s string) uint32 {
	if id, ok := lookupName(s); ok {
		return id
	}
	names.Lock()
	defer names.Unlock()
	if id, ok := names.ids[s]; ok {
		return id
	}
	id := uint32(len(names.list))
	names.list = append(names.list, s)
	names.ids[s] = id
	return id
}
