package csvw

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
)

// This file holds the one description of the CSV tables (SPEC 4.3). The
// CSV writer (csv.go), the CSVW metadata (metadata.go) and the column list in
// docs/dump.md are all made from it, so a column cannot be added to one
// and forgotten in the others.

// multiSeparator joins the items of a multi-valued cell. Validation keeps
// it out of items (pipe-in-item).
const multiSeparator = "|"

// Datatypes of columns, as CSVW names them.
const (
	dtString  = "string"
	dtInteger = "integer"
	dtDecimal = "decimal"
	dtAnyURI  = "anyURI"
	dtGYear   = "gYear"
)

// csvTableSpec describes one CSV table independently of any dataset.
type csvTableSpec struct {
	name    string // "regions": the file is csv/regions.csv
	kind    model.Kind
	about   string      // what a row is, for the docs
	classes []*rdf.Term // rdf:type of every row's record, as virtual CSVW columns
	specs   []csvColumnSpec
}

// csvColumnSpec describes one column, or for a text field the family of
// columns name, name_it, name_en … that a dataset's languages give it.
type csvColumnSpec struct {
	name     string
	doc      string // one line for docs/dump.md and the CSVW dc:description
	datatype string
	id       bool // holds ids: datatype string with the id pattern
	required bool
	multi    bool      // items joined with "|" (CSVW separator)
	property *rdf.Term // propertyUrl

	// about is the aboutUrl of the column relative to the base, when its
	// triple is about a node of the record rather than the record:
	// "id/{id}#address".
	about string
	// ref makes the cells references: the valueUrl is the base plus ref
	// with {} standing for the column's own name ("id/{}", "roles/{}"),
	// or ref itself when it starts with "{" ("{+}" for a URL).
	// Only single-valued columns get one (CSVW would make one IRI of a
	// whole list cell).
	ref string
	// table names the table every reference of the column points into,
	// for a CSVW foreign key; "" when references may point to several
	// kinds.
	table string
	// suppress keeps the column out of CSVW's RDF: its value is in the
	// RDF dump in a form a URI template cannot produce.
	suppress bool
	// guarded cells are free text that a spreadsheet might run as a
	// formula; see GuardCell.
	guarded bool
	// datasetLang marks a plain text column whose strings the RDF dump
	// tags with the dataset language.
	datasetLang bool

	cells func(r model.Record, x *csvIndex) []string
	// text, when set, makes this a text family: one column per
	// language (see textColumns); cells is then unused.
	text func(r model.Record, x *csvIndex) []model.Text
}

// csvColumn is one column of a table for a given dataset.
type csvColumn struct {
	csvColumnSpec
	lang   string // CSVW lang of a text column; "" for none
	values func(r model.Record, x *csvIndex) []string
}

// csvTable is a csvTableSpec laid out for one dataset: text families expanded
// into their language columns, records of its kind sorted by id.
type csvTable struct {
	csvTableSpec
	columns []csvColumn
	records []model.Record
}

// csvIndex holds what cells need to know about other records.
type csvIndex struct {
	ds         *model.Dataset
	lang       string              // the dataset language, lower-case
	organizers map[string][]string // event id → ids of its organisers
}

// isRegion reports whether id names a region, whose territory is a place.
func (x *csvIndex) isRegion(id string) bool {
	_, ok := x.ds.Lookup(id).(*model.Region)
	return ok
}

// altNames are the alternative names of c less those equal to its name
// in the same language, which SPEC 2 drops.
func (x *csvIndex) altNames(c *model.Common) []model.Text {
	lang := func(l string) string {
		if l == "" {
			return x.lang
		}
		return strings.ToLower(l)
	}
	var out []model.Text
	for _, alt := range c.AltNames {
		var kept model.Text
		for _, a := range alt {
			if !slices.ContainsFunc(c.Name, func(n model.LangString) bool {
				return n.Value == a.Value && lang(n.Lang) == lang(a.Lang)
			}) {
				kept = append(kept, a)
			}
		}
		if len(kept) > 0 {
			out = append(out, kept)
		}
	}
	return out
}

