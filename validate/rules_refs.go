package validate

import (
	"strconv"

	"github.com/civicnet/civicnet/model"
)

// want says what kind of record a reference may point to.
type want uint8

const (
	// wantAgent: something that can act, belong and take part.
	wantAgent want = iota + 1
	// wantOrganization: what can have members or units: an organisation,
	// a region, or a collaboration project.
	wantOrganization
	// wantFunder: an organisation or a region.
	wantFunder
	wantPlace
	wantEvent
	wantSeries
	wantProject
)

// short is the expected kind in a summary; long, in the detail.
func (w want) short() string {
	switch w {
	case wantAgent:
		return "an organization or a person"
	case wantOrganization, wantFunder:
		return "an organization"
	case wantPlace:
		return "a place"
	case wantEvent:
		return "an event"
	case wantSeries:
		return "an event series"
	}
	return "a project"
}

func (w want) long() string {
	switch w {
	case wantAgent:
		return "an organization, a region, a person, or a project of type project, programme or initiative"
	case wantOrganization:
		return "an organization, a region, or a project of type project, programme or initiative"
	case wantFunder:
		return "an organization or a region"
	case wantPlace:
		return "a place"
	case wantEvent:
		return "an event"
	case wantSeries:
		return "an event of type event-series"
	}
	return "a project"
}

func (w want) accepts(r model.Record) bool {
	switch r := r.(type) {
	case *model.Organization, *model.Region:
		return w == wantAgent || w == wantOrganization || w == wantFunder
	case *model.Person:
		return w == wantAgent
	case *model.Project:
		return w == wantProject || (r.IsCollaboration() && (w == wantAgent || w == wantOrganization))
	case *model.Place:
		return w == wantPlace
	case *model.Event:
		return w == wantEvent || (w == wantSeries && r.Type == "event-series")
	}
	return false
}

// article names what a record is, for "refers to a person".
func article(r model.Record) string {
	switch r := r.(type) {
	case *model.Organization:
		return "an organization"
	case *model.Region:
		return "a region"
	case *model.Person:
		return "a person"
	case *model.Project:
		if r.Type != "" {
			return "a project of type " + r.Type
		}
		return "a project"
	case *model.Event:
		if r.Type != "" {
			return "an event of type " + r.Type
		}
		return "an event"
	case *model.Place:
		return "a place"
	case *model.Membership:
		return "a membership"
	case *model.Participation:
		return "a participation"
	}
	return "a record"
}

// ref is one reference to check: the field as written in records
// ("sub_organization_of"), the id, what it may point to, and where it is:
// the value of field in origin, or item item of that list when item >= 0.
// The position is looked up only when there is something to report.
type ref struct {
	field  string
	id     string
	w      want
	origin obj
	item   int
}

func (f *ref) pos() at {
	if f.item >= 0 {
		return f.origin.item(f.field, f.item)
	}
	return f.origin.value(f.field)
}

// checkRef reports a reference to no record (dangling-ref, with a
// did-you-mean over all ids) or to a record of the wrong kind
// (wrong-ref-kind, with the referenced record as related position).
func (p *pass) checkRef(f ref) {
	if f.id == "" {
		return
	}
	target := p.ds.Lookup(f.id)
	if target == nil {
		if p.deferDangling {
			p.dangling = append(p.dangling, dangling{p.seq, p.cur, f})
			return
		}
		p.reportDangling(f)
		return
	}
	if f.w.accepts(target) {
		return
	}
	p.report(Error, "wrong-ref-kind", f.pos(),
		f.field+" "+quote(f.id)+" refers to "+article(target)+", expected "+f.w.short(),
		f.field+" must be "+f.w.long(),
		target.Base().ValuePos("id"))
}

// dangling is a reference to no record, found by a chunk's pass in
// record seq-1 (rec).
type dangling struct {
	seq int
	rec model.Record
	f   ref
}

// reportDangling reports a reference to no record, with the closest id.
func (p *pass) reportDangling(f ref) {
	detail := "correct the id, or add a record with id " + quote(f.id)
	if s := p.suggestID(f.id); s != "" {
		detail = "did you mean " + strconv.Quote(s) + "?"
	}
	summary := f.field + ": no record has id " + quote(f.id)
	if f.w == wantEvent && f.field == "event" {
		summary = "participation in event " + quote(f.id) + ", which does not exist"
	}
	p.report(Error, "dangling-ref", f.pos(), summary, detail)
}

