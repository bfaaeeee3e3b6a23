package rdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/model"
)

func (e *emitter) record(i int32, r model.Record) {
	switch r := r.(type) {
	case *model.Region:
		e.organization(i, &r.Organization, true)
		e.region(i, r)
	case *model.Organization:
		e.organization(i, r, false)
	case *model.Person:
		e.a(mainNode, FOAF.Person)
		e.a(mainNode, Schema.Person)
		e.common(&r.Common)
		e.add(mainNode, FOAF.GivenName, e.str(r.GivenName))
		e.add(mainNode, FOAF.FamilyName, e.str(r.FamilyName))
		for _, id := range r.Affiliations {
			e.add(mainNode, Schema.Affiliation, e.refOrNil(id))
		}
		e.posts(i, r.Posts)
		e.memberLinks(i)
	case *model.Project:
		e.project(i, r)
	case *model.Event:
		e.event(i, r)
	case *model.Place:
		e.place(i, r)
	case *model.Membership:
		e.a(mainNode, ORG.Membership)
		e.common(&r.Common)
		e.add(mainNode, ORG.Member, e.refOrNil(r.Member))
		e.add(mainNode, ORG.OrganizationProp, e.refOrNil(r.Organization))
		e.add(mainNode, ORG.RoleProp, e.roleRef(r.Role))
		e.interval(mainNode, ORG.MemberDuring, r.During)
	case *model.Legislation:
		// A law is the record (schema:Legislation), not the event of its
		// adoption: the body that passed it is its legislationPassedBy.
		e.a(mainNode, Schema.Legislation)
		e.common(&r.Common)
		e.add(mainNode, Schema.LegislationDate, dateLiteral(r.Date))
		e.add(mainNode, Schema.LegislationPassedBy, e.refOrNil(r.PassedBy))
		e.add(mainNode, Schema.LegislationIdentifier, e.str(r.Identifier))
		e.add(mainNode, Civic.ProjectProp, e.refOrNil(r.Project))
	case *model.Participation:
		e.a(mainNode, Civic.Participation)
		e.common(&r.Common)
		e.add(mainNode, Civic.Agent, e.refOrNil(r.Agent))
		e.add(mainNode, Civic.Event, e.refOrNil(r.Event))
		e.add(mainNode, Civic.Role, e.roleRef(r.Role))
	}
}

// ORG gives org:unitOf the range org:FormalOrganization, so unitOf and
// hasUnit link a unit to an organisation that is not itself a unit,
// which is then typed org:FormalOrganization; a unit of a unit, and a
// unit of a project, are linked by org:subOrganizationOf only
// (docs/vocabulary.md).
func (e *emitter) organization(i int32, o *model.Organization, region bool) {
	m := e.m
	e.a(mainNode, ORG.Organization)
	if region {
		e.a(mainNode, Schema.GovernmentOrganization)
		e.a(mainNode, Civic.Region)
	} else {
		e.a(mainNode, Schema.Organization)
	}
	e.common(&o.Common)
	e.add(mainNode, ORG.Classification, e.typeRef(SchemeOrganizationTypes, o.Type))
	e.add(mainNode, DCTerms.Spatial, e.m.country(o.Country))
	if o.Place != "" {
		e.add(mainNode, Schema.Location, m.placeRef(o.Place))
	}
	if o.UnitOf != "" {
		if parent := model.OrganizationOf(m.lookup(o.UnitOf)); parent != nil {
			e.a(mainNode, ORG.OrganizationalUnit)
			if parent.UnitOf == "" {
				e.add(mainNode, ORG.UnitOf, m.ref(o.UnitOf))
			}
		}
		e.add(mainNode, ORG.SubOrganizationOf, m.ref(o.UnitOf))
	}
	if o.SubOrganizationOf != "" {
		e.add(mainNode, ORG.SubOrganizationOf, m.ref(o.SubOrganizationOf))
	}
	for _, l := range m.in.of(i) {
		child := m.ds.Records[l.from]
		switch l.kind {
		case linkUnitOf:
			if model.OrganizationOf(child) != nil && o.UnitOf == "" {
				e.a(mainNode, ORG.FormalOrganization)
				e.add(mainNode, ORG.HasUnit, m.recordObj(l.from))
			}
			e.add(mainNode, ORG.HasSubOrganization, m.recordObj(l.from))
		case linkSubOrganization:
			e.add(mainNode, ORG.HasSubOrganization, m.recordObj(l.from))
		}
	}
	e.memberLinks(i)
}