// csvTables is the description of every table, in dump order.
var csvTables = []csvTableSpec{
	{
		name: "regions", kind: model.KindRegion,
		about:   "regional authorities together with the territory they govern",
		classes: []*rdf.Term{rdf.ORG.Organization, rdf.Schema.GovernmentOrganization, rdf.Civic.Region},
		specs: recordColumns(orgColumns(slices.Concat(
			[]csvColumnSpec{{name: "capital", doc: "id of the capital (a place)", id: true, property: rdf.Civic.Capital,
				about: "id/{id}#territory", ref: "id/{}", table: "places",
				cells: regionCells(func(r *model.Region) []string { return oneCell(r.Capital) })},
				nameOfColumn("capital_name", "capital", func(r model.Record) string { return r.(*model.Region).Capital })},
			quantityColumns("area_km2", "area in km²", "area", func(r model.Record) model.Quantity { return r.(*model.Region).AreaKm2 }),
			quantityColumns("population", "population", "population", func(r model.Record) model.Quantity { return r.(*model.Region).Population }),
			[]csvColumnSpec{{name: "territory_identifiers", doc: "identifiers of the territory, scheme:value", multi: true,
				property: rdf.Schema.Identifier, suppress: true, guarded: true,
				cells: regionCells(func(r *model.Region) []string { return identifierCells(r.TerritoryIdentifiers) })}},
		)...)...),
	},
	{
		name: "organizations", kind: model.KindOrganization,
		about:   "organisations: networks, associations, municipalities, and units of other organisations",
		classes: []*rdf.Term{rdf.ORG.Organization, rdf.Schema.Organization},
		specs:   recordColumns(orgColumns()...),
	},
	{
		name: "people", kind: model.KindPerson,
		about:   "people",
		classes: []*rdf.Term{rdf.FOAF.Person, rdf.Schema.Person},
		specs: recordColumns(
			csvColumnSpec{name: "given_name", doc: "given name", property: rdf.FOAF.GivenName, guarded: true,
				cells: personCells(func(p *model.Person) []string { return oneCell(p.GivenName) })},
			csvColumnSpec{name: "family_name", doc: "family name", property: rdf.FOAF.FamilyName, guarded: true,
				cells: personCells(func(p *model.Person) []string { return oneCell(p.FamilyName) })},
			csvColumnSpec{name: "affiliations", doc: "ids of the organisations the person works or speaks for, without a post",
				id: true, multi: true, property: rdf.Schema.Affiliation, suppress: true,
				cells: personCells(func(p *model.Person) []string { return p.Affiliations })},
			csvColumnSpec{name: "posts", doc: "posts held, organization:role, with (head) for the head of it",
				multi: true, property: rdf.ORG.Holds, suppress: true, guarded: true,
				cells: personCells(func(p *model.Person) []string {
					var out []string
					for _, post := range p.Posts {
						item := post.Organization + ":" + rdf.RoleSlug(post.Role)
						if post.Head {
							item += " (head)"
						}
						out = append(out, item)
					}
					return out
				})},
		),
	},
	{
		name: "projects", kind: model.KindProject,
		about:   "projects, programmes, initiatives and infrastructures",
		classes: []*rdf.Term{rdf.Civic.Project},
		specs: recordColumns(slices.Concat(
			[]csvColumnSpec{
				{name: "type", doc: "project type slug (project, programme, initiative, infrastructure)", id: true,
					property: rdf.DCTerms.Type, ref: rdf.SchemeProjectTypes.Path() + "/{}",
					cells: projectCells(func(p *model.Project) []string { return oneCell(rdf.ConceptSlug(p.Type)) })},
				{name: "acronym", doc: "acronym", property: rdf.SKOS.AltLabel, guarded: true, datasetLang: true,
					cells: projectCells(func(p *model.Project) []string { return oneCell(p.Acronym) })},
			},
			intervalColumns("during", "period (EDTF)", func(r model.Record) model.Interval { return r.(*model.Project).During }),
			[]csvColumnSpec{
				{name: "operated_by", doc: "id of the operator", id: true, property: rdf.Civic.OperatedBy, ref: "id/{}",
					cells: projectCells(func(p *model.Project) []string { return oneCell(p.OperatedBy) })},
				{name: "funders", doc: "ids of the funders", id: true, multi: true, property: rdf.Schema.Funder, suppress: true,
					cells: projectCells(func(p *model.Project) []string {
						var ids []string
						for _, f := range p.Funding {
							if f.Funder != "" && !slices.Contains(ids, f.Funder) {
								ids = append(ids, f.Funder)
							}
						}
						return ids
					})},
			},
		)...),
	},
	{
		name: "events", kind: model.KindEvent,
		about: "events: assemblies, conferences, meetings, adoptions of laws, and event series",
		specs: recordColumns(slices.Concat(
			[]csvColumnSpec{
				{name: "type", doc: "event type slug (general-assembly, conference, event-series …)", id: true,
					property: rdf.DCTerms.Type, ref: rdf.SchemeEventTypes.Path() + "/{}",
					cells: eventCells(func(e *model.Event) []string { return oneCell(rdf.ConceptSlug(e.Type)) })},
			},
			intervalColumns("date", "date or period (EDTF)", func(r model.Record) model.Interval { return r.(*model.Event).Date }),
			[]csvColumnSpec{
				{name: "place", doc: "id of the place: the venue, else the city", id: true, property: rdf.Schema.Location,
					ref: "id/{}", table: "places",
					cells: eventCells(func(e *model.Event) []string { return oneCell(e.Place) })},
				nameOfColumn("place_name", "place", func(r model.Record) string { return r.(*model.Event).Place }),
				{name: "series", doc: "id of the event series this is an edition of", id: true, property: rdf.Schema.SuperEvent,
					ref: "id/{}", table: "events",
					cells: eventCells(func(e *model.Event) []string { return oneCell(e.Series) })},
				{name: "part_of", doc: "id of the event this one is part of (not an edition: a round table of a workshop)", id: true,
					property: rdf.Schema.SuperEvent, ref: "id/{}", table: "events",
					cells: eventCells(func(e *model.Event) []string { return oneCell(e.PartOf) })},
				{name: "edition", doc: "edition number within the series", datatype: dtInteger, property: rdf.Civic.Edition,
					cells: eventCells(func(e *model.Event) []string { return oneCell(positiveText(e.Edition)) })},
				{name: "project", doc: "id of the project the event belongs to", id: true, property: rdf.Civic.ProjectProp,
					ref: "id/{}", table: "projects",
					cells: eventCells(func(e *model.Event) []string { return oneCell(e.Project) })},
				{name: "organizers", doc: "ids of the organisers (participations with role organizer)", id: true, multi: true,
					property: rdf.Schema.Organizer, suppress: true,
					cells: func(r model.Record, x *csvIndex) []string { return x.organizers[r.Base().ID] }},
			},
			quantityColumns("participant_count", "number of participants", "participant-count", func(r model.Record) model.Quantity { return r.(*model.Event).ParticipantCount }),
			[]csvColumnSpec{
				{name: "participant_groups", doc: "groups of participants, as text", multi: true,
					property: rdf.Civic.ParticipantGroup, guarded: true, datasetLang: true,
					cells: eventCells(func(e *model.Event) []string { return e.ParticipantGroups })},
			},
		)...),
	},
	{
		name: "places", kind: model.KindPlace,
		about:   "places: countries, cities, venues, heritage sites and areas, including those written inline",
		classes: []*rdf.Term{rdf.Schema.Place},
		specs: recordColumns(
			csvColumnSpec{name: "type", doc: "place type slug (city, venue, country, heritage-site, area …)", id: true,
				property: rdf.RDF.Type, suppress: true,
				cells: placeCells(func(p *model.Place) []string { return oneCell(rdf.ConceptSlug(p.Type)) })},
			csvColumnSpec{name: "country", doc: "ISO 3166-1 alpha-2 country code", property: rdf.DCTerms.Spatial, suppress: true,
				cells: placeCells(func(p *model.Place) []string { return oneCell(p.Country) })},
			csvColumnSpec{name: "contained_in", doc: "id of the place this one lies in", id: true,
				property: rdf.Schema.ContainedInPlace, ref: "id/{}", table: "places",
				cells: func(r model.Record, x *csvIndex) []string {
					if c := r.(*model.Place).ContainedIn; !x.isRegion(c) {
						return oneCell(c)
					}
					return nil
				}},
			nameOfColumn("contained_in_name", "contained_in", func(r model.Record) string { return r.(*model.Place).ContainedIn }),
			csvColumnSpec{name: "territory_of", doc: "id of the region whose territory the place lies in (heritage sites)", id: true,
				property: rdf.Schema.ContainedInPlace, ref: "id/{}#territory", table: "regions",
				cells: func(r model.Record, x *csvIndex) []string {
					if c := r.(*model.Place).ContainedIn; x.isRegion(c) {
						return oneCell(c)
					}
					return nil
				}},
			csvColumnSpec{name: "address", doc: "street address", property: rdf.Schema.StreetAddress, about: "id/{id}#address",
				guarded: true,
				cells:   placeCells(func(p *model.Place) []string { return oneCell(p.Address) })},
			csvColumnSpec{name: "inscribed", doc: "year of inscription on the UNESCO World Heritage List", datatype: dtGYear,
				property: rdf.Civic.UnescoInscribed,
				cells:    placeCells(func(p *model.Place) []string { return oneCell(yearText(p.Inscribed)) })},
		),
	},
	{
		name: "memberships", kind: model.KindMembership,
		about:   "memberships: a member belongs to an organisation in a role during a period",
		classes: []*rdf.Term{rdf.ORG.Membership},
		specs: linkColumns(slices.Concat(
			[]csvColumnSpec{
				{name: "member", doc: "id of the member", id: true, required: true, property: rdf.ORG.Member, ref: "id/{}",
					cells: membershipCells(func(m *model.Membership) []string { return oneCell(m.Member) })},
				{name: "organization", doc: "id of the organisation (or project) the member belongs to", id: true, required: true,
					property: rdf.ORG.OrganizationProp, ref: "id/{}",
					cells: membershipCells(func(m *model.Membership) []string { return oneCell(m.Organization) })},
			},
			roleColumns(rdf.ORG.RoleProp, func(r model.Record) model.Role { return r.(*model.Membership).Role }),
			intervalColumns("during", "period of the membership (EDTF); empty when unknown",
				func(r model.Record) model.Interval { return r.(*model.Membership).During }),
		)...),
	},
	{
		name: "legislation", kind: model.KindLegislation,
		about:   "laws and other legal acts, and the bodies that passed them",
		classes: []*rdf.Term{rdf.Schema.Legislation},
		specs: recordColumns(
			csvColumnSpec{name: "date", doc: "when the act was passed (EDTF date)", property: rdf.Schema.LegislationDate, suppress: true,
				cells: legislationCells(func(l *model.Legislation) []string { return oneCell(l.Date.String()) })},
			csvColumnSpec{name: "passed_by", doc: "id of the body that passed it", id: true,
				property: rdf.Schema.LegislationPassedBy, ref: "id/{}",
				cells: legislationCells(func(l *model.Legislation) []string { return oneCell(l.PassedBy) })},
			csvColumnSpec{name: "legislation_identifier", doc: "the act's official number or reference",
				property: rdf.Schema.LegislationIdentifier, guarded: true,
				cells: legislationCells(func(l *model.Legislation) []string { return oneCell(l.Identifier) })},
			csvColumnSpec{name: "project", doc: "id of the project or programme the act is part of", id: true,
				property: rdf.Civic.ProjectProp, ref: "id/{}", table: "projects",
				cells: legislationCells(func(l *model.Legislation) []string { return oneCell(l.Project) })},
		),
	},
	{
		name: "participations", kind: model.KindParticipation,
		about:   "participations: an agent took part in an event in a role",
		classes: []*rdf.Term{rdf.Civic.Participation},
		specs: linkColumns(slices.Concat(
			[]csvColumnSpec{
				{name: "agent", doc: "id of the agent that took part", id: true, required: true, property: rdf.Civic.Agent,
					ref:   "id/{}",
					cells: participationCells(func(p *model.Participation) []string { return oneCell(p.Agent) })},
				{name: "event", doc: "id of the event", id: true, required: true, property: rdf.Civic.Event,
					ref: "id/{}", table: "events",
					cells: participationCells(func(p *model.Participation) []string { return oneCell(p.Event) })},
			},
			roleColumns(rdf.Civic.Role, func(r model.Record) model.Role { return r.(*model.Participation).Role }),
		)...),
	},
}

