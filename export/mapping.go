package export

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"

	"github.com/civicnet/civicnet/model"
)

// Mapper maps the records of a dataset to RDF triples as SPEC sections
// 4.1 and 4.2 describe. It is the one mapping every RDF format is fed
// from: the N-Triples, Turtle and JSON-LD writers consume its stream, and
// so can anything else that needs the dataset's graph, such as the VoID
// statistics of the catalogue.
//
// [Mapper.EachSubject] streams the graph one subject at a time:
//
//   - subjects come in ascending order of their IRI (byte-wise string
//     order), each exactly once; a record {base}id/{id} is directly
//     followed by its hash nodes ({base}id/{id}#during, #start, …),
//     because '#' sorts before every character of an id's IRI;
//   - a subject's triples are sorted (rdf:type first, then by predicate
//     IRI, then by object: IRIs, then literals by lexical form, datatype
//     and language) and free of duplicates;
//   - there are no blank nodes: every subject and object node is an
//     rdf.IRI, every literal an rdf.Literal (language tags lower-cased);
//   - the same dataset gives the same stream, byte for byte.
//
// Counting, say for VoID, needs no more than the stream: triples are the
// sum of len(ts); entities the number of subjects; the classes are the
// objects of the triples whose predicate is rdf:type (which come first in
// ts):
//
//	m, err := export.NewMapper(ds)
//	if err != nil { … }
//	var triples, entities int
//	perClass := map[string]int{}
//	err = m.EachSubject(func(s rdf.Subject, ts []rdf.Triple) error {
//		entities++
//		triples += len(ts)
//		for _, t := range ts {
//			if t.Pred.String() != export.NSRDF+"type" {
//				break
//			}
//			perClass[t.Obj.String()]++
//		}
//		return nil
//	})
//
// NewMapper builds the reverse indexes the inverse links need once
// (memberships by organisation and by member, units by parent, editions
// by series, participations by event, places by container), so a pass
// costs time linear in the output and memory bounded by the records, not
// by the number of triples. A Mapper reads the dataset but never changes
// it, and once built it is only read: EachSubject may run on several
// goroutines at once.
type Mapper struct {
	ds   *model.Dataset
	base string
	lang string // the dataset language, lower-cased; "" when unknown

	regions   map[string]bool              // ids of regions, whose place is #territory
	in        incoming                     // links pointing at each record
	units     []unit                       // everything that yields subjects, sorted
	schemes   [numSchemes]map[string]int32 // slug → index in concepts
	concepts  []*concept
	countries map[string]string // alpha-2 code → authority IRI, "" if unknown
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

func schemeSection(s scheme) uint8 {
	for i, p := range sections {
		if p == conceptSchemes[s].path {
			return uint8(i)
		}
	}
	panic("export: scheme without section")
}

// concept is one concept of a scheme, with the labels it was written
// with.
type concept struct {
	scheme scheme
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
// malformed dataset language. Validation (package validate) reports
// these and more with positions; NewMapper only guards the output.
func NewMapper(ds *model.Dataset) (*Mapper, error) {
	if err := CheckBase(ds.Info.Base); err != nil {
		return nil, err
	}
	if err := checkIRI(ds.Info.Base); err != nil {
		return nil, fmt.Errorf("base: %w", err)
	}
	m := &Mapper{
		ds:         ds,
		base:       ds.Info.Base,
		regions:    map[string]bool{},
		countries:  map[string]string{},
		topicSlugs: map[string]string{},
		recordsNS:  ds.Info.Base + pathRecords,
	}
	for s := range m.schemeIRIs {
		m.schemeIRIs[s] = m.base + conceptSchemes[s].path
	}
	if ds.Info.Language != "" {
		l, ok := normalizeLang(ds.Info.Language)
		if !ok {
			return nil, fmt.Errorf("dataset language %q is not a well-formed language tag", ds.Info.Language)
		}
		m.lang = l
	}
	for i := range m.schemes {
		m.schemes[i] = map[string]int32{}
	}
	for i, r := range ds.Records {
		c := r.Base()
		if c.ID == "" {
			return nil, fmt.Errorf("record %d (%s) has no id", i+1, r.Kind())
		}
		// Links are resolved through the dataset's index of ids.
		if j, ok := ds.IndexOf(c.ID); !ok || j > i || ds.Records[j].Base().ID != c.ID {
			return nil, fmt.Errorf("record %d (%s %q) is missing from the dataset's index: add records with Dataset.Add", i+1, r.Kind(), c.ID)
		}
		if _, ok := r.(*model.Region); ok {
			m.regions[c.ID] = true
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
			return nil, fmt.Errorf("record %q cites more than %d sources", r.Base().ID, math.MaxUint16)
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
			m.units = append(m.units, unit{section: schemeSection(scheme(s)), kind: unitScheme, idx: int32(s)})
		}
	}
	for i, c := range m.concepts {
		m.units = append(m.units, unit{section: schemeSection(c.scheme), local: escapeSegment(c.slug), kind: unitConcept, idx: int32(i)})
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
		if j, ok := m.ds.IndexOf(id); ok && id != "" {
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
			m.typeConcept(schemeProjectTypes, r.Type)
		}
	case *model.Event:
		if r.Type != "" {
			m.typeConcept(schemeEventTypes, r.Type)
		}
		to(r.Series, linkSeries)
	case *model.Place:
		m.noteCountry(r.Country)
		to(r.ContainedIn, linkContainedIn)
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
func (m *Mapper) conceptFor(s scheme, slug string) *concept {
	if k, ok := m.schemes[s][slug]; ok {
		return m.concepts[k]
	}
	c := &concept{scheme: s, slug: slug}
	c.iri = obj{kind: oIRI, pre: m.base + conceptSchemes[s].path + "/", s: slug, esc: true}
	m.schemes[s][slug] = int32(len(m.concepts))
	m.concepts = append(m.concepts, c)
	return c
}

// conceptRef returns the IRI of a concept; NewMapper has made every
// concept the records use, so mapping only reads.
func (m *Mapper) conceptRef(s scheme, slug string) obj {
	if k, ok := m.schemes[s][slug]; ok {
		return m.concepts[k].iri
	}
	return obj{kind: oIRI, pre: m.schemeIRIs[s] + "/", s: slug, esc: true}
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
func (m *Mapper) typeConcept(s scheme, text string) *concept {
	slug, label, lang := m.slugLabel(s, text, "")
	c := m.conceptFor(s, slug)
	c.addLabel(lang, label)
	return c
}

func (m *Mapper) orgType(o *model.Organization) {
	if o.Type != "" {
		m.typeConcept(schemeOrganizationTypes, o.Type)
	}
}

func (m *Mapper) role(r model.Role) *concept {
	if r.Slug == "" && r.Label == "" {
		return nil
	}
	slug, label, lang := m.slugLabel(schemeRoles, r.Slug, r.Label)
	c := m.conceptFor(schemeRoles, slug)
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
	m.conceptFor(schemeTopics, slug).addLabel("", t)
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
func (m *Mapper) slugLabel(s scheme, slug, label string) (string, string, string) {
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

// EachSubject calls fn for every subject of the graph, in the order and
// with the guarantees described on [Mapper]. ts is sorted and belongs to
// the Mapper: it is valid only until fn returns and must not be modified
// or retained. EachSubject stops at, and returns, the first error from fn
// or from the mapping (a malformed language tag in a record, for
// instance).
func (m *Mapper) EachSubject(fn func(s rdf.Subject, ts []rdf.Triple) error) error {
	e := newEmitter(m)
	var ts []rdf.Triple
	return e.run(0, len(m.units), func(n *node) error {
		subj := rdf.Subject(mustIRI(string(e.subject(n))))
		var err error
		if ts, err = e.rdfTriples(subj, n.ts, ts); err != nil {
			return err
		}
		return fn(subj, ts)
	})
}

// firstSubject returns the IRI of the subject EachSubject gives first, or
// "" when there is none.
func (m *Mapper) firstSubject() string {
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
func RecordIRI(base, id string) string { return base + pathRecords + escapeSegment(id) }

func (m *Mapper) unitIRI(u unit) obj {
	switch u.kind {
	case unitRecord:
		return m.recordObj(u.idx)
	case unitScheme:
		return iriObj(m.schemeIRIs[u.idx])
	case unitConcept:
		return m.concepts[u.idx].iri
	}
	return m.ref(m.ds.Records[u.idx].Base().Sources[u.sub].ID)
}

func (m *Mapper) recordObj(i int32) obj {
	return m.ref(m.ds.Records[i].Base().ID)
}

// ref returns the IRI of the record id, which need not exist.
func (m *Mapper) ref(id string) obj {
	return obj{kind: oIRI, pre: m.recordsNS, s: id, esc: true}
}

func (m *Mapper) lookup(id string) model.Record {
	return m.ds.Lookup(id)
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
// from one subject to the next.
//
// Mapping a dataset on several goroutines gives each its emitter: the
// Mapper is only read, and every cache lives here.
type emitter struct {
	m     *Mapper
	arena []byte
	nodes []node
	used  int
	err   error
	order []int
	langs map[string]string // language tag as written → normalised
	// sources are the variants of the source being emitted.
	sources []*model.Source
}

func newEmitter(m *Mapper) *emitter {
	return &emitter{m: m, langs: map[string]string{}}
}

// run emits the units lo to hi-1 (whole groups), calling fn with each
// node that has triples, in subject order.
func (e *emitter) run(lo, hi int, fn func(n *node) error) error {
	m := e.m
	for i := lo; i < hi; {
		j := i + 1
		for j < hi && m.sameGroup(i, j) {
			j++
		}
		e.reset(m.unitIRI(m.units[i]))
		for _, u := range m.units[i:j] {
			e.unit(u)
		}
		if e.err != nil {
			return e.err
		}
		if err := e.flush(fn); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// node is a subject being built: the record, or one of its hash nodes.
type node struct {
	frag   string
	lo, hi int32 // the IRI in the arena
	ts     []otriple
}

const mainNode = 0

// subject returns the IRI of n.
func (e *emitter) subject(n *node) []byte { return e.arena[n.lo:n.hi] }

func (e *emitter) reset(o obj) {
	e.arena = e.arena[:0]
	e.used = 0
	e.sources = e.sources[:0]
	n := e.newNode("")
	e.arena = e.appendObjIRI(e.arena, o)
	e.nodes[n].hi = int32(len(e.arena))
}

// newNode adds a node whose IRI the caller appends to the arena next.
func (e *emitter) newNode(frag string) int {
	if e.used == len(e.nodes) {
		e.nodes = append(e.nodes, node{})
	}
	n := &e.nodes[e.used]
	n.frag, n.ts = frag, n.ts[:0]
	n.lo, n.hi = int32(len(e.arena)), int32(len(e.arena))
	e.used++
	return e.used - 1
}

// hash returns the index of the hash node {subject}#frag.
func (e *emitter) hash(frag string) int {
	for i := 1; i < e.used; i++ {
		if e.nodes[i].frag == frag {
			return i
		}
	}
	n := e.newNode(frag)
	main := e.nodes[mainNode]
	e.arena = append(e.arena, e.arena[main.lo:main.hi]...)
	e.arena = append(e.arena, '#')
	e.arena = append(e.arena, frag...)
	e.nodes[n].hi = int32(len(e.arena))
	return n
}

// add adds the triple (node n, p, o); an object of kind oNone adds
// nothing.
func (e *emitter) add(n int, p *vocabTerm, o obj) {
	t := otriple{p: p, kind: o.kind, v: o.v}
	switch o.kind {
	case oNone:
		return
	case oIRI:
		t.lo = int32(len(e.arena))
		e.arena = e.appendObjIRI(e.arena, o)
		t.hi = int32(len(e.arena))
	case oLiteral:
		t.s, t.lang = o.s, o.lang
	}
	e.nodes[n].ts = append(e.nodes[n].ts, t)
}

// ref returns node n as an object.
func (e *emitter) ref(n int) obj { return obj{kind: oIRI, node: n + 1} }

// flush sorts the nodes and their triples and hands them to fn.
func (e *emitter) flush(fn func(n *node) error) error {
	e.order = e.order[:0]
	for i := 0; i < e.used; i++ {
		e.order = append(e.order, i)
	}
	slices.SortFunc(e.order, func(a, b int) int { return strings.Compare(e.nodes[a].frag, e.nodes[b].frag) })
	for _, i := range e.order {
		n := &e.nodes[i]
		if len(n.ts) == 0 {
			continue
		}
		slices.SortFunc(n.ts, func(a, b otriple) int { return e.compareOTriples(&a, &b) })
		n.ts = slices.CompactFunc(n.ts, func(a, b otriple) bool { return e.compareOTriples(&a, &b) == 0 })
		if err := fn(n); err != nil {
			return err
		}
	}
	return nil
}

func (e *emitter) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

func (e *emitter) unit(u unit) {
	m := e.m
	switch u.kind {
	case unitScheme:
		e.scheme(scheme(u.idx))
	case unitConcept:
		e.concept(m.concepts[u.idx])
	case unitSource:
		// Records citing one source usually hold equal copies of it: each
		// distinct variant is written once (if copies disagree, the node
		// carries the facts of each).
		s := m.ds.Records[u.idx].Base().Sources[u.sub]
		for _, seen := range e.sources {
			if seen == s || sameSource(seen, s) {
				return
			}
		}
		e.sources = append(e.sources, s)
		e.source(s)
	case unitRecord:
		e.record(u.idx, m.ds.Records[u.idx])
	}
}

func (e *emitter) scheme(s scheme) {
	title := e.lit(conceptSchemes[s].title, "en")
	e.add(mainNode, pType, cConceptScheme)
	e.add(mainNode, pTitle, title)
	e.add(mainNode, pPrefLabel, title)
}

// concept writes one skos:prefLabel per language (the smallest label)
// and the other labels as skos:altLabel, as SKOS allows one preferred
// label per language.
func (e *emitter) concept(c *concept) {
	e.add(mainNode, pType, cConcept)
	if c.role {
		e.add(mainNode, pType, cOrgRole)
	}
	e.add(mainNode, pInScheme, iriObj(e.m.schemeIRIs[c.scheme]))
	labels := make([]model.LangString, 0, len(c.labels))
	for _, l := range c.labels {
		lang := l.Lang
		if lang == "" {
			lang = e.m.lang
		}
		labels = append(labels, model.LangString{Lang: lang, Value: l.Value})
	}
	slices.SortFunc(labels, func(a, b model.LangString) int {
		return cmp.Or(strings.Compare(a.Lang, b.Lang), strings.Compare(a.Value, b.Value))
	})
	for i, l := range labels {
		p := pPrefLabel
		if i > 0 && labels[i-1].Lang == l.Lang {
			p = pAltLabel
		}
		e.add(mainNode, p, e.lit(l.Value, l.Lang))
	}
}

func (e *emitter) source(s *model.Source) {
	m := e.m
	e.add(mainNode, pType, cCreativeWork)
	if s.Title != "" {
		e.add(mainNode, pName, e.text(model.LangString{Value: s.Title}))
	}
	if s.URL != "" {
		e.add(mainNode, pURL, urlObject(s.URL))
	}
	if s.License != "" {
		e.add(mainNode, pLicense, licenseObject(s.License))
	}
	switch {
	case s.Publisher == "":
	case m.lookup(s.Publisher) != nil:
		e.add(mainNode, pPublisher, m.ref(s.Publisher))
	default:
		p := e.hash("publisher")
		e.add(mainNode, pPublisher, e.ref(p))
		e.add(p, pType, cSchemaOrganization)
		e.add(p, pName, e.text(model.LangString{Value: s.Publisher}))
	}
	e.add(mainNode, pDatePublished, dateLiteral(s.Published))
	e.add(mainNode, pRetrieved, dateLiteral(s.Retrieved))
}

func (e *emitter) record(i int32, r model.Record) {
	switch r := r.(type) {
	case *model.Region:
		e.organization(i, &r.Organization, true)
		e.region(i, r)
	case *model.Organization:
		e.organization(i, r, false)
	case *model.Person:
		e.add(mainNode, pType, cPerson)
		e.add(mainNode, pType, cSchemaPerson)
		e.common(&r.Common)
		e.add(mainNode, pGivenName, e.str(r.GivenName))
		e.add(mainNode, pFamilyName, e.str(r.FamilyName))
		e.memberLinks(i)
	case *model.Project:
		e.project(i, r)
	case *model.Event:
		e.event(i, r)
	case *model.Place:
		e.place(i, r)
	case *model.Membership:
		e.add(mainNode, pType, cMembership)
		e.common(&r.Common)
		e.add(mainNode, pOrgMember, e.refOrNil(r.Member))
		e.add(mainNode, pOrgOrganization, e.refOrNil(r.Organization))
		e.add(mainNode, pOrgRole, e.roleRef(r.Role))
		e.interval(mainNode, pMemberDuring, r.During)
	case *model.Participation:
		e.add(mainNode, pType, cCivicParticipation)
		e.common(&r.Common)
		e.add(mainNode, pAgent, e.refOrNil(r.Agent))
		e.add(mainNode, pEvent, e.refOrNil(r.Event))
		e.add(mainNode, pRole, e.roleRef(r.Role))
	}
}

func (e *emitter) refOrNil(id string) obj {
	if id == "" {
		return obj{}
	}
	return e.m.ref(id)
}

func (e *emitter) roleRef(r model.Role) obj {
	if r.Slug == "" && r.Label == "" {
		return obj{}
	}
	slug, _, _ := e.m.slugLabel(schemeRoles, r.Slug, r.Label)
	return e.m.conceptRef(schemeRoles, slug)
}

func (e *emitter) typeRef(s scheme, text string) obj {
	if text == "" {
		return obj{}
	}
	slug, _, _ := e.m.slugLabel(s, text, "")
	return e.m.conceptRef(s, slug)
}

// organization writes what an organisation and a region share. Units:
// ORG gives org:unitOf the range org:FormalOrganization, so unitOf and
// hasUnit link a unit to an organisation that is not itself a unit,
// which is then typed org:FormalOrganization; a unit of a unit, and a
// unit of a project, are linked by org:subOrganizationOf only
// (docs/vocabulary.md).
func (e *emitter) organization(i int32, o *model.Organization, region bool) {
	m := e.m
	e.add(mainNode, pType, cOrganization)
	if region {
		e.add(mainNode, pType, cGovernmentOrg)
		e.add(mainNode, pType, cCivicRegion)
	} else {
		e.add(mainNode, pType, cSchemaOrganization)
	}
	e.common(&o.Common)
	e.add(mainNode, pClassification, e.typeRef(schemeOrganizationTypes, o.Type))
	e.add(mainNode, pSpatial, e.m.country(o.Country))
	if o.Place != "" {
		e.add(mainNode, pLocation, m.placeRef(o.Place))
	}
	if o.UnitOf != "" {
		if parent := orgOf(m.lookup(o.UnitOf)); parent != nil {
			e.add(mainNode, pType, cOrganizationalUnit)
			if parent.UnitOf == "" {
				e.add(mainNode, pUnitOf, m.ref(o.UnitOf))
			}
		}
		e.add(mainNode, pSubOrganizationOf, m.ref(o.UnitOf))
	}
	if o.SubOrganizationOf != "" {
		e.add(mainNode, pSubOrganizationOf, m.ref(o.SubOrganizationOf))
	}
	for _, l := range m.in.of(i) {
		child := m.ds.Records[l.from]
		switch l.kind {
		case linkUnitOf:
			if orgOf(child) != nil && o.UnitOf == "" {
				e.add(mainNode, pType, cFormalOrganization)
				e.add(mainNode, pHasUnit, m.recordObj(l.from))
			}
			e.add(mainNode, pHasSubOrganization, m.recordObj(l.from))
		case linkSubOrganization:
			e.add(mainNode, pHasSubOrganization, m.recordObj(l.from))
		}
	}
	e.memberLinks(i)
}

// orgOf returns the organisation part of an organisation or region.
func orgOf(r model.Record) *model.Organization {
	switch r := r.(type) {
	case *model.Organization:
		return r
	case *model.Region:
		return &r.Organization
	}
	return nil
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
			e.add(mainNode, pHasMember, m.ref(ms.Member))
		case l.kind == linkMembershipMember && ms.Organization != "":
			e.add(mainNode, pMemberOf, m.ref(ms.Organization))
		}
	}
}

func (e *emitter) region(i int32, r *model.Region) {
	m := e.m
	t := e.hash("territory")
	e.add(mainNode, pAreaServed, e.ref(t))
	e.add(t, pType, cAdministrativeArea)
	e.add(t, pType, cLocation)
	e.names(t, r.Name, r.AltNames)
	e.add(t, pSpatial, e.m.country(r.Country))
	if !r.Population.IsZero() {
		e.add(t, pPopulation, e.ref(e.quantity("population", r.Population, false)))
	}
	if !r.AreaKm2.IsZero() {
		area := r.AreaKm2
		if area.Unit == "" {
			area.Unit = "KMK"
		}
		e.add(t, pArea, e.ref(e.quantity("area", area, false)))
	}
	if r.Capital != "" {
		e.add(t, pCapital, m.placeRef(r.Capital))
	}
	e.identifiers(t, "territory-", r.TerritoryIdentifiers)
	e.containsPlaces(t, i)
}

func (e *emitter) containsPlaces(n int, i int32) {
	for _, l := range e.m.in.of(i) {
		if l.kind == linkContainedIn {
			e.add(n, pContainsPlace, e.m.recordObj(l.from))
		}
	}
}

func (e *emitter) project(i int32, p *model.Project) {
	m := e.m
	e.add(mainNode, pType, cCivicProject)
	if p.IsCollaboration() {
		e.add(mainNode, pType, cOrganizationalCollab)
		e.add(mainNode, pType, cSchemaOrganization)
	}
	e.common(&p.Common)
	e.add(mainNode, pDCType, e.typeRef(schemeProjectTypes, p.Type))
	if p.Acronym != "" {
		e.altName(mainNode, p.Name, model.LangString{Value: p.Acronym})
	}
	e.interval(mainNode, pTimeHasTime, p.During)
	if p.OperatedBy != "" {
		e.add(mainNode, pOperatedBy, m.ref(p.OperatedBy))
	}
	e.funding(p.Funding)
	e.quantities(p.Quantities)
	for _, l := range m.in.of(i) {
		if l.kind == linkUnitOf || l.kind == linkSubOrganization {
			e.add(mainNode, pHasSubOrganization, m.recordObj(l.from))
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
		e.add(mainNode, pFunding, e.ref(g))
		if f.Funder != "" {
			e.add(mainNode, pFunder, e.m.ref(f.Funder))
			e.add(g, pFunder, e.m.ref(f.Funder))
		}
		if f.Amount.IsZero() {
			e.add(g, pType, cGrant)
		} else {
			e.add(g, pType, cMonetaryGrant)
			e.add(g, pAmount, e.ref(e.quantity("amount-"+keys[k], f.Amount, true)))
		}
		if f.Programme != "" {
			e.add(g, pName, e.text(model.LangString{Value: f.Programme}))
		}
		if f.Year > 0 && f.Year <= 9999 {
			e.add(g, pDate, literal(fmt.Sprintf("%04d", f.Year), datatypeGYear))
		}
		if f.Share != "" {
			e.add(g, pShare, e.str(f.Share))
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
		e.add(mainNode, pQuantity, e.ref(n))
		if q.Name != "" {
			e.add(n, pName, e.text(model.LangString{Value: q.Name}))
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
		e.add(mainNode, pType, cEventSeries)
	} else {
		e.add(mainNode, pType, cEvent)
	}
	e.common(&ev.Common)
	e.add(mainNode, pDCType, e.typeRef(schemeEventTypes, ev.Type))
	e.interval(mainNode, pTimeHasTime, ev.Date)
	d := ev.Date
	if d.StartBound == model.BoundDate && d.EndBound == model.BoundDate &&
		d.Start.Precision == model.PrecisionDay && d.End.Precision == model.PrecisionDay {
		e.add(mainNode, pStartDate, literal(d.Start.ISO(), datatypeDate))
		e.add(mainNode, pEndDate, literal(d.End.ISO(), datatypeDate))
	}
	if ev.Place != "" {
		e.add(mainNode, pLocation, m.placeRef(ev.Place))
	}
	if ev.Series != "" {
		e.add(mainNode, pSuperEvent, m.ref(ev.Series))
	}
	if ev.Edition != 0 {
		e.add(mainNode, pEdition, literal(strconv.Itoa(ev.Edition), datatypeInteger))
	}
	if ev.Project != "" {
		e.add(mainNode, pProject, m.ref(ev.Project))
	}
	if !ev.ParticipantCount.IsZero() {
		e.add(mainNode, pParticipantCount, e.ref(e.quantity("participant-count", ev.ParticipantCount, false)))
	}
	for _, g := range ev.ParticipantGroups {
		e.add(mainNode, pParticipantGroup, e.text(model.LangString{Value: g}))
	}
	for _, l := range m.in.of(i) {
		switch l.kind {
		case linkSeries:
			e.add(mainNode, pSubEvent, m.recordObj(l.from))
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
func participationShortcut(role string) *vocabTerm {
	switch role {
	case "organizer", "co-organizer", "host":
		return pOrganizer
	case "attendee":
		return pAttendee
	case "speaker", "expert", "moderator":
		return pPerformer
	case "funder":
		return pFunder
	}
	return nil
}

func (e *emitter) place(i int32, p *model.Place) {
	m := e.m
	e.add(mainNode, pType, cPlace)
	switch p.Type {
	case "city":
		e.add(mainNode, pType, cCity)
	case "country":
		e.add(mainNode, pType, cCountry)
	case "heritage-site":
		e.add(mainNode, pType, cLandmark)
	case "area", "region", "administrative-area":
		e.add(mainNode, pType, cAdministrativeArea)
	}
	e.common(&p.Common)
	e.add(mainNode, pSpatial, e.m.country(p.Country))
	if p.ContainedIn != "" {
		e.add(mainNode, pContainedInPlace, m.placeRef(p.ContainedIn))
	}
	if p.Address != "" {
		a := e.hash("address")
		e.add(mainNode, pAddress, e.ref(a))
		e.add(a, pType, cPostalAddress)
		e.add(a, pStreetAddress, e.str(p.Address))
		if city := m.city(p); city != nil {
			e.add(a, pAddressLocality, e.text(city.Name[0]))
		}
		if p.Country != "" {
			e.add(a, pAddressCountry, e.str(p.Country))
		}
	}
	if p.Inscribed > 0 && p.Inscribed <= 9999 {
		e.add(mainNode, pUnescoInscribed, literal(fmt.Sprintf("%04d", p.Inscribed), datatypeGYear))
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
func (e *emitter) common(c *model.Common) {
	m := e.m
	e.names(mainNode, c.Name, c.AltNames)
	for _, d := range c.Description {
		e.add(mainNode, pDescription, e.text(d))
	}
	e.identifiers(mainNode, "", c.Identifiers)
	if c.Website != "" {
		e.add(mainNode, pURL, urlObject(c.Website))
	}
	if c.Email != "" {
		e.add(mainNode, pEmail, e.str(c.Email))
	}
	for _, t := range c.Topics {
		e.add(mainNode, pSubject, m.conceptRef(schemeTopics, m.topicSlugs[t]))
	}
	for _, s := range c.Sources {
		if s != nil && s.ID != "" {
			e.add(mainNode, pSubjectOf, m.ref(s.ID))
		}
	}
}

// names writes a node's names as skos:prefLabel and schema:name, and its
// other names as skos:altLabel, leaving out an alternative name equal to
// the name in the same language.
func (e *emitter) names(n int, name model.Text, alts []model.Text) {
	for _, ls := range name {
		o := e.text(ls)
		e.add(n, pPrefLabel, o)
		e.add(n, pName, o)
	}
	for _, alt := range alts {
		for _, ls := range alt {
			e.altName(n, name, ls)
		}
	}
}

func (e *emitter) altName(n int, name model.Text, alt model.LangString) {
	lang := e.langOf(alt.Lang)
	for _, ls := range name {
		if ls.Value == alt.Value && e.langOf(ls.Lang) == lang {
			return
		}
	}
	e.add(n, pAltLabel, e.text(alt))
}

func (e *emitter) identifiers(n int, prefix string, ids []model.Identifier) {
	for _, id := range ids {
		if id.Scheme == "" {
			continue
		}
		v := e.hash(prefix + "id-" + escapeSegment(id.Scheme))
		e.add(n, pIdentifier, e.ref(v))
		e.add(v, pType, cPropertyValue)
		e.add(v, pPropertyID, e.str(id.Scheme))
		e.add(v, pValue, e.str(id.Value))
		if iri := sameAsIRI(id.Scheme, id.Value); iri != "" {
			e.add(n, pSameAs, iriObj(iri))
		}
	}
}

// interval writes iv as the hash node #during linked from node n by p,
// with its ends #start and #end (SPEC 4.2, "intervals"). An absent
// interval writes nothing.
func (e *emitter) interval(n int, p *vocabTerm, iv model.Interval) {
	if iv.IsZero() {
		return
	}
	d := e.hash("during")
	e.add(n, p, e.ref(d))
	e.add(d, pType, cInterval)
	e.add(d, pEDTF, e.str(iv.String()))
	if iv.StartBound == model.BoundDate {
		s := e.hash("start")
		e.add(d, pTimeHasBeginning, e.ref(s))
		e.instant(s, iv.Start)
	}
	if iv.EndBound == model.BoundDate {
		end := e.hash("end")
		e.add(d, pTimeHasEnd, e.ref(end))
		e.instant(end, iv.End)
	}
	if iv.Ongoing() {
		e.add(d, pOngoing, litTrue)
	}
}

func (e *emitter) instant(n int, d model.Date) {
	e.add(n, pType, cInstant)
	switch d.Precision {
	case model.PrecisionYear:
		e.add(n, pTimeInXSDgYear, dateLiteral(d))
	case model.PrecisionMonth:
		e.add(n, pTimeInXSDgYearMonth, dateLiteral(d))
	case model.PrecisionDay:
		e.add(n, pTimeInXSDDate, dateLiteral(d))
	}
	if d.Approximate {
		e.add(n, pApproximate, litTrue)
	}
	if d.Uncertain {
		e.add(n, pUncertain, litTrue)
	}
}

// quantity writes q as the hash node #frag and returns it. A currency
// unit, or monetary (a grant's amount), makes it a schema:MonetaryAmount.
func (e *emitter) quantity(frag string, q model.Quantity, monetary bool) int {
	n := e.hash(frag)
	currency := model.IsCurrency(q.Unit)
	if currency || monetary {
		e.add(n, pType, cMonetaryAmount)
	} else {
		e.add(n, pType, cQuantitativeValue)
	}
	if q.Value != "" {
		dt := datatypeDecimal
		if q.IsInteger() {
			dt = datatypeInteger
		}
		e.add(n, pValue, literal(q.Value, dt))
	}
	switch {
	case q.Unit == "":
	case currency:
		e.add(n, pCurrency, e.str(q.Unit))
	case model.IsUNCEFACTCode(q.Unit):
		e.add(n, pUnitCode, e.str(q.Unit))
	default:
		e.add(n, pUnitText, e.str(q.Unit))
	}
	if q.Qualifier != model.QualifierExact {
		e.add(n, pQualifier, e.str(q.Qualifier.String()))
	}
	e.add(n, pDate, dateLiteral(q.AsOf))
	return n
}

// langOf returns the normalised language of a string written with tag
// lang ("" for the dataset language).
func (e *emitter) langOf(lang string) string {
	if lang == "" {
		return e.m.lang
	}
	l, err := e.normLang(lang)
	if err != nil {
		e.fail(err)
	}
	return l
}

// text returns a language-tagged literal, or a plain one when the
// language is unknown.
func (e *emitter) text(ls model.LangString) obj {
	return e.lit(ls.Value, e.langOf(ls.Lang))
}

// lit returns the string v in lang, which is "" or normalised.
func (e *emitter) lit(v, lang string) obj {
	return obj{kind: oLiteral, s: validUTF8(v), lang: lang}
}

// str returns a plain string literal, or nothing for "".
func (e *emitter) str(s string) obj {
	if s == "" {
		return obj{}
	}
	return literal(validUTF8(s), nil)
}

func (e *emitter) normLang(tag string) (string, error) {
	if l, ok := e.langs[tag]; ok {
		return l, nil
	}
	l, ok := normalizeLang(tag)
	if !ok {
		return "", fmt.Errorf("language tag %q is not well-formed", tag)
	}
	e.langs[tag] = l
	return l, nil
}

// normalizeLang checks tag against the language tag production of
// Turtle and N-Triples, [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*, and lower-cases
// it: RDF compares language tags case-insensitively and JSON-LD
// processors lower-case them, so lower case keeps every format the same
// graph.
func normalizeLang(tag string) (string, bool) {
	if tag == "" {
		return "", false
	}
	first, prevDash := true, false
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9':
			if first {
				return "", false
			}
		case c == '-':
			if i == 0 || prevDash {
				return "", false
			}
			first = false
		default:
			return "", false
		}
		prevDash = c == '-'
	}
	if prevDash {
		return "", false
	}
	return strings.ToLower(tag), true
}

// langLiteral makes a language-tagged literal. rdf.NewLangLiteral
// accepts at most one subtag ("pt-br", not "sr-latn-rs"), so longer tags
// are made by decoding the literal with the package's own N-Triples
// decoder, which reads every well-formed tag.
func langLiteral(v, tag string) (rdf.Literal, error) {
	if strings.Count(tag, "-") <= 1 {
		return rdf.NewLangLiteral(v, tag)
	}
	line := append([]byte("<http://x/> <http://x/> "), appendNTString(nil, v)...)
	line = append(append(append(line, '@'), tag...), " .\n"...)
	t, err := rdf.NewTripleDecoder(bytes.NewReader(line), rdf.NTriples).Decode()
	if err != nil {
		return rdf.Literal{}, fmt.Errorf("language tag %q: %w", tag, err)
	}
	l, ok := t.Obj.(rdf.Literal)
	if !ok || l.String() != v || l.Lang() != tag {
		return rdf.Literal{}, errors.New("cannot make a literal with language tag " + strconv.Quote(tag))
	}
	return l, nil
}

func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// dateLiteral returns d as xsd:gYear, xsd:gYearMonth or xsd:date by its
// precision (its EDTF qualifier is not part of the value), or nothing.
func dateLiteral(d model.Date) obj {
	switch d.Precision {
	case model.PrecisionYear:
		return literal(d.ISO(), datatypeGYear)
	case model.PrecisionMonth:
		return literal(d.ISO(), datatypeGYearMonth)
	case model.PrecisionDay:
		return literal(d.ISO(), datatypeDate)
	}
	return obj{}
}

// noteCountry makes the IRI of a country code once, while the Mapper is
// built.
func (m *Mapper) noteCountry(code string) {
	if _, ok := m.countries[code]; !ok && code != "" {
		m.countries[code] = countryIRI(code)
	}
}

// country returns the EU country authority IRI of an ISO 3166-1
// alpha-2 code, or nothing for an unknown code.
func (m *Mapper) country(code string) obj {
	iri, ok := m.countries[code]
	if !ok {
		iri = countryIRI(code)
	}
	if iri == "" {
		return obj{}
	}
	return iriObj(iri)
}

func countryIRI(code string) string {
	if a3 := model.CountryAlpha3(code); a3 != "" {
		return "http://publications.europa.eu/resource/authority/country/" + a3
	}
	return ""
}

// sameAsIRI returns the IRI an identifier of a known scheme stands for,
// or "" when the scheme has none or the value is not of its form.
func sameAsIRI(scheme, v string) string {
	switch scheme {
	case "wikidata":
		if len(v) > 1 && v[0] == 'Q' && v[1] != '0' && allDigits(v[1:]) {
			return "http://www.wikidata.org/entity/" + v
		}
	case "geonames":
		if v != "" && v[0] != '0' && allDigits(v) {
			return "https://sws.geonames.org/" + v + "/"
		}
	case "nuts":
		if len(v) >= 2 && len(v) <= 5 && isUpper(v[0]) && isUpper(v[1]) && allUpperOrDigits(v[2:]) {
			return "http://data.europa.eu/nuts/code/" + v
		}
	case "orcid":
		if len(v) == 19 && v[4] == '-' && v[9] == '-' && v[14] == '-' &&
			allDigits(v[0:4]+v[5:9]+v[10:14]+v[15:18]) && (isDigit(v[18]) || v[18] == 'X') {
			return "https://orcid.org/" + v
		}
	}
	return ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func allUpperOrDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && !isUpper(s[i]) {
			return false
		}
	}
	return true
}

// licenseObject returns the IRI of a licence: an SPDX id becomes its
// SPDX licence IRI, a URL stays itself.
func licenseObject(l string) obj {
	if strings.Contains(l, ":") {
		return urlObject(l)
	}
	return obj{kind: oIRI, pre: "http://spdx.org/licenses/", s: l, esc: true}
}

// urlObject returns an http(s) URL as an IRI, with the characters an IRI
// cannot hold percent-encoded. Anything else, such as a URL without a
// host (validation rejects them), is kept as an xsd:anyURI literal rather
// than made into an IRI that RDF tools would refuse.
func urlObject(u string) obj {
	if isPlainHTTPURL(u) {
		return iriObj(u)
	}
	escaped := escapeIRI(u)
	p, err := url.Parse(escaped)
	if err != nil || !strings.EqualFold(p.Scheme, "http") && !strings.EqualFold(p.Scheme, "https") || p.Host == "" {
		return literal(validUTF8(u), datatypeAnyURI)
	}
	if _, err := rdf.NewIRI(escaped); err != nil {
		return literal(validUTF8(u), datatypeAnyURI)
	}
	return iriObj(escaped)
}

// isPlainHTTPURL reports, without parsing, whether u is an http(s) URL
// of the most common form, which needs no escape and that url.Parse
// accepts: the scheme, "://", a host name of letters, digits, '.' and
// '-', then nothing or a '/' and printable ASCII an IRI may hold.
func isPlainHTTPURL(u string) bool {
	var rest string
	switch {
	case strings.HasPrefix(u, "https://"):
		rest = u[len("https://"):]
	case strings.HasPrefix(u, "http://"):
		rest = u[len("http://"):]
	default:
		return false
	}
	i := 0
	for i < len(rest) && (rest[i] >= 'a' && rest[i] <= 'z' || rest[i] >= 'A' && rest[i] <= 'Z' ||
		rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.' || rest[i] == '-') {
		i++
	}
	if i == 0 || i < len(rest) && rest[i] != '/' {
		return false
	}
	for ; i < len(rest); i++ {
		if c := rest[i]; c >= 0x7f || !iriByteOK(c) || c == '%' {
			return false
		}
	}
	return true
}

// escapeIRI percent-encodes what may not appear in an IRI (RFC 3987):
// spaces, controls, <>"{}|\^`, a % that starts no escape, bytes of
// invalid UTF-8 and code points outside ucschar.
func escapeIRI(s string) string {
	if !needsIRIEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if iriByteOK(c) && (c != '%' || (i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]))) {
				b.WriteByte(c)
			} else {
				pctEncode(&b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !isUCSChar(r) {
			for k := 0; k < size; k++ {
				pctEncode(&b, s[i+k])
			}
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsIRIEscape(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !iriByteOK(c) || c == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !isUCSChar(r) {
			return true
		}
		i += size
	}
	return false
}

// iriByteOK reports whether an ASCII byte may appear as itself in an
// IRI.
func iriByteOK(c byte) bool {
	if c <= ' ' || c == 0x7f {
		return false
	}
	switch c {
	case '<', '>', '"', '{', '}', '|', '\\', '^', '`':
		return false
	}
	return true
}

// isUCSChar reports whether r is a ucschar of RFC 3987 (the non-ASCII
// characters allowed unescaped in the path of an IRI).
func isUCSChar(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFEF:
		return true
	case r >= 0x10000 && r <= 0xEFFFD:
		return r&0xFFFF <= 0xFFFD
	}
	return false
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

const upperHex = "0123456789ABCDEF"

func pctEncode(b *strings.Builder, c byte) {
	b.WriteByte('%')
	b.WriteByte(upperHex[c>>4])
	b.WriteByte(upperHex[c&15])
}

// escapeSegment percent-encodes every byte of s but ASCII letters,
// digits and "-._~" (RFC 3986 unreserved), as RFC 6570 simple expansion
// does; a slug comes back unchanged, without allocating. Every character
// of the result sorts after '#', which keeps a record's hash nodes right
// behind it in subject order.
func escapeSegment(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if unreserved(s[i]) {
			b.WriteByte(s[i])
		} else {
			pctEncode(&b, s[i])
		}
	}
	return b.String()
}

func unreserved(c byte) bool { return unreservedBytes[c] }

// appendEscapedSegment appends escapeSegment(s) without making a string;
// runs of unreserved bytes (all of a valid id) are copied at once.
func appendEscapedSegment(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; !unreservedBytes[c] {
			b = append(b, s[start:i]...)
			b = append(b, '%', upperHex[c>>4], upperHex[c&15])
			start = i + 1
		}
	}
	return append(b, s[start:]...)
}

var unreservedBytes = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~'
	}
	return t
}()

// shortHash is a short, stable digest of s for fragments and slugs that
// must come from content.
func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:4])
}

// sortTriples sorts triples and drops duplicates.
func sortTriples(ts []rdf.Triple) []rdf.Triple {
	slices.SortFunc(ts, compareTriples)
	return slices.CompactFunc(ts, func(a, b rdf.Triple) bool { return compareTriples(a, b) == 0 })
}

// sortSubjectTriples sorts the triples of one subject and drops
// duplicates; it skips comparing the subjects, which are all the same.
func sortSubjectTriples(ts []rdf.Triple) []rdf.Triple {
	slices.SortFunc(ts, comparePredicateObject)
	return slices.CompactFunc(ts, func(a, b rdf.Triple) bool { return comparePredicateObject(a, b) == 0 })
}

const rdfTypeIRI = NSRDF + "type"

// compareTriples orders triples by subject (see compareTerms), then as
// comparePredicateObject does.
func compareTriples(a, b rdf.Triple) int {
	if c := compareTerms(a.Subj, b.Subj); c != 0 {
		return c
	}
	return comparePredicateObject(a, b)
}

// comparePredicateObject orders triples by predicate (rdf:type first,
// then by IRI), then object (see compareTerms).
func comparePredicateObject(a, b rdf.Triple) int {
	pa, pb := a.Pred.String(), b.Pred.String()
	if pa != pb {
		switch {
		case pa == rdfTypeIRI:
			return -1
		case pb == rdfTypeIRI:
			return 1
		}
		return strings.Compare(pa, pb)
	}
	return compareTerms(a.Obj, b.Obj)
}

// compareTerms orders IRIs before blank nodes before literals; IRIs by
// their string, blank nodes by label, literals by lexical form, then
// datatype, then language.
func compareTerms(a, b rdf.Term) int {
	ra, rb := termRank(a), termRank(b)
	if ra != rb {
		return cmp.Compare(ra, rb)
	}
	if la, ok := a.(rdf.Literal); ok {
		lb := b.(rdf.Literal)
		return cmp.Or(strings.Compare(la.String(), lb.String()),
			strings.Compare(la.DataType.String(), lb.DataType.String()),
			strings.Compare(la.Lang(), lb.Lang()))
	}
	return strings.Compare(a.String(), b.String())
}

func termRank(t rdf.Term) int {
	switch t.(type) {
	case rdf.IRI:
		return 0
	case rdf.Blank:
		return 1
	}
	return 2
}
