package validate

import (
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// checkRequiredFields reports records without their required fields
// (missing-field): an id and a name on every kind but membership and
// participation; member and organization on a membership; agent and
// event on a participation; a city or place on an event's location.
// Fields the loader could not read were reported by it already.
func checkRequiredFields(p *pass, r model.Record) {
	c := r.Base()
	switch r := r.(type) {
	case *model.Membership:
		if r.Member == "" {
			p.errorf("missing-field", own(&r.Origin).value("member"),
				"add member: with the id of the organisation, region, person or project that belongs",
				"membership has no member")
		}
		if r.Organization == "" {
			p.errorf("missing-field", own(&r.Origin).value("organization"),
				"add organization: with the id of the organisation or project it belongs to",
				"membership has no organization")
		}
		return
	case *model.Participation:
		if r.Agent == "" {
			p.errorf("missing-field", own(&r.Origin).value("agent"),
				"add agent: with the id of the organisation, region, person or project that took part",
				"participation has no agent")
		}
		if r.Event == "" {
			p.errorf("missing-field", own(&r.Origin).value("event"),
				"add event: with the id of the event",
				"participation has no event")
		}
		return
	case *model.Event:
		if l := r.Location; l != nil && l.City == "" && l.Place == "" {
			p.errorf("missing-field", in(&l.Origin, "location", -1).whole(),
				"add city: with the town, or place: with the id of a place record",
				"location has neither city nor place")
		}
	}
	if c.Generated {
		return
	}
	if c.ID == "" && !p.problemAt[c.ValuePos("id")] {
		detail := "add id: with a unique slug of lower-case letters, digits and hyphens"
		if slug := model.Slugify(c.Name.Best("en")); slug != "" {
			detail += ", such as " + strconv.Quote(slug)
		}
		p.errorf("missing-field", at{c.Pos(), "id"}, detail, "%s has no id", r.Kind())
	}
	if isBlankText(c.Name) && !p.isHeritageSite(r) && !p.problemAt[c.ValuePos("name")] {
		p.errorf("missing-field", own(&c.Origin).value("name"),
			"add name: with the name as the source writes it; for several languages write {it: …, en: …}",
			"%s has no name", describeRecord(r))
	}
}

func isBlankText(t model.Text) bool {
	for _, ls := range t {
		if strings.TrimSpace(ls.Value) != "" {
			return false
		}
	}
	return true
}

// checkID reports an id that is not a slug (bad-id), with the slug it
// could be. Generated ids are always valid.
func checkID(p *pass, r model.Record) {
	c := r.Base()
	if c.Generated || c.ID == "" || model.IsSlug(c.ID) {
		return
	}
	pos := own(&c.Origin).value("id")
	if len(c.ID) > model.MaxIDLen && slugShape(c.ID) {
		p.errorf("bad-id", pos, "shorten it to at most "+strconv.Itoa(model.MaxIDLen)+" characters",
			"id %s is %d characters long", quote(c.ID), len(c.ID))
		return
	}
	detail := "ids are lower-case letters and digits in groups joined by single hyphens"
	if slug := model.Slugify(c.ID); slug != "" {
		detail = "did you mean " + strconv.Quote(slug) + "? " + detail
	}
	p.errorf("bad-id", pos, detail, "id %s is not a valid id", quote(c.ID))
}

// checkDuplicateID reports an id written on two records (duplicate-id),
// at the second with the first as related position. Ids are one namespace
// across kinds. Records with generated ids are left to the duplicate
// membership and participation rules, since the same content gives the
// same id.
func checkDuplicateID(p *pass, r model.Record) {
	c := r.Base()
	if c.ID == "" || c.Generated {
		return
	}
	if !p.isRepeat(r) {
		return
	}
	first := p.ds.Lookup(c.ID)
	p.report(Error, "duplicate-id", own(&c.Origin).value("id"), "duplicate id "+quote(c.ID),
		"ids are unique across all kinds of record; rename one of the two (the first is at the related position)",
		first.Base().ValuePos("id"))
}

// slugShape reports whether s has the form of a slug, whatever its
// length.
func slugShape(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
