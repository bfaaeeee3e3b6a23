package site

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
)

// page is what the page template shows: every page of the site is one,
// from a record's to the index.
type page struct {
	Root        string // the path from the page to the site's root: "../../"
	Title       string // of the <title>
	Heading     seg
	Kind        string // what the page is about: "Organization", "Concept"
	IRI         string // the IRI the page describes, if any
	Names       []seg  // other names and alt names
	Description []seg
	Facts       []fact // the page's subject in sentences
	Sections    []section
	Alternates  []alternate
	JSONLD      template.JS
	Timeline    template.HTML
	Search      bool
	Table       *table // the dataset page's files
}

// seg is a piece of a sentence: text, a link when Href is set, in a
// language of its own when Lang is set.
type seg struct {
	Text, Href, Lang string
	External         bool // a link out of the site
}

// fact is one sentence of segments.
type fact []seg

type section struct {
	ID, Heading string
	Items       []fact
	More        *seg // a link to the rest of a long list
}

type alternate struct {
	Type, Href, Label string
}

type table struct {
	Head []string
	Rows [][]seg
}

func text(s string) seg { return seg{Text: s} }

// kindNames and kindPlurals name the kinds of record on the pages.
var (
	kindNames = map[model.Kind]string{
		model.KindRegion: "Region", model.KindOrganization: "Organization", model.KindPerson: "Person",
		model.KindProject: "Project", model.KindEvent: "Event", model.KindPlace: "Place",
		model.KindMembership: "Membership", model.KindParticipation: "Participation",
		model.KindLegislation: "Legislation",
	}
	kindPlurals = map[model.Kind]string{
		model.KindRegion: "Regions", model.KindOrganization: "Organizations", model.KindPerson: "People",
		model.KindProject: "Projects", model.KindEvent: "Events", model.KindPlace: "Places",
		model.KindMembership: "Memberships", model.KindParticipation: "Participations",
		model.KindLegislation: "Legislation",
	}
)

// pageLang is the language of the pages' own words.
const pageLang = "en"

// best returns the name of t to show, and its language.
func best(t model.Text, lang string) model.LangString {
	for _, l := range []string{lang, "", pageLang} {
		for _, ls := range t {
			if ls.Lang == l {
				return ls
			}
		}
	}
	if len(t) > 0 {
		return t[0]
	}
	return model.LangString{}
}

// docPage builds the page of a document of the graph.
func (w *writer) docPage(d *doc) (*page, error) {
	p := &page{Root: strings.Repeat("../", strings.Count(d.path, "/")+1), IRI: d.iri}
	last := d.path[strings.LastIndexByte(d.path, '/')+1:]
	p.Alternates = []alternate{
		{"text/turtle", "../" + last + ".ttl", "Turtle"},
		{"application/n-triples", "../" + last + ".nt", "N-Triples"},
		{"application/ld+json", "../" + last + ".jsonld", "JSON-LD"},
	}
	p.JSONLD = w.script(d.jsonld)
	id, isRecord := strings.CutPrefix(d.path, recordsPath+"/")
	switch {
	case isRecord && w.ds.Lookup(id) != nil:
		i, _ := w.ds.IndexOf(id)
		w.recordPage(p, int32(i))
	case isRecord && w.rel.sources[id] != nil:
		w.sourcePage(p, w.rel.sources[id], id)
	case strings.Contains(d.path, "/"):
		w.conceptPage(p, d)
	default:
		p.Kind = "Resource"
		p.Heading = w.labelSeg(d.labels, d.path)
	}
	p.Title = p.Heading.Text
	if p.Kind != "" {
		p.Title += " (" + strings.ToLower(p.Kind) + ")"
	}
	return p, nil
}

func (w *writer) labelSeg(t model.Text, fallback string) seg {
	l := best(t, w.ds.Info.Language)
	if l.Value == "" {
		return text(fallback)
	}
	return seg{Text: l.Value, Lang: l.Lang}
}

// ref links to the page of record id, named by its name.
func (w *writer) ref(p *page, id string) seg {
	r := w.ds.Lookup(id)
	if r == nil {
		return text(id)
	}
	s := w.recordName(r)
	s.Href = p.Root + recordsPath + "/" + id + "/"
	return s
}