// idColumn is the first column of every table.
var idColumn = csvColumnSpec{name: "id", doc: "id of the record (generated ids included); the record's IRI is {base}id/{id}",
	id: true, required: true, property: rdf.DCTerms.Identifier, suppress: true,
	cells: func(r model.Record, _ *csvIndex) []string { return oneCell(r.Base().ID) }}

// Columns every record kind shares, in two groups: names first, the rest
// last.
var (
	nameColumns = []csvColumnSpec{
		{name: "name", doc: "name", property: rdf.SKOS.PrefLabel, guarded: true,
			text: func(r model.Record, _ *csvIndex) []model.Text { return []model.Text{r.Base().Name} }},
		{name: "alt_names", doc: "other names and acronyms (less those equal to the name)", multi: true,
			property: rdf.SKOS.AltLabel, guarded: true,
			text: func(r model.Record, x *csvIndex) []model.Text { return x.altNames(r.Base()) }},
	}
	trailingColumns = []csvColumnSpec{
		{name: "description", doc: "description", property: rdf.DCTerms.Description, guarded: true,
			text: func(r model.Record, _ *csvIndex) []model.Text { return []model.Text{r.Base().Description} }},
		{name: "identifiers", doc: "identifiers, scheme:value (wikidata:Q1273)", multi: true,
			property: rdf.Schema.Identifier, suppress: true, guarded: true,
			cells: func(r model.Record, _ *csvIndex) []string { return identifierCells(r.Base().Identifiers) }},
		{name: "website", doc: "website", datatype: dtAnyURI, property: rdf.Schema.URL, ref: "{+}",
			cells: func(r model.Record, _ *csvIndex) []string { return oneCell(r.Base().Website) }},
		{name: "email", doc: "e-mail address", property: rdf.Schema.Email, guarded: true,
			cells: func(r model.Record, _ *csvIndex) []string { return oneCell(r.Base().Email) }},
		{name: "topics", doc: "topics, as written", multi: true, property: rdf.DCTerms.Subject, suppress: true, guarded: true,
			cells: func(r model.Record, _ *csvIndex) []string { return r.Base().Topics }},
		{name: "sources", doc: "titles (else URLs) of the sources", multi: true, property: rdf.Schema.SubjectOf,
			suppress: true, guarded: true,
			cells: func(r model.Record, _ *csvIndex) []string {
				var out []string
				for _, s := range r.Base().Sources {
					t := s.Title
					if t == "" {
						t = s.URL
					}
					out = append(out, t)
				}
				return out
			}},
	}
)

