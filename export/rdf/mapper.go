package rdf

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/civicnet/civicnet/export/internal/rdfsyntax"
	"github.com/civicnet/civicnet/model"
)

// Mapper maps the records of a dataset to RDF triples as SPEC sections
// 4.1 and 4.2 describe. It is the one mapping every RDF format is fed
// from: the N-Triples, Turtle and JSON-LD writers consume it through
// [Mapper.Render], and anything else that needs the dataset's graph
// through [Mapper.EachNode].
//
// The graph comes one subject at a time, as a [Node]:
//
//   - subjects come in ascending order of their IRI (byte-wise string
//     order), each exactly once; a record {base}id/{id} is directly
//     followed by its hash nodes ({base}id/{id}#during, #start, …),
//     because '#' sorts before every character of an id's IRI;
//   - a subject's triples are sorted (rdf:type first, then by predicate
//     IRI, then by object: IRIs, then literals by lexical form, datatype
//     and language) and free of duplicates;
//   - there are no blank nodes: every subject and object node is an
//     IRI, every literal valid for its datatype, language tags
//     lower-cased;
//   - the same dataset gives the same stream, byte for byte.
//
// NewMapper builds the reverse indexes the inverse links need once
// (memberships by organisation and by member, units by parent, editions
// by series, participations by event, places by container), so a pass
// costs time linear in the output and memory bounded by the records, not
// by the number of triples. A Mapper reads the dataset but never changes
// it, and once built it is only read: EachNode and Render may run on
// several goroutines at once.
type Mapper struct {
	ds   *model.Dataset
	base string
	lang string // the dataset language, lower-cased; "" when unknown

	regions map[string]bool // ids of regions, whose place is #territory
	// countryPlaces maps an alpha-2 code to the first place record of
	// type country with that code: a city with no container lies in it.
	countryPlaces map[string]string
	in            incoming                     // links pointing at each record
	units         []unit                       // everything that yields subjects, sorted
	schemes       [numSchemes]map[string]int32 // slug → index in concepts
	concepts      []*concept
	countries     map[string]string // alpha-2 code → authority IRI, "" if unknown
	// topicSlugs maps every topic of the records to its concept's slug,
	// so that mapping does not slugify the same text again.
	topicSlugs map[string]string

	recordsNS  string             // {base}id/
	schemeIRIs [numSchemes]string // {base}roles, …
}

// unit is one item of the subject order: a record, a source, a concept
// or a concept scheme. Units with the same IRI are emitted together.
type unit struct {
	// key is the first eight bytes of local, big-endian and zero-padded:
	// most comparisons of the sort end there, without reading the string.
	key     uint64
	section uint8 // position of the IRI's path under the base (sections)
	kind    unitKind
	sub     uint16 // a source: its position in the record's sources
	idx     int32  // index into ds.Records (a record, or a source's record) or m.concepts
	local   string // escaped id or slug; "" for a concept scheme
}

type unitKind uint8

const (
	unitScheme unitKind = iota
	unitConcept
	unitRecord
	unitSource
)

// sections lists the paths under the base in IRI order: "id" sorts
// between "event-types" and "organization-types".
var sections = [...]string{"event-types", "id", "organization-types", "project-types", "roles", "topics"}

const sectionRecords = 1

func schemeSection(s Scheme) uint8 {
	for i, p := range sections {
		if p == conceptSchemes[s].path {
			return uint8(i)
		}
	}
	panic("rdf: scheme without section")
}

// concept is one concept of a scheme, with the labels it was written
// with.
type concept struct {
	Scheme Scheme
	slug   string
	labels []model.LangString // distinct, language normalised
	role   bool               // used as a membership role: also org:Role
	iri    obj
}

// incoming lists, for each record, the links other records make to it,
// in compressed sparse row form: the links of record i are
// links[off[i]:off[i+1]].
type incoming struct {
	off   []int32
	links []link
}

type link struct {
	from int32
	kind linkKind
}

type linkKind uint8

const (
	linkMembershipOrg    linkKind = iota // a membership's organization
	linkMembershipMember                 // a membership's member
	linkUnitOf                           // an organisation's unit_of
	linkSubOrganization                  // an organisation's sub_organization_of
	linkSeries                           // an event's series
	linkPartOf                           // an event's part_of
	linkParticipation                    // a participation's event
	linkContainedIn                      // a place's contained_in
)

func (in *incoming) of(i int32) []link {
	if int(i)+1 >= len(in.off) {
		return nil
	}
	return in.links[in.off[i]:in.off[i+1]]
}