// recordName names a record: its name, or for a membership or
// participation the sentence that says it.
func (w *writer) recordName(r model.Record) seg {
	switch r := r.(type) {
	case *model.Membership:
		return text(w.plainName(r.Member) + " – " + r.Role.Label + " of " + w.plainName(r.Organization))
	case *model.Participation:
		return text(w.plainName(r.Agent) + " – " + r.Role.Label + " at " + w.plainName(r.Event))
	}
	l := best(r.Base().Name, w.ds.Info.Language)
	if l.Value == "" {
		return text(r.Base().ID)
	}
	return seg{Text: l.Value, Lang: l.Lang}
}

func (w *writer) plainName(id string) string {
	if r := w.ds.Lookup(id); r != nil {
		if n := best(r.Base().Name, w.ds.Info.Language).Value; n != "" {
			return n
		}
	}
	return id
}

// concept links to the page of a concept IRI, labelled label.
func (w *writer) concept(p *page, iri, label string) seg {
	rel, ok := strings.CutPrefix(iri, w.base)
	if !ok {
		return text(label)
	}
	return seg{Text: label, Href: p.Root + rel + "/"}
}

func (w *writer) typeSeg(p *page, s rdf.Scheme, t string) seg {
	return w.concept(p, w.m.ConceptIRI(s, t), strings.ReplaceAll(t, "-", " "))
}

func (w *writer) roleSeg(p *page, r model.Role) seg {
	return w.concept(p, w.m.RoleIRI(r), r.Label)
}

// withPeriod appends ", 2008–2011" to a fact when the period is known.
func withPeriod(f fact, iv model.Interval) fact {
	if s := periodWords(iv); s != "" {
		f = append(f, text(" "+s))
	}
	return f
}

func (w *writer) recordPage(p *page, i int32) {
	r := w.ds.Records[i]
	c := r.Base()
	p.Kind = kindNames[r.Kind()]
	p.Heading = w.recordName(r)
	lang := w.ds.Info.Language
	head := best(c.Name, lang)
	for _, n := range c.Name {
		if n != head {
			p.Names = append(p.Names, seg{Text: n.Value, Lang: n.Lang})
		}
	}
	for _, alt := range c.AltNames {
		for _, n := range alt {
			p.Names = append(p.Names, seg{Text: n.Value, Lang: n.Lang})
		}
	}
	for _, d := range c.Description {
		l := d.Lang
		if l == "" {
			l = lang
		}
		p.Description = append(p.Description, seg{Text: d.Value, Lang: l})
	}
	add := func(f ...seg) { p.Facts = append(p.Facts, fact(f)) }
	switch r := r.(type) {
	case *model.Region:
		w.organizationFacts(p, &r.Organization, add)
		if r.Capital != "" {
			add(text("Capital: "), w.ref(p, r.Capital))
		}
		area := r.AreaKm2
		if area.Unit == "" {
			area.Unit = "KMK" // area_km2 is in km² unless it says otherwise
		}
		if q := quantityWords(area); q != "" && !r.AreaKm2.IsZero() {
			add(text("Area: " + q))
		}
		if q := quantityWords(r.Population); q != "" {
			add(text("Population: " + q))
		}
		w.identifierSection(p, "Identifiers of the territory", "territory-identifiers", r.TerritoryIdentifiers)
	case *model.Organization:
		w.organizationFacts(p, r, add)
	case *model.Person:
		if r.GivenName != "" || r.FamilyName != "" {
			add(text("Given name: " + r.GivenName + "; family name: " + r.FamilyName))
		}
		for _, post := range r.Posts {
			f := fact{w.roleSeg(p, post.Role), text(" of "), w.ref(p, post.Organization)}
			if post.Head {
				f = append(f, text(", its head"))
			}
			p.Facts = append(p.Facts, withPeriod(f, post.During))
		}
		if len(r.Affiliations) > 0 {
			f := fact{text("Works or speaks for: ")}
			for k, a := range r.Affiliations {
				if k > 0 {
					f = append(f, text(", "))
				}
				f = append(f, w.ref(p, a))
			}
			p.Facts = append(p.Facts, f)
		}
	case *model.Legislation:
		if r.PassedBy != "" {
			f := fact{text("Passed by "), w.ref(p, r.PassedBy)}
			if !r.Date.IsZero() {
				f = append(f, text(" in "+r.Date.String()))
			}
			p.Facts = append(p.Facts, f)
		}
		if r.Identifier != "" {
			add(text("Reference: " + r.Identifier))
		}
		if r.Project != "" {
			add(text("Part of the project "), w.ref(p, r.Project))
		}
	case *model.Project:
		w.projectFacts(p, r, add)
	case *model.Event:
		w.eventFacts(p, r, add)
	case *model.Place:
		if r.Type != "" {
			add(text("A " + strings.ReplaceAll(r.Type, "-", " ")))
		}
		if r.ContainedIn != "" {
			add(text("In "), w.ref(p, r.ContainedIn))
		}
		if r.Country != "" {
			add(text("Country: " + model.CountryName(r.Country)))
		}
		if r.Address != "" {
			add(text("Address: " + r.Address))
		}
		if r.Inscribed != 0 {
			add(text("Inscribed on the UNESCO World Heritage List in " + strconv.Itoa(r.Inscribed)))
		}
	case *model.Membership:
		f := fact{w.ref(p, r.Member), text(" is "), w.roleSeg(p, r.Role), text(" of "), w.ref(p, r.Organization)}
		p.Facts = append(p.Facts, withPeriod(f, r.During))
	case *model.Participation:
		add(w.ref(p, r.Agent), text(" took part in "), w.ref(p, r.Event), text(" as "), w.roleSeg(p, r.Role))
	}
	if c.Website != "" {
		add(text("Website: "), seg{Text: c.Website, Href: c.Website, External: true})
	}
	if c.Email != "" {
		add(text("Email: "), seg{Text: c.Email, Href: "mailto:" + c.Email, External: true})
	}
	if len(c.Topics) > 0 {
		f := fact{text("Topics: ")}
		for k, t := range c.Topics {
			if k > 0 {
				f = append(f, text(", "))
			}
			f = append(f, w.concept(p, w.m.ConceptIRI(rdf.SchemeTopics, t), t))
		}
		p.Facts = append(p.Facts, f)
	}
	w.relatedSections(p, r)
	w.identifierSection(p, "Identifiers", "identifiers", c.Identifiers)
	w.sourceSection(p, c.Sources)
}