// recordColumns lays out the table of a record kind: id, names, the
// kind's own columns, then the shared rest.
func recordColumns(own ...csvColumnSpec) []csvColumnSpec {
	return slices.Concat([]csvColumnSpec{idColumn}, nameColumns, own, trailingColumns)
}

// linkColumns lays out memberships and participations, whose own columns
// matter more than their rarely given names.
func linkColumns(own ...csvColumnSpec) []csvColumnSpec {
	return slices.Concat([]csvColumnSpec{idColumn}, own, nameColumns, trailingColumns)
}

// orgColumns are the columns of an organisation, followed by more.
func orgColumns(more ...csvColumnSpec) []csvColumnSpec {
	return append([]csvColumnSpec{
		{name: "type", doc: "organisation type slug (network, association, municipality …)", id: true,
			property: rdf.ORG.Classification, ref: rdf.SchemeOrganizationTypes.Path() + "/{}",
			cells: orgCells(func(o *model.Organization) []string { return oneCell(rdf.ConceptSlug(o.Type)) })},
		{name: "unit_of", doc: "id of the organisation (or project) this is a unit of", id: true,
			property: rdf.ORG.SubOrganizationOf, ref: "id/{}",
			cells: orgCells(func(o *model.Organization) []string { return oneCell(o.UnitOf) })},
		{name: "sub_organization_of", doc: "id of the organisation this is a sub-organisation of", id: true,
			property: rdf.ORG.SubOrganizationOf, ref: "id/{}",
			cells: orgCells(func(o *model.Organization) []string { return oneCell(o.SubOrganizationOf) })},
		{name: "country", doc: "ISO 3166-1 alpha-2 country code", property: rdf.DCTerms.Spatial, suppress: true,
			cells: orgCells(func(o *model.Organization) []string { return oneCell(o.Country) })},
		{name: "place", doc: "id of the seat (a place)", id: true, property: rdf.Schema.Location, ref: "id/{}", table: "places",
			cells: orgCells(func(o *model.Organization) []string { return oneCell(o.Place) })},
		nameOfColumn("place_name", "place", func(r model.Record) string { return model.OrganizationOf(r).Place }),
	}, more...)
}