// posts writes a person's posts (W3C ORG): <person> org:holds
// <#post-{org}-{role}>, the post a org:Post with org:postIn, org:role,
// org:heldBy and its period; the head of an organisation is also
// org:headOf it. Fragments derive from the organisation and role, with a
// content hash when two posts share both.
func (e *emitter) posts(i int32, posts []*model.Post) {
	keys := make([]string, len(posts))
	contents := make([]string, len(posts))
	for k, p := range posts {
		keys[k] = escapeSegment(p.Organization)
		if slug := RoleSlug(p.Role); slug != "" {
			keys[k] += "-" + slug
		}
		contents[k] = strings.Join([]string{p.Organization, p.Role.Slug, p.Role.Label, strconv.FormatBool(p.Head), p.During.String()}, "\x1f")
	}
	keys = disambiguate(keys, contents)
	for k, p := range posts {
		frag := "post-" + keys[k]
		n := e.hash(frag)
		e.add(mainNode, ORG.Holds, e.ref(n))
		e.a(n, ORG.Post)
		e.add(n, ORG.PostIn, e.refOrNil(p.Organization))
		e.add(n, ORG.RoleProp, e.roleRef(p.Role))
		e.add(n, ORG.HeldBy, e.m.recordObj(i))
		e.intervalAt(n, frag+"-", Time.HasTime, p.During)
		if p.Head && p.Organization != "" {
			e.add(mainNode, ORG.HeadOf, e.m.ref(p.Organization))
		}
	}
}

// hasMembers reports whether some membership has record i as its
// organisation.
func (m *Mapper) hasMembers(i int32) bool {
	for _, l := range m.in.of(i) {
		if l.kind == linkMembershipOrg {
			return true
		}
	}
	return false
}

// memberLinks writes the membership shortcuts of an agent or
// organisation: org:memberOf where it is a member, org:hasMember where
// it has members.
func (e *emitter) memberLinks(i int32) {
	m := e.m
	for _, l := range m.in.of(i) {
		ms, ok := m.ds.Records[l.from].(*model.Membership)
		if !ok {
			continue
		}
		switch {
		case l.kind == linkMembershipOrg && ms.Member != "":
			e.add(mainNode, ORG.HasMember, m.ref(ms.Member))
		case l.kind == linkMembershipMember && ms.Organization != "":
			e.add(mainNode, ORG.MemberOf, m.ref(ms.Organization))
		}
	}
}

func (e *emitter) region(i int32, r *model.Region) {
	m := e.m
	t := e.hash("territory")
	e.add(mainNode, Schema.AreaServed, e.ref(t))
	e.a(t, Schema.AdministrativeArea)
	e.a(t, DCTerms.Location)
	e.names(t, r.Name, r.AltNames)
	e.add(t, DCTerms.Spatial, e.m.country(r.Country))
	if !r.Population.IsZero() {
		e.add(t, Civic.Population, e.ref(e.quantity("population", r.Population, false)))
	}
	if !r.AreaKm2.IsZero() {
		area := r.AreaKm2
		if area.Unit == "" {
			area.Unit = "KMK"
		}
		e.add(t, Civic.Area, e.ref(e.quantity("area", area, false)))
	}
	if r.Capital != "" {
		e.add(t, Civic.Capital, m.placeRef(r.Capital))
	}
	e.identifiers(t, "territory-", r.TerritoryIdentifiers)
	e.containsPlaces(t, i)
}

func (e *emitter) containsPlaces(n int, i int32) {
	for _, l := range e.m.in.of(i) {
		if l.kind == linkContainedIn {
			e.add(n, Schema.ContainsPlace, e.m.recordObj(l.from))
		}
	}
}

func (e *emitter) project(i int32, p *model.Project) {
	m := e.m
	e.a(mainNode, Civic.Project)
	e.a(mainNode, Schema.Project)
	// A collaboration (ORG) is a project with members: one without any is
	// a project only.
	if p.IsCollaboration() && m.hasMembers(i) {
		e.a(mainNode, ORG.OrganizationalCollaboration)
	}
	e.common(&p.Common)
	e.add(mainNode, DCTerms.Type, e.typeRef(SchemeProjectTypes, p.Type))
	if p.Acronym != "" {
		e.altName(mainNode, p.Name, model.LangString{Value: p.Acronym})
	}
	e.interval(mainNode, Time.HasTime, p.During)
	if p.OperatedBy != "" {
		e.add(mainNode, Civic.OperatedBy, m.ref(p.OperatedBy))
	}
	e.funding(p.Funding)
	e.quantities(p.Quantities)
	for _, l := range m.in.of(i) {
		if l.kind == linkUnitOf || l.kind == linkSubOrganization {
			e.add(mainNode, ORG.HasSubOrganization, m.recordObj(l.from))
		}
	}
	e.memberLinks(i)
}