func (w *writer) organizationFacts(p *page, o *model.Organization, add func(...seg)) {
	if o.Type != "" {
		add(text("Type: "), w.typeSeg(p, rdf.SchemeOrganizationTypes, o.Type))
	}
	if o.UnitOf != "" {
		add(text("A unit of "), w.ref(p, o.UnitOf))
	}
	if o.SubOrganizationOf != "" {
		add(text("Part of "), w.ref(p, o.SubOrganizationOf))
	}
	if o.Country != "" {
		add(text("Country: " + model.CountryName(o.Country)))
	}
	if o.Place != "" {
		add(text("Seat: "), w.ref(p, o.Place))
	}
}

func (w *writer) projectFacts(p *page, r *model.Project, add func(...seg)) {
	if r.Type != "" {
		add(text("Type: "), w.typeSeg(p, rdf.SchemeProjectTypes, r.Type))
	}
	if r.Acronym != "" {
		add(text("Acronym: " + r.Acronym))
	}
	if s := periodWords(r.During); s != "" {
		add(text("Runs " + s))
	}
	if r.OperatedBy != "" {
		add(text("Operated by "), w.ref(p, r.OperatedBy))
	}
	for _, f := range r.Funding {
		fa := fact{text("Funded by "), w.ref(p, f.Funder)}
		if f.Programme != "" {
			fa = append(fa, text(" through "+f.Programme))
		}
		if f.Year != 0 {
			fa = append(fa, text(" in "+strconv.Itoa(f.Year)))
		}
		if f.Share != "" {
			fa = append(fa, text(" ("+f.Share+" funding)"))
		}
		if q := quantityWords(f.Amount); q != "" {
			fa = append(fa, text(": "+q))
		}
		p.Facts = append(p.Facts, fa)
	}
	for _, q := range r.Quantities {
		add(text(strings.TrimSpace(q.Name + ": " + quantityWords(q.Quantity))))
	}
}

