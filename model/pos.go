package model

import "strconv"

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
type Origin struct {
	File string
	Line int32
	Col  int32
	// Keys lists the position of every key the mapping held, and of the
	// value next to it. List items of scalar lists are recorded as
	// "field[i]" with the item's position as both key and value.
	Keys []FieldPos
}

// FieldPos is the position of one key of a mapping and of its value.
type FieldPos struct {
	Name            string
	KeyLine, KeyCol int32
	ValLine, ValCol int32
}

// Pos is the position of the mapping itself (its first key).
func (o *Origin) Pos() Pos {
	return Pos{File: o.File, Line: int(o.Line), Col: int(o.Col)}
}

// KeyPos is the position of the key name, or of the mapping when the key
// was not written.
func (o *Origin) KeyPos(name string) Pos {
	if f := o.field(name); f != nil {
		return Pos{File: o.File, Line: int(f.KeyLine), Col: int(f.KeyCol)}
	}
	return o.Pos()
}

// ValuePos is the position of the value of key name, or of the mapping
// when the key was not written.
func (o *Origin) ValuePos(name string) Pos {
	if f := o.field(name); f != nil {
		return Pos{File: o.File, Line: int(f.ValLine), Col: int(f.ValCol)}
	}
	return o.Pos()
}

// ItemPos is the position of item i of the scalar list under key name,
// falling back to the list's value position.
func (o *Origin) ItemPos(name string, i int) Pos {
	if f := o.field(name + "[" + strconv.Itoa(i) + "]"); f != nil {
		return Pos{File: o.File, Line: int(f.ValLine), Col: int(f.ValCol)}
	}
	return o.ValuePos(name)
}

// Has reports whether key name was written.
func (o *Origin) Has(name string) bool { return o.field(name) != nil }

func (o *Origin) field(name string) *FieldPos {
	for i := range o.Keys {
		if o.Keys[i].Name == name {
			return &o.Keys[i]
		}
	}
	return nil
}