// nameOfColumn is the name of the record a reference column points to,
// beside it, so that a reader of the table sees "Torino" where the id is
// a generated UUID. It is the referenced record's own name in the RDF,
// so CSVW output leaves it out.
func nameOfColumn(name, of string, get func(model.Record) string) csvColumnSpec {
	return csvColumnSpec{name: name, doc: "name of the record in " + of + ", for readers (the id is what links)",
		property: rdf.Schema.Name, suppress: true, guarded: true,
		cells: func(r model.Record, x *csvIndex) []string {
			if ref := x.ds.Lookup(get(r)); ref != nil {
				return oneCell(ref.Base().Name.Best(x.lang))
			}
			return nil
		}}
}

// intervalColumns are the EDTF text of an interval and its ISO start and
// end, which sort as text.
func intervalColumns(name, doc string, get func(model.Record) model.Interval) []csvColumnSpec {
	return []csvColumnSpec{
		{name: name, doc: doc, property: rdf.Civic.EDTF, about: "id/{id}#during",
			cells: func(r model.Record, _ *csvIndex) []string { return oneCell(get(r).String()) }},
		{name: "start", doc: "first day, month or year of the period (ISO 8601, the EDTF start without qualifier)",
			property: rdf.Schema.StartDate, suppress: true,
			cells: func(r model.Record, _ *csvIndex) []string {
				iv := get(r)
				if iv.StartBound != model.BoundDate {
					return nil
				}
				return oneCell(iv.Start.ISO())
			}},
		{name: "end", doc: "last day, month or year of the period (ISO 8601); empty when open or unknown",
			property: rdf.Schema.EndDate, suppress: true,
			cells: func(r model.Record, _ *csvIndex) []string {
				iv := get(r)
				if iv.EndBound != model.BoundDate {
					return nil
				}
				return oneCell(iv.End.ISO())
			}},
	}
}

