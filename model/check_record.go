package model

import (
	"errors"
	"strconv"
	"strings"
)

// FieldError is a value of a record that a Check method refuses, with
// where it is.
type FieldError struct {
	// Field is the key path of the value in the record, as in record
	// files: "during", "funding[1].share", "sources[0].published",
	// "memberships[2].during" for a nested membership not yet added to a
	// Dataset. It names an item ("sources[0]") when the item as a whole
	// is wrong.
	Field string
	// Pos is where the value was written, for records read from a file;
	// the zero Pos for records built in code.
	Pos Pos
	// Code is the diagnostic code validate reports it with:
	// "bad-date", "reversed-interval", "unsupported-date", "bad-quantity",
	// "bad-value", "missing-field".
	Code string
	// Err is what the Check method returned: a *DateError or a
	// *ValueError.
	Err error
}

func (e FieldError) Error() string {
	return "model: " + e.Field + ": " + strings.TrimPrefix(e.Err.Error(), "model: ")
}

// Unwrap returns e.Err.
func (e FieldError) Unwrap() error { return e.Err }

// CheckRecord runs every value check of this package on the values of r:
// dates and intervals, quantities, roles, funding shares, sources and
// heritage sites, and the records nested in r that Dataset.Add has not
// yet moved out. It returns nil when every value is valid, without
// allocating. Rules between records (references, duplicates), required
// ids and names, and the forms of URLs, e-mails, languages and
// identifiers are validate's.
func CheckRecord(r Record) []FieldError {
	var c checker
	c.record(r, nest{i: -1})
	return c.errs
}

// CheckDatasetInfo runs the value checks on the dataset description:
// its base (CheckBase; an empty base is left alone here, since a base
// may be given when exporting) and its issued and modified dates.
func CheckDatasetInfo(info *DatasetInfo) []FieldError {
	var c checker
	if info.Base != "" {
		if err := CheckBase(info.Base); err != nil {
			c.errs = append(c.errs, FieldError{Field: "base", Pos: info.ValuePos("base"), Code: "bad-base", Err: err})
		}
	}
	c.date(&info.Origin, nest{i: -1}, "issued", info.Issued.Check())
	c.date(&info.Origin, nest{i: -1}, "modified", info.Modified.Check())
	return c.errs
}

// checker gathers the FieldErrors of one record.
type checker struct {
	errs []FieldError
}

// nest names where a value sits in its record: item i of the list
// (i < 0: the value is not in a list), under the record's outer nesting.
// Paths are made of these parts only when there is an error to report.
type nest struct {
	outer *nest
	list  string
	i     int
}

func (n nest) path(key string) string {
	var b strings.Builder
	n.write(&b)
	if key != "" {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(key)
	}
	return b.String()
}

func (n nest) write(b *strings.Builder) {
	if n.outer != nil {
		n.outer.write(b)
	}
	if n.list == "" {
		return
	}
	if b.Len() > 0 {
		b.WriteByte('.')
	}
	b.WriteString(n.list)
	if n.i >= 0 {
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(n.i))
		b.WriteByte(']')
	}
}

func (c *checker) fail(n nest, key string, pos Pos, code string, err error) {
	c.errs = append(c.errs, FieldError{Field: n.path(key), Pos: pos, Code: code, Err: err})
}

func (c *checker) record(r Record, n nest) {
	cm := r.Base()
	for i, s := range cm.Sources {
		c.source(s, nest{outer: &n, list: "sources", i: i})
	}
	switch r := r.(type) {
	case *Region:
		c.quantity(&r.Origin, n, "area_km2", r.AreaKm2)
		c.quantity(&r.Origin, n, "population", r.Population)
		for i, h := range r.HeritageSites {
			if err := h.Check(); err != nil {
				c.fail(nest{outer: &n, list: "heritage_sites", i: i}, "", h.Pos(), "missing-field", err)
			}
		}
		if r.CapitalPlace != nil {
			c.record(r.CapitalPlace, nest{outer: &n, list: "capital", i: -1})
		}
		c.nested(n, r.Memberships, r.Participations)
	case *Organization:
		c.nested(n, r.Memberships, r.Participations)
	case *Person:
		for i, post := range r.Posts {
			pn := nest{outer: &n, list: "posts", i: i}
			if post.Organization == "" {
				c.fail(pn, "organization", post.Pos(), "missing-field",
					&ValueError{Name: "post", Msg: "has no organization", Missing: true, Hint: "write the id of the organisation the post is in"})
			}
			c.role(&post.Origin, pn, post.Role)
			c.date(&post.Origin, pn, "during", post.During.Check())
		}
		c.nested(n, r.Memberships, r.Participations)
	case *Project:
		c.date(&r.Origin, n, "during", r.During.Check())
		for i, f := range r.Funding {
			fn := nest{outer: &n, list: "funding", i: i}
			if err := f.shareError(); err != nil {
				c.fail(fn, "share", f.ValuePos("share"), "bad-value", err)
			}
			c.quantity(&f.Origin, fn, "amount", f.Amount)
		}
		for i, q := range r.Quantities {
			c.namedQuantity(q, nest{outer: &n, list: "quantities", i: i})
		}
		for i, m := range r.Participants {
			c.record(m, nest{outer: &n, list: "participants", i: i})
		}
		c.nested(n, r.Memberships, r.Participations)
	case *Event:
		c.date(&r.Origin, n, "date", r.Date.Check())
		c.quantity(&r.Origin, n, "participant_count", r.ParticipantCount)
		for i, pt := range r.Participants {
			c.record(pt, nest{outer: &n, list: "participants", i: i})
		}
	case *Membership:
		c.role(&r.Origin, n, r.Role)
		c.date(&r.Origin, n, "during", r.During.Check())
	case *Participation:
		c.role(&r.Origin, n, r.Role)
	case *Legislation:
		c.date(&r.Origin, n, "date", r.Date.Check())
	}
}

