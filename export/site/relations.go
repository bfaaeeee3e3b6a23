package site

import (
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
)

// relations are the reverse indexes of the records that the pages need
// to link both ways, built once: for each record id, the records that
// point at it, by the field that does.
type relations struct {
	memberships    map[string][]int32 // member → its memberships
	members        map[string][]int32 // organisation → memberships in it
	participations map[string][]int32 // agent → its participations
	participants   map[string][]int32 // event → participations in it
	units          map[string][]int32 // organisation → its units
	subOrgs        map[string][]int32 // organisation → its sub-organisations
	editions       map[string][]int32 // event series → its editions
	projectEvents  map[string][]int32 // project → its events
	eventsAt       map[string][]int32 // place → events held there
	seats          map[string][]int32 // place → organisations seated there
	capitalOf      map[string][]int32 // place → regions whose capital it is
	contains       map[string][]int32 // place or region → places in it
	funds          map[string][]int32 // funder → projects it funds
	operates       map[string][]int32 // operator → projects it operates
	cites          map[string][]int32 // source id → records citing it
	sources        map[string]*model.Source
	uses           map[string][]int32 // concept IRI → records using it
	staff          map[string][]int32 // organisation → people holding a post in it
	affiliated     map[string][]int32 // organisation → people affiliated with it
	parts          map[string][]int32 // event → events part of it
	laws           map[string][]int32 // body → legislation it passed
}

func newRelations(m *rdf.Mapper) *relations {
	ds := m.Dataset()
	r := &relations{
		memberships: map[string][]int32{}, members: map[string][]int32{},
		participations: map[string][]int32{}, participants: map[string][]int32{},
		units: map[string][]int32{}, subOrgs: map[string][]int32{},
		editions: map[string][]int32{}, projectEvents: map[string][]int32{},
		eventsAt: map[string][]int32{}, seats: map[string][]int32{},
		capitalOf: map[string][]int32{}, contains: map[string][]int32{},
		funds: map[string][]int32{}, operates: map[string][]int32{},
		cites: map[string][]int32{}, sources: map[string]*model.Source{},
		uses: map[string][]int32{}, staff: map[string][]int32{}, affiliated: map[string][]int32{},
		parts: map[string][]int32{}, laws: map[string][]int32{},
	}
	add := func(idx map[string][]int32, key string, i int) {
		if key != "" {
			idx[key] = append(idx[key], int32(i))
		}
	}
	use := func(s rdf.Scheme, text string, i int) {
		if text != "" {
			add(r.uses, m.ConceptIRI(s, text), i)
		}
	}
	for i, rec := range ds.Records {
		c := rec.Base()
		for _, t := range c.Topics {
			use(rdf.SchemeTopics, t, i)
		}
		for _, s := range c.Sources {
			if s == nil || s.ID == "" {
				continue
			}
			if _, ok := r.sources[s.ID]; !ok {
				r.sources[s.ID] = s
			}
			if l := r.cites[s.ID]; len(l) == 0 || l[len(l)-1] != int32(i) {
				add(r.cites, s.ID, i)
			}
		}
		if o := model.OrganizationOf(rec); o != nil {
			use(rdf.SchemeOrganizationTypes, o.Type, i)
			add(r.units, o.UnitOf, i)
			add(r.subOrgs, o.SubOrganizationOf, i)
			add(r.seats, o.Place, i)
		}
		switch rec := rec.(type) {
		case *model.Region:
			add(r.capitalOf, rec.Capital, i)
		case *model.Project:
			use(rdf.SchemeProjectTypes, rec.Type, i)
			for _, f := range rec.Funding {
				if l := r.funds[f.Funder]; len(l) == 0 || l[len(l)-1] != int32(i) {
					add(r.funds, f.Funder, i)
				}
			}
			add(r.operates, rec.OperatedBy, i)
		case *model.Person:
			for _, post := range rec.Posts {
				if l := r.staff[post.Organization]; len(l) == 0 || l[len(l)-1] != int32(i) {
					add(r.staff, post.Organization, i)
				}
				add(r.uses, m.RoleIRI(post.Role), i)
			}
			for _, a := range rec.Affiliations {
				add(r.affiliated, a, i)
			}
		case *model.Legislation:
			add(r.laws, rec.PassedBy, i)
			add(r.projectEvents, rec.Project, i)
		case *model.Event:
			use(rdf.SchemeEventTypes, rec.Type, i)
			add(r.editions, rec.Series, i)
			add(r.parts, rec.PartOf, i)
			add(r.projectEvents, rec.Project, i)
			add(r.eventsAt, rec.Place, i)
		case *model.Place:
			add(r.contains, rec.ContainedIn, i)
		case *model.Membership:
			add(r.memberships, rec.Member, i)
			add(r.members, rec.Organization, i)
			add(r.uses, m.RoleIRI(rec.Role), i)
		case *model.Participation:
			add(r.participations, rec.Agent, i)
			add(r.participants, rec.Event, i)
			add(r.uses, m.RoleIRI(rec.Role), i)
		}
	}
	return r
}