func (w *writer) eventFacts(p *page, r *model.Event, add func(...seg)) {
	if r.Type != "" {
		add(text("Type: "), w.typeSeg(p, rdf.SchemeEventTypes, r.Type))
	}
	if s := periodWords(r.Date); s != "" {
		add(text("Held " + s))
	}
	if r.Place != "" {
		add(text("Location: "), w.ref(p, r.Place))
	}
	if r.Series != "" {
		f := fact{text("An edition of "), w.ref(p, r.Series)}
		if r.Edition != 0 {
			f = fact{text("Edition " + strconv.Itoa(r.Edition) + " of "), w.ref(p, r.Series)}
		}
		p.Facts = append(p.Facts, f)
	}
	if r.PartOf != "" {
		add(text("Held as part of "), w.ref(p, r.PartOf))
	}
	if r.Project != "" {
		add(text("Part of the project "), w.ref(p, r.Project))
	}
	if q := quantityWords(r.ParticipantCount); q != "" {
		add(text("Participants: " + q))
	}
	if len(r.ParticipantGroups) > 0 {
		add(text("Among the participants: " + strings.Join(r.ParticipantGroups, "; ")))
	}
}

// relatedSections lists the records that point at r, and the
// memberships and participations that link it, both ways.
func (w *writer) relatedSections(p *page, r model.Record) {
	id := r.Base().ID
	rel := w.rel
	list := func(sid, heading string, idx []int32, item func(i int32) fact) {
		if len(idx) == 0 {
			return
		}
		s := section{ID: sid, Heading: heading}
		for _, i := range idx {
			s.Items = append(s.Items, item(i))
		}
		p.Sections = append(p.Sections, s)
	}
	link := func(i int32) fact { return fact{w.ref(p, w.ds.Records[i].Base().ID)} }
	list("member-of", "Member of", rel.memberships[id], func(i int32) fact {
		m := w.ds.Records[i].(*model.Membership)
		f := fact{w.roleSeg(p, m.Role), text(" of "), w.ref(p, m.Organization)}
		return append(withPeriod(f, m.During), text(" ("), w.membershipRef(p, m.ID, "membership"), text(")"))
	})
	list("members", "Members", rel.members[id], func(i int32) fact {
		m := w.ds.Records[i].(*model.Membership)
		f := fact{w.ref(p, m.Member), text(", "), w.roleSeg(p, m.Role)}
		return append(withPeriod(f, m.During), text(" ("), w.membershipRef(p, m.ID, "membership"), text(")"))
	})
	list("events", "Events", rel.participations[id], func(i int32) fact {
		pa := w.ds.Records[i].(*model.Participation)
		f := fact{w.roleSeg(p, pa.Role), text(" at "), w.ref(p, pa.Event)}
		if e, ok := w.ds.Lookup(pa.Event).(*model.Event); ok {
			f = withPeriod(f, e.Date)
		}
		return append(f, text(" ("), w.membershipRef(p, pa.ID, "participation"), text(")"))
	})
	list("participants", "Participants", rel.participants[id], func(i int32) fact {
		pa := w.ds.Records[i].(*model.Participation)
		return fact{w.ref(p, pa.Agent), text(", "), w.roleSeg(p, pa.Role), text(" ("), w.membershipRef(p, pa.ID, "participation"), text(")")}
	})
	list("people", "People", rel.staff[id], func(i int32) fact {
		pr := w.ds.Records[i].(*model.Person)
		f := fact{w.ref(p, pr.ID)}
		for _, post := range pr.Posts {
			if post.Organization == id {
				f = append(f, text(", "), w.roleSeg(p, post.Role))
				if post.Head {
					f = append(f, text(" (head)"))
				}
			}
		}
		return f
	})
	list("affiliated", "People who work or speak for it", rel.affiliated[id], link)
	list("parts", "Parts of the event", rel.parts[id], link)
	list("legislation", "Legislation passed", rel.laws[id], link)
	list("units", "Units", rel.units[id], link)
	list("sub-organizations", "Sub-organizations", rel.subOrgs[id], link)
	list("editions", "Editions", rel.editions[id], link)
	list("project-events", "Events of the project", rel.projectEvents[id], link)
	list("events-here", "Events held here", rel.eventsAt[id], link)
	list("seat-of", "Seat of", rel.seats[id], link)
	list("capital-of", "Capital of", rel.capitalOf[id], link)
	list("contains", "Contains", rel.contains[id], link)
	list("funds", "Funds", rel.funds[id], link)
	list("operates", "Operates", rel.operates[id], link)
}

func (w *writer) membershipRef(p *page, id, label string) seg {
	return seg{Text: label, Href: p.Root + recordsPath + "/" + id + "/"}
}