// checkReferences checks every reference between records: that the id
// exists (dangling-ref) and names a record of a fitting kind
// (wrong-ref-kind). References implied by nesting (the member of a
// membership written under it) always exist but are still checked for
// their kind: an infrastructure project cannot hold members.
func checkReferences(p *pass, r model.Record) {
	switch r := r.(type) {
	case *model.Region:
		p.checkOrganizationRefs(&r.Organization)
		p.checkRef(ref{"capital", r.Capital, wantPlace, own(&r.Origin), -1})
	case *model.Organization:
		p.checkOrganizationRefs(r)
	case *model.Project:
		p.checkRef(ref{"operated_by", r.OperatedBy, wantAgent, own(&r.Origin), -1})
		for i, f := range r.Funding {
			p.checkRef(ref{"funder", f.Funder, wantFunder, in(&f.Origin, "funding", i), -1})
		}
	case *model.Person:
		for i, id := range r.Affiliations {
			p.checkRef(ref{"affiliations", id, wantOrganization, own(&r.Origin), i})
		}
		for i, post := range r.Posts {
			p.checkRef(ref{"organization", post.Organization, wantOrganization, in(&post.Origin, "posts", i), -1})
		}
	case *model.Event:
		p.checkRef(ref{"series", r.Series, wantSeries, own(&r.Origin), -1})
		p.checkRef(ref{"part_of", r.PartOf, wantEvent, own(&r.Origin), -1})
		p.checkRef(ref{"project", r.Project, wantProject, own(&r.Origin), -1})
		if l := r.Location; l != nil {
			p.checkRef(ref{"place", l.Place, wantPlace, in(&l.Origin, "location", -1), -1})
		}
		for i, id := range r.Organizers {
			p.checkRef(ref{"organizers", id, wantAgent, own(&r.Origin), i})
		}
	case *model.Legislation:
		p.checkRef(ref{"passed_by", r.PassedBy, wantOrganization, own(&r.Origin), -1})
		p.checkRef(ref{"project", r.Project, wantProject, own(&r.Origin), -1})
	case *model.Place:
		// Inline places and heritage sites are contained in what
		// the loader made them part of (a heritage site in its
		// region's territory).
		if !r.Generated && !p.isHeritageSite(r) {
			p.checkRef(ref{"contained_in", r.ContainedIn, wantPlace, own(&r.Origin), -1})
		}
	case *model.Membership:
		p.checkRef(ref{"member", r.Member, wantAgent, own(&r.Origin), -1})
		p.checkRef(ref{"organization", r.Organization, wantOrganization, own(&r.Origin), -1})
	case *model.Participation:
		if isOrganizerSugar(r) {
			return // checked as the event's organizers
		}
		p.checkRef(ref{"agent", r.Agent, wantAgent, own(&r.Origin), -1})
		p.checkRef(ref{"event", r.Event, wantEvent, own(&r.Origin), -1})
	}
}

func (p *pass) checkOrganizationRefs(o *model.Organization) {
	p.checkRef(ref{"unit_of", o.UnitOf, wantOrganization, own(&o.Origin), -1})
	p.checkRef(ref{"sub_organization_of", o.SubOrganizationOf, wantOrganization, own(&o.Origin), -1})
	p.checkRef(ref{"place", o.Place, wantPlace, own(&o.Origin), -1})
}

// isOrganizerSugar reports whether a participation was made by the loader
// from an event's organizers list. It carries the event's origin, whose
// keys include "organizers", which no participation can have.
func isOrganizerSugar(pt *model.Participation) bool {
	return pt.Role.Slug == "organizer" && pt.Nested && pt.Generated && pt.Origin.Has("organizers")
}

// isLocationPlace reports whether r is a place the loader made from an
// event's location (a venue, city or country). It carries the location's
// origin, which has no name key; an inline capital or heritage site was
// written as a mapping with a name.
func isLocationPlace(r model.Record) bool {
	pl, ok := r.(*model.Place)
	return ok && pl.Generated && !pl.Has("name")
}

// checkSourcePublishers checks the publisher of every source of a record
// (and checkDatasetInfo the dataset's). A publisher is a record id or a
// name (SPEC 2.8). When it is an id of a record, that record must be an
// agent (wrong-ref-kind). When it matches no record but is written like
// an id (a lower-case slug), it is most likely a mistyped id: a warning
// (unresolved-publisher) with a did-you-mean, since a name such as
// "istat" is still possible.
func checkSourcePublishers(p *pass, r model.Record) {
	for i, s := range r.Base().Sources {
		if s.Publisher != "" {
			p.checkPublisher(s.Publisher, in(&s.Origin, "sources", i))
		}
	}
}

func (p *pass) checkPublisher(pub string, o obj) {
	if p.ds.Lookup(pub) != nil {
		p.checkRef(ref{"publisher", pub, wantAgent, o, -1})
		return
	}
	if !model.IsSlug(pub) {
		return
	}
	detail := "write the publisher's name as people read it, or the id of its record"
	if s := p.suggestID(pub); s != "" {
		detail = "did you mean " + strconv.Quote(s) + "? Otherwise " + detail
	}
	p.warnf("unresolved-publisher", o.value("publisher"), detail, "publisher %s looks like an id, but no record has it", quote(pub))
}

// isHeritageSite reports whether r is a place the loader made from a
// region's heritage_sites.
func (p *pass) isHeritageSite(r model.Record) bool {
	pl, ok := r.(*model.Place)
	return ok && pl.Type == "heritage-site" && p.heritage[pl.Pos()]
}

// heritageSites returns the positions of regions' heritage sites, which
// the loader made place records of.
func heritageSites(ds *model.Dataset) map[model.Pos]bool {
	sites := make(map[model.Pos]bool)
	for _, r := range ds.Records {
		if reg, ok := r.(*model.Region); ok {
			for _, h := range reg.HeritageSites {
				sites[h.Pos()] = true
			}
		}
	}
	return sites
}
