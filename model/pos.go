package model

import (
	"encoding/binary"
	"strconv"
	"strings"
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
	// keys holds the position of every key and of its value, packed as
	// varints (see AppendFieldPos): five or six bytes a key where four
	// 32-bit numbers and a name took twenty. The positions of a million
	// records' keys are a large part of a loaded record set's memory.
	keys []byte
}

// FieldPos is where one key of a mapping and its value were written, as
// a decoder gives it to [AppendFieldPos].
type FieldPos struct {
	KeyLine, KeyCol     int32
	ValueLine, ValueCol int32
}

// KeyID is the interned name of a key ("name", "identifiers.wikidata"),
// from [InternKey].
type KeyID uint32

// InternKey returns the id of key name, the same for every call with the
// same name, from any goroutine. Decoders call it once for each name
// they meet and keep the ids, as a lock is taken for a name not seen
// before.
func InternKey(name string) KeyID { return KeyID(internName(name)) }

// AppendFieldPos appends to b the packed positions of key name of a
// mapping whose Origin has line line — of item item of the scalar list
// under name when item >= 0 — and returns the extended buffer, for
// [Origin.AddKeys]. It is the fast path of record file decoders: it
// allocates only to grow b. ([Origin.SetKey] does the same for one key
// named by a string.)
//
// The packed form: the interned name shifted left once, its low bit
// telling whether an item index follows; the item index; the key's line
// relative to the mapping's; the key's column; the value's line and
// column relative to the key's.
func AppendFieldPos(b []byte, line int32, name KeyID, item int, f FieldPos) []byte {
	if item >= 0 {
		b = binary.AppendUvarint(b, uint64(name)<<1|1)
		b = binary.AppendUvarint(b, uint64(item))
	} else {
		b = binary.AppendUvarint(b, uint64(name)<<1)
	}
	b = binary.AppendVarint(b, int64(f.KeyLine)-int64(line))
	b = binary.AppendVarint(b, int64(f.KeyCol))
	b = binary.AppendVarint(b, int64(f.ValueLine)-int64(f.KeyLine))
	return binary.AppendVarint(b, int64(f.ValueCol)-int64(f.KeyCol))
}

// AddKeys adds to o the key positions in packed, made by
// [AppendFieldPos] with o.Line as the line. When o has none yet, o keeps
// packed itself, without a copy, so that a decoder can cut the keys of
// many origins from one large block (a later SetKey or AddKeys copies
// before it appends); the caller must not change packed afterwards.
func (o *Origin) AddKeys(packed []byte) {
	if len(packed) == 0 {
		return
	}
	if len(o.keys) == 0 {
		o.keys = packed[:len(packed):len(packed)]
		return
	}
	o.keys = append(o.keys[:len(o.keys):len(o.keys)], packed...)
}

// Pos is the position of the mapping itself (its first key).
func (o *Origin) Pos() Pos {
	return Pos{File: o.File, Line: int(o.Line), Col: int(o.Col)}
}

// KeyPos is the position of the key name, or of the mapping when the key
// was not written.
func (o *Origin) KeyPos(name string) Pos {
	if f, ok := o.field(name); ok {
		return Pos{File: o.File, Line: int(f.KeyLine), Col: int(f.KeyCol)}
	}
	return o.Pos()
}

// ValuePos is the position of the value of key name, or of the mapping
// when the key was not written.
func (o *Origin) ValuePos(name string) Pos {
	if f, ok := o.field(name); ok {
		return Pos{File: o.File, Line: int(f.ValueLine), Col: int(f.ValueCol)}
	}
	return o.Pos()
}

// ItemPos is the position of item i of the scalar list under key name,
// falling back to the list's value position.
func (o *Origin) ItemPos(name string, i int) Pos {
	if id, ok := lookupName(name); ok && i >= 0 {
		if f, ok := o.find(id, i); ok {
			return Pos{File: o.File, Line: int(f.ValueLine), Col: int(f.ValueCol)}
		}
	}
	return o.ValuePos(name)
}

// Has reports whether key name was written.
func (o *Origin) Has(name string) bool {
	_, ok := o.field(name)
	return ok
}

// SetKey records the positions of key name and its value, for records
// built in code or by other decoders. "list[2]" names item 2 of a list.
func (o *Origin) SetKey(name string, key, value Pos) {
	base, item := splitItem(name)
	o.keys = AppendFieldPos(o.keys, o.Line, InternKey(base), item, FieldPos{KeyLine: int32(key.Line), KeyCol: int32(key.Col),
		ValueLine: int32(value.Line), ValueCol: int32(value.Col)})
}

// field finds key name, which may name a list item as "list[2]".
func (o *Origin) field(name string) (FieldPos, bool) {
	if len(o.keys) == 0 {
		return FieldPos{}, false
	}
	if id, ok := lookupName(name); ok {
		if f, ok := o.find(id, -1); ok {
			return f, true
		}
	}
	if base, item := splitItem(name); item >= 0 {
		if id, ok := lookupName(base); ok {
			return o.find(id, item)
		}
	}
	return FieldPos{}, false
}

// find returns the positions of the key with name id and item index
// item (-1 for a key that is not a list item).
func (o *Origin) find(id uint32, item int) (FieldPos, bool) {
	r := varints{b: o.keys}
	for len(r.b) > 0 {
		tag := r.u()
		i := -1
		if tag&1 != 0 {
			i = int(r.u())
		}
		kl, kc, vl, vc := r.s(), r.s(), r.s(), r.s()
		if r.bad {
			break
		}
		if uint32(tag>>1) == id && i == item {
			kl += int64(o.Line)
			return FieldPos{KeyLine: int32(kl), KeyCol: int32(kc), ValueLine: int32(kl + vl), ValueCol: int32(kc + vc)}, true
		}
	}
	return FieldPos{}, false
}

// varints reads the varints AppendFieldPos wrote; past the end or on a
// malformed one it reads zeros and sets bad.
type varints struct {
	b   []byte
	bad bool
}

func (r *varints) u() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.b, r.bad = nil, true
		return 0
	}
	r.b = r.b[n:]
	return v
}

// s reads a signed varint: zig-zag encoded, as binary.AppendVarint
// writes it.
func (r *varints) s() int64 {
	ux := r.u()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

// splitItem splits "list[2]" into "list" and 2; other names come back
// whole, with -1.
func splitItem(name string) (string, int) {
	if !strings.HasSuffix(name, "]") {
		return name, -1
	}
	open := strings.LastIndexByte(name, '[')
	if open <= 0 {
		return name, -1
	}
	i, err := strconv.Atoi(name[open+1 : len(name)-1])
	if err != nil || i < 0 || name[open+1] == '+' {
		return name, -1
	}
	return name[:open], i
}

// names interns key names for the packed positions of Origin.
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