// identifierSection lists identifiers, linked to their registries.
func (w *writer) identifierSection(p *page, heading, id string, ids []model.Identifier) {
	if len(ids) == 0 {
		return
	}
	s := section{ID: id, Heading: heading}
	for _, x := range ids {
		f := fact{text(identifierSchemes[x.Scheme] + ": ")}
		if f[0].Text == ": " {
			f[0].Text = x.Scheme + ": "
		}
		v := seg{Text: x.Value}
		if u := identifierURL(x); u != "" {
			v.Href, v.External = u, true
		}
		s.Items = append(s.Items, append(f, v))
	}
	p.Sections = append(p.Sections, s)
}

var identifierSchemes = map[string]string{
	"wikidata": "Wikidata", "geonames": "GeoNames", "nuts": "NUTS", "orcid": "ORCID", "pic": "EU participant identification code",
}

// identifierURL returns the page a person reads for an identifier: the
// registries' human pages rather than the RDF IRIs the dump uses with
// schema:sameAs.
func identifierURL(x model.Identifier) string {
	v := url.PathEscape(x.Value)
	switch x.Scheme {
	case "wikidata":
		return "https://www.wikidata.org/wiki/" + v
	case "geonames":
		return "https://www.geonames.org/" + v + "/"
	case "nuts":
		return "http://data.europa.eu/nuts/code/" + v
	case "orcid":
		return "https://orcid.org/" + v
	}
	return ""
}

func (w *writer) sourceSection(p *page, sources []*model.Source) {
	if len(sources) == 0 {
		return
	}
	s := section{ID: "sources", Heading: "Sources"}
	for _, src := range sources {
		if src == nil || src.ID == "" {
			continue
		}
		s.Items = append(s.Items, w.sourceFact(p, src))
	}
	p.Sections = append(p.Sections, s)
}

// sourceFact says a source: its title (linked to its page), where it is,
// who published it and when, and its licence.
func (w *writer) sourceFact(p *page, src *model.Source) fact {
	title := src.Title
	if title == "" {
		title = src.URL
	}
	f := fact{{Text: title, Href: p.Root + recordsPath + "/" + src.ID + "/"}}
	if src.URL != "" {
		f = append(f, text(", at "), seg{Text: src.URL, Href: src.URL, External: true})
	}
	if src.Publisher != "" {
		if w.ds.Lookup(src.Publisher) != nil {
			f = append(f, text(", published by "), w.ref(p, src.Publisher))
		} else {
			f = append(f, text(", published by "+src.Publisher))
		}
	}
	if d := dateWords(src.Published); d != "" {
		f = append(f, text(", "+d))
	}
	if src.License != "" {
		f = append(f, text(", licence "), seg{Text: src.License, Href: licenseURL(src.License), External: true})
	}
	if d := dateWords(src.Retrieved); d != "" {
		f = append(f, text(", retrieved "+d))
	}
	return f
}

func licenseURL(l string) string {
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return l
	}
	return "https://spdx.org/licenses/" + url.PathEscape(l) + ".html"
}

func (w *writer) sourcePage(p *page, src *model.Source, id string) {
	p.Kind = "Source"
	title := src.Title
	if title == "" {
		title = src.URL
	}
	p.Heading = text(title)
	p.Facts = append(p.Facts, w.sourceFact(p, src))
	s := section{ID: "cited-by", Heading: "Cited by"}
	for _, i := range w.rel.cites[id] {
		s.Items = append(s.Items, fact{w.ref(p, w.ds.Records[i].Base().ID)})
	}
	p.Sections = append(p.Sections, s)
}

func (w *writer) conceptPage(p *page, d *doc) {
	p.Kind = "Concept"
	p.Heading = w.labelSeg(d.labels, d.path)
	for _, l := range d.labels {
		if (seg{Text: l.Value, Lang: l.Lang}) != p.Heading {
			p.Names = append(p.Names, seg{Text: l.Value, Lang: l.Lang})
		}
	}
	scheme := d.path[:strings.IndexByte(d.path, '/')]
	sd := w.schemeTitle(scheme)
	p.Facts = append(p.Facts, fact{text("In the concept scheme "), {Text: sd, Href: p.Root + scheme + "/"}})
	s := section{ID: "used-by", Heading: "Used by"}
	for _, i := range w.rel.uses[d.iri] {
		s.Items = append(s.Items, fact{w.ref(p, w.ds.Records[i].Base().ID)})
	}
	if len(s.Items) > 0 {
		p.Sections = append(p.Sections, s)
	}
}

func (w *writer) schemeTitle(path string) string {
	for _, s := range rdf.Schemes() {
		if s.Path() == path {
			return s.Title()
		}
	}
	return path
}