func (e *emitter) funding(fs []*model.Funding) {
	keys := make([]string, len(fs))
	contents := make([]string, len(fs))
	for k, f := range fs {
		keys[k] = escapeSegment(f.Funder)
		if f.Year != 0 {
			keys[k] += "-" + strconv.Itoa(f.Year)
		}
		contents[k] = strings.Join([]string{f.Funder, f.Programme, strconv.Itoa(f.Year), f.Share,
			f.Amount.Value, f.Amount.Unit, f.Amount.Qualifier.String(), f.Amount.AsOf.String()}, "\x1f")
	}
	keys = disambiguate(keys, contents)
	for k, f := range fs {
		g := e.hash("funding-" + keys[k])
		e.add(mainNode, Schema.Funding, e.ref(g))
		if f.Funder != "" {
			e.add(mainNode, Schema.Funder, e.m.ref(f.Funder))
			e.add(g, Schema.Funder, e.m.ref(f.Funder))
		}
		if f.Amount.IsZero() {
			e.a(g, Schema.Grant)
		} else {
			e.a(g, Schema.MonetaryGrant)
			e.add(g, Schema.Amount, e.ref(e.quantity("amount-"+keys[k], f.Amount, true)))
		}
		if f.Programme != "" {
			e.add(g, Schema.Name, e.text(model.LangString{Value: f.Programme}))
		}
		if f.Year > 0 && f.Year <= 9999 {
			e.add(g, DCTerms.Date, literal(fmt.Sprintf("%04d", f.Year), XSD.GYear))
		}
		if f.Share != "" {
			e.add(g, Civic.Share, e.str(f.Share))
		}
	}
}

func (e *emitter) quantities(qs []*model.NamedQuantity) {
	keys := make([]string, len(qs))
	contents := make([]string, len(qs))
	for k, q := range qs {
		keys[k] = model.Slugify(q.Name)
		if keys[k] == "" {
			keys[k] = shortHash(q.Name)
		}
		contents[k] = strings.Join([]string{q.Name, q.Value, q.Unit, q.Qualifier.String(), q.AsOf.String()}, "\x1f")
	}
	keys = disambiguate(keys, contents)
	for k, q := range qs {
		n := e.quantity("quantity-"+keys[k], q.Quantity, false)
		e.add(mainNode, Civic.Quantity, e.ref(n))
		if q.Name != "" {
			e.add(n, Schema.Name, e.text(model.LangString{Value: q.Name}))
		}
	}
}

// disambiguate appends a hash of the content to keys shared by items of
// different content, so that fragments derive from content alone and
// never from a position in a list.
func disambiguate(keys, contents []string) []string {
	clash := make([]bool, len(keys))
	for i := range keys {
		for j := range keys {
			if i != j && keys[i] == keys[j] && contents[i] != contents[j] {
				clash[i] = true
				break
			}
		}
	}
	for i := range keys {
		if clash[i] {
			keys[i] += "-" + shortHash(contents[i])
		}
	}
	return keys
}