// quantityColumns are the value, qualifier and as-of date of a quantity,
// which the RDF dump writes as the node {base}id/{id}#{fragment}.
func quantityColumns(name, doc, fragment string, get func(model.Record) model.Quantity) []csvColumnSpec {
	about := "id/{id}#" + fragment
	return []csvColumnSpec{
		// Suppressed in CSVW: the RDF writes a bound ("more than 60") as
		// schema:minValue or maxValue, which a column cannot choose.
		{name: name, doc: doc, datatype: dtDecimal, property: rdf.Schema.Value, about: about, suppress: true,
			cells: func(r model.Record, _ *csvIndex) []string { return oneCell(get(r).Value) }},
		{name: name + "_qualifier", doc: "qualifier of " + name + " (approximate, at-least, more-than, at-most, less-than); empty when exact",
			id: true, property: rdf.Civic.Qualifier, about: about,
			cells: func(r model.Record, _ *csvIndex) []string {
				q := get(r)
				if q.Value == "" || q.Qualifier == model.QualifierExact {
					return nil
				}
				return oneCell(q.Qualifier.String())
			}},
		{name: name + "_as_of", doc: "date " + name + " refers to (EDTF)", property: rdf.DCTerms.Date, suppress: true,
			cells: func(r model.Record, _ *csvIndex) []string { return oneCell(get(r).AsOf.String()) }},
	}
}