// NewMapper prepares the mapping of ds. It fails when ds cannot be
// mapped to valid RDF: no usable base IRI, a record without an id, a
// malformed dataset language, a value the writers cannot write correctly
// (a *RecordError, see [CheckValues]). Validation (package validate) reports
// these and more with positions; NewMapper only guards the output.
func NewMapper(ds *model.Dataset) (*Mapper, error) {
	if err := model.CheckBase(ds.Info.Base); err != nil {
		return nil, err
	}
	if err := rdfsyntax.CheckIRI(ds.Info.Base); err != nil {
		return nil, fmt.Errorf("rdf: base: %w", err)
	}
	if err := CheckValues(ds); err != nil {
		return nil, err
	}
	m := &Mapper{
		ds:            ds,
		base:          ds.Info.Base,
		regions:       map[string]bool{},
		countryPlaces: map[string]string{},
		countries:     map[string]string{},
		topicSlugs:    map[string]string{},
		recordsNS:     ds.Info.Base + PathRecords,
	}
	for s := range m.schemeIRIs {
		m.schemeIRIs[s] = m.base + conceptSchemes[s].path
	}
	if ds.Info.Language != "" {
		l, ok := normalizeLang(ds.Info.Language)
		if !ok {
			return nil, fmt.Errorf("rdf: dataset language %q is not a well-formed language tag", ds.Info.Language)
		}
		m.lang = l
	}
	for i := range m.schemes {
		m.schemes[i] = map[string]int32{}
	}
	for i, r := range ds.Records {
		c := r.Base()
		if c.ID == "" {
			return nil, fmt.Errorf("rdf: record %d (%s) has no id", i+1, r.Kind())
		}
		// Links are resolved through the dataset's index of ids.
		if j, ok := ds.IndexOf(c.ID); !ok || j > i || ds.Records[j].Base().ID != c.ID {
			return nil, fmt.Errorf("rdf: record %d (%s %q) is missing from the dataset's index: add records with Dataset.Add", i+1, r.Kind(), c.ID)
		}
		if _, ok := r.(*model.Region); ok {
			m.regions[c.ID] = true
		}
		if p, ok := r.(*model.Place); ok && p.Type == "country" && p.Country != "" {
			if _, seen := m.countryPlaces[p.Country]; !seen {
				m.countryPlaces[p.Country] = p.ID
			}
		}
	}
	// A source is a unit for each record citing it: the citations of one
	// source sort together and make one subject, without a map of
	// sources to build.
	n := len(ds.Records)
	for _, r := range ds.Records {
		n += len(r.Base().Sources)
	}
	m.units = make([]unit, 0, n+64)
	pairs := make([]pair, 0, 2*len(ds.Records))
	for i, r := range ds.Records {
		m.units = append(m.units, unit{section: sectionRecords, local: escapeSegment(r.Base().ID), kind: unitRecord, idx: int32(i)})
		pairs = m.collect(r, int32(i), pairs)
		sources := r.Base().Sources
		if len(sources) > math.MaxUint16 {
			return nil, fmt.Errorf("rdf: record %q cites more than %d sources", r.Base().ID, math.MaxUint16)
		}
		for j, s := range sources {
			if s != nil && s.ID != "" {
				m.units = append(m.units, unit{section: sectionRecords, local: escapeSegment(s.ID), kind: unitSource, idx: int32(i), sub: uint16(j)})
			}
		}
	}
	m.in = buildIncoming(len(ds.Records), pairs)
	for s := range m.schemes {
		if len(m.schemes[s]) > 0 {
			m.units = append(m.units, unit{section: schemeSection(Scheme(s)), kind: unitScheme, idx: int32(s)})
		}
	}
	for i, c := range m.concepts {
		m.units = append(m.units, unit{section: schemeSection(c.Scheme), local: escapeSegment(c.slug), kind: unitConcept, idx: int32(i)})
	}
	for i := range m.units {
		m.units[i].key = prefixKey(m.units[i].local)
	}
	slices.SortFunc(m.units, func(a, b unit) int {
		if c := cmp.Compare(a.section, b.section); c != 0 {
			return c
		}
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		if c := strings.Compare(a.local, b.local); c != 0 {
			return c
		}
		if c := cmp.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.idx, b.idx), cmp.Compare(a.sub, b.sub))
	})
	return m, nil
}

// pair is a link before it is filed under its target.
type pair struct {
	to int32
	link
}