func (e *emitter) event(i int32, ev *model.Event) {
	m := e.m
	if ev.Type == "event-series" {
		e.a(mainNode, Schema.EventSeries)
	} else {
		e.a(mainNode, Schema.Event)
	}
	e.common(&ev.Common)
	e.add(mainNode, DCTerms.Type, e.typeRef(SchemeEventTypes, ev.Type))
	e.interval(mainNode, Time.HasTime, ev.Date)
	d := ev.Date
	if d.StartBound == model.BoundDate && d.EndBound == model.BoundDate &&
		d.Start.Precision == model.PrecisionDay && d.End.Precision == model.PrecisionDay {
		e.add(mainNode, Schema.StartDate, literal(d.Start.ISO(), XSD.Date))
		e.add(mainNode, Schema.EndDate, literal(d.End.ISO(), XSD.Date))
	}
	if ev.Place != "" {
		e.add(mainNode, Schema.Location, m.placeRef(ev.Place))
	}
	if ev.Series != "" {
		// An edition is a sub-event of its series, as a part of an event
		// is of the event: civic:editionOf tells the two apart.
		e.add(mainNode, Schema.SuperEvent, m.ref(ev.Series))
		e.add(mainNode, Civic.EditionOf, m.ref(ev.Series))
	}
	if ev.PartOf != "" {
		e.add(mainNode, Schema.SuperEvent, m.ref(ev.PartOf))
	}
	if ev.Edition != 0 {
		e.add(mainNode, Civic.Edition, literal(strconv.Itoa(ev.Edition), XSD.Integer))
	}
	if ev.Project != "" {
		e.add(mainNode, Civic.ProjectProp, m.ref(ev.Project))
	}
	if !ev.ParticipantCount.IsZero() {
		e.add(mainNode, Civic.ParticipantCount, e.ref(e.quantity("participant-count", ev.ParticipantCount, false)))
	}
	for _, g := range ev.ParticipantGroups {
		e.add(mainNode, Civic.ParticipantGroup, e.text(model.LangString{Value: g}))
	}
	for _, l := range m.in.of(i) {
		switch l.kind {
		case linkSeries, linkPartOf:
			e.add(mainNode, Schema.SubEvent, m.recordObj(l.from))
		case linkParticipation:
			p, ok := m.ds.Records[l.from].(*model.Participation)
			if !ok || p.Agent == "" {
				continue
			}
			if sp := participationShortcut(p.Role.Slug); sp != nil {
				e.add(mainNode, sp, m.ref(p.Agent))
			}
		}
	}
}

// participationShortcut returns the schema.org property that links an
// event directly to an agent taking part in the given role, or nil.
func participationShortcut(role string) *Term {
	switch role {
	case "organizer", "co-organizer", "host":
		return Schema.Organizer
	case "attendee":
		return Schema.Attendee
	case "speaker", "expert", "moderator":
		return Schema.Performer
	case "funder":
		return Schema.Funder
	}
	return nil
}

func (e *emitter) place(i int32, p *model.Place) {
	m := e.m
	e.a(mainNode, Schema.Place)
	switch p.Type {
	case "city":
		e.a(mainNode, Schema.City)
	case "country":
		e.a(mainNode, Schema.Country)
	case "heritage-site":
		e.a(mainNode, Schema.LandmarksOrHistoricalBuildings)
	case "area", "region", "administrative-area":
		e.a(mainNode, Schema.AdministrativeArea)
	}
	e.common(&p.Common)
	e.add(mainNode, DCTerms.Spatial, e.m.country(p.Country))
	if c := m.container(p); c != "" {
		e.add(mainNode, Schema.ContainedInPlace, m.placeRef(c))
	}
	if p.Type == "country" {
		// The country as a place of the records and as the EU authority
		// IRI that dcterms:spatial points to are one country.
		e.add(mainNode, Schema.SameAs, e.m.country(p.Country))
	}
	if p.Address != "" {
		a := e.hash("address")
		e.add(mainNode, Schema.Address, e.ref(a))
		e.a(a, Schema.PostalAddress)
		e.add(a, Schema.StreetAddress, e.str(p.Address))
		if city := m.city(p); city != nil {
			e.add(a, Schema.AddressLocality, e.name(city.Name[0]))
		}
		if p.Country != "" {
			e.add(a, Schema.AddressCountry, e.str(p.Country))
		}
	}
	if p.Inscribed > 0 && p.Inscribed <= 9999 {
		e.add(mainNode, Civic.UnescoInscribed, literal(fmt.Sprintf("%04d", p.Inscribed), XSD.GYear))
	}
	e.containsPlaces(mainNode, i)
}

// city returns the nearest named city p lies in, for its address.
func (m *Mapper) city(p *model.Place) *model.Place {
	for range 32 { // bounded: contained_in may loop in unvalidated data
		c, ok := m.lookup(p.ContainedIn).(*model.Place)
		if !ok {
			return nil
		}
		if c.Type == "city" && len(c.Name) > 0 {
			return c
		}
		p = c
	}
	return nil
}

// common writes the fields every kind shares (SPEC 4.2, "names" and
// "common").
func (m *Mapper) noteCountry(code string) {
	if _, ok := m.countries[code]; !ok && code != "" {
		m.countries[code] = CountryIRI(code)
	}
}

// country returns the EU country authority IRI of an ISO 3166-1
// alpha-2 code, or nothing for an unknown code.
func (m *Mapper) country(code string) obj {
	iri, ok := m.countries[code]
	if !ok {
		iri = CountryIRI(code)
	}
	if iri == "" {
		return obj{}
	}
	return iriObj(iri)
}