// roleColumns are a role's slug, which names its concept, and its label.
func roleColumns(property *rdf.Term, get func(model.Record) model.Role) []csvColumnSpec {
	return []csvColumnSpec{
		{name: "role", doc: "role slug (member when not written)", id: true, required: true, property: property,
			ref:   rdf.SchemeRoles.Path() + "/{}",
			cells: func(r model.Record, _ *csvIndex) []string { return oneCell(rdf.RoleSlug(get(r))) }},
		{name: "role_label", doc: "label of the role, as written (Commander) or the slug with spaces",
			property: rdf.SKOS.PrefLabel, about: rdf.SchemeRoles.Path() + "/{role}", suppress: true, guarded: true,
			cells: func(r model.Record, _ *csvIndex) []string { return oneCell(get(r).Label) }},
	}
}

// newTables lays out the tables named (every table when none is) for
// ds: records bucketed by kind and sorted by id, text families expanded
// into a column per language.
func newTables(ds *model.Dataset, names ...string) ([]*csvTable, *csvIndex) {
	x := &csvIndex{ds: ds, lang: strings.ToLower(ds.Info.Language), organizers: map[string][]string{}}
	var specs []csvTableSpec
	wanted := map[model.Kind]bool{}
	for _, spec := range csvTables {
		if len(names) == 0 || slices.Contains(names, spec.name) {
			specs = append(specs, spec)
			wanted[spec.kind] = true
		}
	}
	byKind := map[model.Kind][]model.Record{}
	for _, r := range ds.Records {
		if wanted[r.Kind()] {
			byKind[r.Kind()] = append(byKind[r.Kind()], r)
		}
		if p, ok := r.(*model.Participation); ok && wanted[model.KindEvent] && p.Role.Slug == "organizer" &&
			p.Agent != "" && !slices.Contains(x.organizers[p.Event], p.Agent) {
			x.organizers[p.Event] = append(x.organizers[p.Event], p.Agent)
		}
	}
	for _, ids := range x.organizers {
		slices.Sort(ids)
	}
	tables := make([]*csvTable, len(specs))
	for i, spec := range specs {
		recs := byKind[spec.kind]
		slices.SortStableFunc(recs, func(a, b model.Record) int { return strings.Compare(a.Base().ID, b.Base().ID) })
		t := &csvTable{csvTableSpec: spec, records: recs}
		for _, c := range spec.specs {
			if c.text == nil {
				col := csvColumn{csvColumnSpec: c, values: c.cells}
				if c.datasetLang {
					col.lang = x.lang
				}
				t.columns = append(t.columns, col)
				continue
			}
			t.columns = append(t.columns, textColumns(c, recs, x)...)
		}
		tables[i] = t
	}
	return tables, x
}

// textColumns expands a text family. The column named as the field holds
// the plain string, or when there is none the one in the dataset language;
// name_<tag> holds the string in each other language the table's records
// use, the tag lower-cased with "-" turned into "_" (CSVW column names
// allow no hyphen): name_it, name_pt_br.
func textColumns(c csvColumnSpec, recs []model.Record, x *csvIndex) []csvColumn {
	dsLang := x.lang
	var tags []string
	for _, r := range recs {
		for _, t := range c.text(r, x) {
			for _, ls := range t {
				if tag := otherLang(t, ls, dsLang); tag != "" && !slices.Contains(tags, tag) {
					tags = append(tags, tag)
				}
			}
		}
	}
	slices.Sort(tags)
	main := csvColumn{csvColumnSpec: c, lang: dsLang}
	main.values = func(r model.Record, x *csvIndex) []string {
		var out []string
		for _, t := range c.text(r, x) {
			if s, ok := mainString(t, dsLang); ok {
				out = append(out, s)
			}
		}
		return out
	}
	cols := []csvColumn{main}
	for _, tag := range tags {
		col := csvColumn{csvColumnSpec: c, lang: tag}
		col.name = c.name + "_" + strings.ReplaceAll(tag, "-", "_")
		col.doc = c.doc + " in " + tag
		col.values = func(r model.Record, x *csvIndex) []string {
			var out []string
			for _, t := range c.text(r, x) {
				for _, ls := range t {
					if otherLang(t, ls, dsLang) == tag {
						out = append(out, ls.Value)
					}
				}
			}
			return out
		}
		cols = append(cols, col)
	}
	return cols
}