// collect notes the concepts record r uses and the links it makes to
// other records.
func (m *Mapper) collect(r model.Record, i int32, pairs []pair) []pair {
	to := func(id string, k linkKind) {
		if id == "" {
			return
		}
		if j, ok := m.ds.IndexOf(id); ok {
			pairs = append(pairs, pair{to: int32(j), link: link{from: i, kind: k}})
		}
	}
	for _, t := range r.Base().Topics {
		m.topic(t)
	}
	switch r := r.(type) {
	case *model.Region:
		m.orgType(&r.Organization)
		m.noteCountry(r.Country)
		to(r.UnitOf, linkUnitOf)
		to(r.SubOrganizationOf, linkSubOrganization)
	case *model.Organization:
		m.orgType(r)
		m.noteCountry(r.Country)
		to(r.UnitOf, linkUnitOf)
		to(r.SubOrganizationOf, linkSubOrganization)
	case *model.Project:
		if r.Type != "" {
			m.typeConcept(SchemeProjectTypes, r.Type)
		}
	case *model.Event:
		if r.Type != "" {
			m.typeConcept(SchemeEventTypes, r.Type)
		}
		to(r.Series, linkSeries)
		to(r.PartOf, linkPartOf)
	case *model.Place:
		m.noteCountry(r.Country)
		to(m.container(r), linkContainedIn)
	case *model.Person:
		for _, post := range r.Posts {
			if c := m.role(post.Role); c != nil {
				c.role = true
			}
		}
	case *model.Membership:
		if c := m.role(r.Role); c != nil {
			c.role = true
		}
		to(r.Organization, linkMembershipOrg)
		to(r.Member, linkMembershipMember)
	case *model.Participation:
		m.role(r.Role)
		to(r.Event, linkParticipation)
	}
	return pairs
}

func buildIncoming(n int, pairs []pair) incoming {
	in := incoming{off: make([]int32, n+1), links: make([]link, len(pairs))}
	for _, p := range pairs {
		in.off[p.to+1]++
	}
	for i := 1; i <= n; i++ {
		in.off[i] += in.off[i-1]
	}
	next := slices.Clone(in.off[:n])
	for _, p := range pairs {
		in.links[next[p.to]] = p.link
		next[p.to]++
	}
	return in
}

func sameSource(a, b *model.Source) bool {
	return a.Title == b.Title && a.URL == b.URL && a.Publisher == b.Publisher &&
		a.License == b.License && a.Published == b.Published && a.Retrieved == b.Retrieved
}

// conceptFor returns the concept slug of scheme s, creating it.
func (m *Mapper) conceptFor(s Scheme, slug string) *concept {
	if k, ok := m.schemes[s][slug]; ok {
		return m.concepts[k]
	}
	c := &concept{Scheme: s, slug: slug}
	c.iri = obj{kind: ObjectIRI, pre: m.base + conceptSchemes[s].path + "/", s: slug, esc: true}
	m.schemes[s][slug] = int32(len(m.concepts))
	m.concepts = append(m.concepts, c)
	return c
}

// conceptRef returns the IRI of a concept; NewMapper has made every
// concept the records use, so mapping only reads.
func (m *Mapper) conceptRef(s Scheme, slug string) obj {
	if k, ok := m.schemes[s][slug]; ok {
		return m.concepts[k].iri
	}
	return obj{kind: ObjectIRI, pre: m.schemeIRIs[s] + "/", s: slug, esc: true}
}

// addLabel records a label of c; lang "" stands for the dataset
// language.
func (c *concept) addLabel(lang, label string) {
	for _, l := range c.labels {
		if l.Lang == lang && l.Value == label {
			return
		}
	}
	c.labels = append(c.labels, model.LangString{Lang: lang, Value: label})
}

// typeConcept files a type written as text under scheme s: a slug is its
// own concept, labelled with the slug's words (in English for the types
// civicnet knows); other text is slugified and kept as the label.
func (m *Mapper) typeConcept(s Scheme, text string) *concept {
	slug, label, lang := m.slugLabel(s, text, "")
	c := m.conceptFor(s, slug)
	c.addLabel(lang, label)
	return c
}

func (m *Mapper) orgType(o *model.Organization) {
	if o.Type != "" {
		m.typeConcept(SchemeOrganizationTypes, o.Type)
	}
}

func (m *Mapper) role(r model.Role) *concept {
	if r.Slug == "" && r.Label == "" {
		return nil
	}
	slug, label, lang := m.slugLabel(SchemeRoles, r.Slug, r.Label)
	c := m.conceptFor(SchemeRoles, slug)
	c.addLabel(lang, label)
	return c
}

