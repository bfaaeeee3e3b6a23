package validate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// checkText reports control characters other than tab, CR and LF in any
// text of a record (control-character): names, alt names, descriptions,
// topics, sources, and every other free-text field (checkDatasetInfo
// checks the dataset's). The loader reports NUL bytes itself, for the
// whole file. Ids, types, codes and URLs have rules of their own.
func checkText(p *pass, r model.Record) {
	c := r.Base()
	if isLocationPlace(r) {
		return // its name is a location's text, checked there
	}
	o := own(&c.Origin)
	p.checkTextField(o, "name", -1, c.Name)
	for i, alt := range c.AltNames {
		p.checkTextField(o, "alt_names", i, alt)
	}
	p.checkTextField(o, "description", -1, c.Description)
	p.checkList(o, "topics", c.Topics)
	for _, id := range c.Identifiers {
		if r, bad := controlChar(id.Value); bad {
			p.reportControl(o.value("identifiers."+id.Scheme), "identifiers."+id.Scheme, r)
		}
	}
	for i, s := range c.Sources {
		p.checkString(in(&s.Origin, "sources", i), "title", s.Title)
		p.checkString(in(&s.Origin, "sources", i), "publisher", s.Publisher)
	}
	switch r := r.(type) {
	case *model.Person:
		p.checkString(o, "given_name", r.GivenName)
		p.checkString(o, "family_name", r.FamilyName)
	case *model.Project:
		p.checkString(o, "acronym", r.Acronym)
		for i, f := range r.Funding {
			p.checkString(in(&f.Origin, "funding", i), "programme", f.Programme)
		}
		for i, q := range r.Quantities {
			p.checkString(in(&q.Origin, "quantities", i), "name", q.Name)
			p.checkString(in(&q.Origin, "quantities", i), "unit", q.Unit)
		}
	case *model.Event:
		p.checkList(o, "participant_groups", r.ParticipantGroups)
		if l := r.Location; l != nil {
			p.checkString(in(&l.Origin, "location", -1), "venue", l.Venue)
			p.checkString(in(&l.Origin, "location", -1), "city", l.City)
		}
	case *model.Place:
		p.checkString(o, "address", r.Address)
	case *model.Membership:
		p.checkString(o, "role", r.Role.Label)
	case *model.Participation:
		if !isOrganizerSugar(r) {
			p.checkString(o, "role", r.Role.Label)
		}
	}
}

// checkTextField checks a text, plain or multilingual, or item i of a
// list of texts when i >= 0; a translation's position is that of its
// "field.lang" key.
func (p *pass) checkTextField(o obj, field string, i int, t model.Text) {
	for _, ls := range t {
		if r, bad := controlChar(ls.Value); bad {
			name := field
			if i >= 0 {
				name += "[" + strconv.Itoa(i) + "]"
			}
			if ls.Lang != "" {
				name += "." + ls.Lang
			}
			p.reportControl(o.value(name), name, r)
		}
	}
}

func (p *pass) checkString(o obj, field, s string) {
	if r, bad := controlChar(s); bad {
		p.reportControl(o.value(field), field, r)
	}
}

func (p *pass) checkList(o obj, field string, items []string) {
	for i, s := range items {
		if r, bad := controlChar(s); bad {
			p.reportControl(o.item(field, i), field+" item", r)
		}
	}
}

func (p *pass) reportControl(pos at, field string, r rune) {
	p.errorf("control-character", pos,
		"remove it; text may hold tabs and line breaks but no other control characters (in YAML, check escapes such as \\a or \\x07)",
		"%s contains the control character %s", field, fmt.Sprintf("U+%04X", r))
}

// checkItems reports a | in an item of a multi-valued text field
// (pipe-in-item): alt_names, topics, participant_groups (and, in
// checkDatasetInfo, the dataset's keywords). CSV export joins items with |, so an item holding one would
// read back as two.
func checkItems(p *pass, r model.Record) {
	c := r.Base()
	for i, alt := range c.AltNames {
		for _, ls := range alt {
			if strings.IndexByte(ls.Value, '|') < 0 {
				continue
			}
			pos := own(&c.Origin).item("alt_names", i)
			if ls.Lang != "" {
				pos = own(&c.Origin).value("alt_names[" + strconv.Itoa(i) + "]." + ls.Lang)
			}
			p.reportPipe(pos, "alt_names", ls.Value)
		}
	}
	p.checkPipes(own(&c.Origin), "topics", c.Topics)
	if e, ok := r.(*model.Event); ok {
		p.checkPipes(own(&e.Origin), "participant_groups", e.ParticipantGroups)
	}
}

func (p *pass) checkPipes(o obj, field string, items []string) {
	for i, s := range items {
		if strings.IndexByte(s, '|') >= 0 {
			p.reportPipe(o.item(field, i), field, s)
		}
	}
}

func (p *pass) reportPipe(pos at, field, item string) {
	p.errorf("pipe-in-item", pos,
		"| separates the items of a CSV cell; write separate items, or use / or a comma instead",
		"%s item %s contains |", field, quote(item))
}
