package validate

import (
	"strconv"

	"github.com/civicnet/civicnet/model"
)

// at is where a diagnostic points: the position of the value, when its
// record was read from a file, and its key path in the record being
// checked ("funding[1].share"), for records that have no position.
type at struct {
	pos   model.Pos
	field string
}

// obj is a value of the record being checked that has an origin of its
// own: the record itself (list ""), or item i of one of its lists of
// mappings ("sources", "funding"), or a mapping under a key (i < 0:
// "location"). Its methods give positions and key paths of its keys;
// paths are made only when there is something to report.
type obj struct {
	o    *model.Origin
	list string
	i    int
}

// own is the record's own origin.
func own(o *model.Origin) obj { return obj{o: o, i: -1} }

// in is item i (or, for i < 0, the mapping) of list in the record.
func in(o *model.Origin, list string, i int) obj { return obj{o: o, list: list, i: i} }

func (b obj) path(key string) string {
	p := b.list
	if b.i >= 0 {
		p += "[" + strconv.Itoa(b.i) + "]"
	}
	switch {
	case p == "":
		return key
	case key == "":
		return p
	}
	return p + "." + key
}

// value is the value of key.
func (b obj) value(key string) at { return at{b.o.ValuePos(key), b.path(key)} }

// key is the key itself, as for a language tag.
func (b obj) key(key string) at { return at{b.o.KeyPos(key), b.path(key)} }

// item is item i of the scalar list under key.
func (b obj) item(key string, i int) at {
	return at{b.o.ItemPos(key, i), b.path(key + "[" + strconv.Itoa(i) + "]")}
}

// whole is the mapping as a whole.
func (b obj) whole() at { return at{b.o.Pos(), b.path("")} }

// RecordName names the record a diagnostic is about, for diagnostics of
// records that have no position: "organization efus", "membership
// 3c2…" (a generated id), "dataset" for the dataset description.
type RecordName struct {
	Kind string // a record kind ("organization"), or "dataset"
	ID   string // "" for the dataset description
}

// IsZero reports whether n names no record.
func (n RecordName) IsZero() bool { return n.Kind == "" }

// String returns "organization efus", "dataset", or "" for the zero
// RecordName.
func (n RecordName) String() string {
	if n.ID == "" {
		return n.Kind
	}
	return n.Kind + " " + n.ID
}

// recordName names r, or for a record Dataset.Add moved out of another
// one (a nested membership, an inline place) the record it was written
// in, with the key path of r in it.
func recordName(r model.Record, field string) (RecordName, string) {
	c := r.Base()
	if owner, path := c.Owner(); owner != nil {
		if field != "" {
			path += "." + field
		}
		oc := owner.Base()
		return RecordName{Kind: owner.Kind().String(), ID: oc.ID}, path
	}
	return RecordName{Kind: r.Kind().String(), ID: c.ID}, field
}