func (m *Mapper) topic(t string) {
	slug, ok := m.topicSlugs[t]
	if !ok {
		slug = model.Slugify(t)
		if slug == "" {
			slug = "topic-" + shortHash(t)
		}
		m.topicSlugs[t] = slug
	}
	m.conceptFor(SchemeTopics, slug).addLabel("", t)
}

// prefixKey returns the first eight bytes of s as a big-endian number,
// padded with zeros: keys order as the strings' prefixes do.
func prefixKey(s string) uint64 {
	var k uint64
	for i := range 8 {
		k <<= 8
		if i < len(s) {
			k |= uint64(s[i])
		}
	}
	return k
}

// slugLabel returns the slug, label and label language ("en" or "" for
// the dataset's) of a concept written as slug (or as free text) with an
// optional label.
func (m *Mapper) slugLabel(s Scheme, slug, label string) (string, string, string) {
	words := strings.ReplaceAll(slug, "-", " ")
	if !model.IsSlug(slug) {
		text := slug
		if label != "" {
			text = label
		}
		slug = model.Slugify(text)
		if slug == "" {
			slug = "c-" + shortHash(text)
		}
		return slug, text, ""
	}
	if label == "" {
		label = words
	}
	if conceptSchemes[s].builtin[slug] && label == words {
		return slug, label, "en"
	}
	return slug, label, ""
}

// EachNode calls fn for every subject of the graph, in the order and
// with the guarantees described on [Mapper]. The node belongs to the
// Mapper: it is valid only until fn returns and must not be modified or
// retained. EachNode stops at, and returns, the first error from fn or
// from the mapping (a value the writers cannot write correctly).
func (m *Mapper) EachNode(fn func(n *Node) error) error {
	return newEmitter(m).run(0, len(m.units), fn)
}

// Base returns the base IRI of the dataset being mapped.
func (m *Mapper) Base() string { return m.base }

// Dataset returns the dataset being mapped.
func (m *Mapper) Dataset() *model.Dataset { return m.ds }

// FirstSubject returns the IRI of the subject the graph starts with, or
// "" when it is empty: writers that separate nodes (JSON-LD's commas)
// need to know which one comes first.
func (m *Mapper) FirstSubject() string {
	if len(m.units) == 0 {
		return ""
	}
	e := newEmitter(m)
	return string(e.appendObjIRI(nil, m.unitIRI(m.units[0])))
}

// sameGroup reports whether units i and j share an IRI, and so are
// emitted together.
func (m *Mapper) sameGroup(i, j int) bool {
	a, b := &m.units[i], &m.units[j]
	return a.key == b.key && a.section == b.section && a.local == b.local
}

// RecordIRI returns the IRI of the record id under base: {base}id/{id},
// with any character of id other than ASCII letters, digits and "-._~"
// percent-encoded (a valid id has none), as a CSVW URI template would
// expand it.
func RecordIRI(base, id string) string { return base + PathRecords + escapeSegment(id) }

func (m *Mapper) unitIRI(u unit) obj {
	switch u.kind {
	case unitScheme:
		return iriObj(m.schemeIRIs[u.idx])
	case unitConcept:
		return m.concepts[u.idx].iri
	}
	// A record or a source: the id, escaped when the units were made.
	return obj{kind: ObjectIRI, pre: m.recordsNS, s: u.local}
}

func (m *Mapper) recordObj(i int32) obj {
	return m.ref(m.ds.Records[i].Base().ID)
}

// ref returns the IRI of the record id, which need not exist.
func (m *Mapper) ref(id string) obj {
	return obj{kind: ObjectIRI, pre: m.recordsNS, s: id, esc: true}
}

func (m *Mapper) lookup(id string) model.Record {
	return m.ds.Lookup(id)
}

// container returns the id of the place p lies in: its contained_in,
// else, for a city, the place record of its country, so that every city
// is in its country (when the dataset has that country as a place).
func (m *Mapper) container(p *model.Place) string {
	if p.ContainedIn != "" || p.Type != "city" {
		return p.ContainedIn
	}
	if c := m.countryPlaces[p.Country]; c != p.ID {
		return c
	}
	return ""
}

// placeRef returns the node standing for the place id: the territory of
// a region, else the record itself.
func (m *Mapper) placeRef(id string) obj {
	o := m.ref(id)
	if m.regions[id] {
		o.frag = "territory"
	}
	return o
}

// emitter gathers the triples of one unit of the order: a subject and
// its hash nodes. Their IRIs are written into arena, which is reused