// mainString returns the string of t that goes into the column named as
// the field: the plain one, else the one tagged with the dataset language.
func mainString(t model.Text, dsLang string) (string, bool) {
	if s, ok := t.In(""); ok {
		return s, true
	}
	if dsLang == "" {
		return "", false
	}
	for _, ls := range t {
		if strings.EqualFold(ls.Lang, dsLang) {
			return ls.Value, true
		}
	}
	return "", false
}

// otherLang returns the lower-cased tag of ls when it goes into a
// language column, "" when it goes into the main one.
func otherLang(t model.Text, ls model.LangString, dsLang string) string {
	if ls.Lang == "" {
		return ""
	}
	if strings.EqualFold(ls.Lang, dsLang) {
		if _, plain := t.In(""); !plain {
			return ""
		}
		// Both a plain string and one tagged with the dataset language:
		// the tagged one gets its own column rather than being lost.
	}
	return strings.ToLower(ls.Lang)
}

func identifierCells(ids []model.Identifier) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, id.Scheme+":"+id.Value)
	}
	return out
}

// one returns s as a cell of one item, or none when s is empty.
func oneCell(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func positiveText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func yearText(y int) string {
	if y <= 0 {
		return ""
	}
	if y < 1000 {
		return fmt.Sprintf("%04d", y)
	}
	return strconv.Itoa(y)
}

// Typed accessors: each adapts a function of one record type to a cell
// function, for the kinds whose tables hold only that type.

func regionCells(f func(*model.Region) []string) func(model.Record, *csvIndex) []string {
	return func(r model.Record, _ *csvIndex) []string { return f(r.(*model.Region)) }
}

// organization serves both organisations and regions, whose tables share
// the organisation columns.
func orgCells(f func(*model.Organization) []string) func(model.Record, *csvIndex) []string {
	return func(r model.Record, _ *csvIndex) []string {
		if o := model.OrganizationOf(r); o != nil {
			return f(o)
		}
		return nil
	}
}

func personCells(f func(*model.Person) []string) func(model.Record, *csvIndex) []string {
	return func(r model.Record, _ *csvIndex) []string { return f(r.(*model.Person)) }
}

func projectCells(f func(*model.Project) []string) func(model.Record, *csvIndex) []string {
	return func(r model.Record, _ *csvIndex) []string { return f(r.(*model.Project)) }
}

func eventCells(f func(*model.Event) []string) func(model.Record, *csvIndex) []string {
	return func(r model.Record, _ *csvIndex) []string { return f(r.(*model.Event)) }
}

func placeCells(f func(*model.Place) []string) func(model.Record, *csvIndex) []string {
	return func(r model.Record, _ *csvIndex) []string { return f(r.(*model.Place)) }
}

func membershipCells(f func(*model.Membership) []string) func(model.Record, *csvIndex) []string {
	return func(r model.Record, _ *csvIndex) []string { return f(r.(*model.Membership)) }
}

func legislationCells(f func(*model.Legislation) []string) func(model.Record, *csvIndex) []string {
	return func(r model.Record, _ *csvIndex) []string { return f(r.(*model.Legislation)) }
}

func participationCells(f func(*model.Participation) []string) func(model.Record, *csvIndex) []string {
	return func(r model.Record, _ *csvIndex) []string { return f(r.(*model.Participation)) }
}