func (c *checker) nested(n nest, ms []*Membership, ps []*Participation) {
	for i, m := range ms {
		c.record(m, nest{outer: &n, list: "memberships", i: i})
	}
	for i, p := range ps {
		c.record(p, nest{outer: &n, list: "participations", i: i})
	}
}

func (c *checker) source(s *Source, n nest) {
	if err := s.missingError(); err != nil {
		c.fail(n, "", s.Pos(), "missing-field", err)
	}
	c.date(&s.Origin, n, "published", s.Published.Check())
	c.date(&s.Origin, n, "retrieved", s.Retrieved.Check())
}

// date reports err, what Check returned for the Date or Interval under
// key. (Taking the error rather than the value as an interface keeps
// the valid path free of allocations.)
func (c *checker) date(o *Origin, n nest, key string, err error) {
	if err != nil {
		c.fail(n, key, o.ValuePos(key), dateCode(err), err)
	}
}

func dateCode(err error) string {
	switch {
	case errors.Is(err, ErrReversedInterval):
		return "reversed-interval"
	case errors.Is(err, ErrUnsupportedDate):
		return "unsupported-date"
	}
	return "bad-date"
}

// quantity checks the quantity under key of the value at o; its parts
// were written either as a number or as {value, unit, qualifier, as_of}.
// Its value and its date are checked apart, so that both are reported.
func (c *checker) quantity(o *Origin, n nest, key string, q Quantity) {
	if err := q.valueError(); err != nil {
		c.quantityFail(o, n, key, key, err)
	}
	if err := q.AsOf.Check(); err != nil {
		c.quantityFail(o, n, key, key, err)
	}
}

func (c *checker) namedQuantity(q *NamedQuantity, n nest) {
	if q.Value == "" {
		c.fail(n, "", q.Pos(), "missing-field", q.Check())
	} else if err := q.valueError(); err != nil {
		c.quantityFail(&q.Origin, n, "", "quantity", err)
	}
	if err := q.AsOf.Check(); err != nil {
		c.quantityFail(&q.Origin, n, "", "quantity", err)
	}
}

// quantityFail reports err of the quantity under key ("" when the
// quantity's parts are keys of o itself, as in a project's quantities),
// named name in messages.
func (c *checker) quantityFail(o *Origin, n nest, key, name string, err error) {
	part := func(sub string) (string, Pos) {
		if key == "" {
			return sub, o.ValuePos(sub)
		}
		if full := key + "." + sub; o.Has(full) {
			return full, o.ValuePos(full)
		} else if sub != "value" {
			return full, o.ValuePos(key)
		}
		return key, o.ValuePos(key) // a quantity written as a number, or built in code
	}
	var de *DateError
	if errors.As(err, &de) {
		field, pos := part("as_of")
		c.fail(n, field, pos, dateCode(err), err)
		return
	}
	ve := err.(*ValueError)
	code := "bad-quantity"
	field, pos := part("value")
	switch {
	case ve.Missing:
		code = "missing-field"
		field, pos = key, o.ValuePos(key)
		if key == "" {
			pos = o.Pos()
		}
	case ve.Name == "qualifier":
		field, pos = part("qualifier")
		name += ".qualifier"
	}
	ve.Name = name
	c.fail(n, field, pos, code, ve)
}

func (c *checker) role(o *Origin, n nest, r Role) {
	if err := r.Check(); err != nil {
		c.fail(n, "role", o.ValuePos("role"), "bad-value", err)
	}
}
