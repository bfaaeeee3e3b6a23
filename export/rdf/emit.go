package rdf

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/civicnet/civicnet/model"
)

// emitter gathers the triples of one unit of the order: a subject and
// its hash nodes. Their IRIs are written into arena, which is reused
// from one subject to the next.
//
// Mapping a dataset on several goroutines gives each its emitter: the
// Mapper is only read, and every cache lives here.
type emitter struct {
	m     *Mapper
	arena []byte
	nodes []Node
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
func (e *emitter) run(lo, hi int, fn func(n *Node) error) error {
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

const mainNode = 0

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
		e.nodes = append(e.nodes, Node{})
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

// add adds the triple (node n, p, o); an object of kind objectNone adds
// nothing.
func (e *emitter) add(n int, p *Term, o obj) {
	t := Triple{pred: p, kind: o.kind, term: o.v}
	switch o.kind {
	case objectNone:
		return
	case ObjectIRI:
		t.lo = int32(len(e.arena))
		e.arena = e.appendObjIRI(e.arena, o)
		t.hi = int32(len(e.arena))
	case ObjectLiteral:
		t.value, t.lang = o.s, o.lang
	}
	e.nodes[n].ts = append(e.nodes[n].ts, t)
}

// a adds the triple (node n, rdf:type, class).
func (e *emitter) a(n int, class *Term) { e.add(n, RDF.Type, termObj(class)) }

// ref returns node n as an object.
func (e *emitter) ref(n int) obj { return obj{kind: ObjectIRI, node: n + 1} }

// flush sorts the nodes and their triples and hands them to fn.
func (e *emitter) flush(fn func(n *Node) error) error {
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
		slices.SortFunc(n.ts, func(a, b Triple) int { return e.compareTriples(&a, &b) })
		n.ts = slices.CompactFunc(n.ts, func(a, b Triple) bool { return e.compareTriples(&a, &b) == 0 })
		n.subject = e.arena[n.lo:n.hi]
		for k := range n.ts {
			if t := &n.ts[k]; t.kind == ObjectIRI {
				t.iri = e.arena[t.lo:t.hi]
			}
		}
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
		e.conceptScheme(Scheme(u.idx))
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

func (e *emitter) conceptScheme(s Scheme) {
	title := e.lit(conceptSchemes[s].title, "en")
	e.a(mainNode, SKOS.ConceptScheme)
	e.add(mainNode, DCTerms.Title, title)
	e.add(mainNode, SKOS.PrefLabel, title)
}

// concept writes one skos:prefLabel per language (the smallest label)
// and the other labels as skos:altLabel, as SKOS allows one preferred
// label per language.
func (e *emitter) concept(c *concept) {
	e.a(mainNode, SKOS.Concept)
	if c.role {
		e.a(mainNode, ORG.Role)
	}
	e.add(mainNode, SKOS.InScheme, iriObj(e.m.schemeIRIs[c.Scheme]))
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
		p := SKOS.PrefLabel
		if i > 0 && labels[i-1].Lang == l.Lang {
			p = SKOS.AltLabel
		}
		e.add(mainNode, p, e.lit(l.Value, l.Lang))
	}
}

func (e *emitter) source(s *model.Source) {
	m := e.m
	e.a(mainNode, Schema.CreativeWork)
	if s.Title != "" {
		e.add(mainNode, Schema.Name, e.text(model.LangString{Value: s.Title}))
	}
	if s.URL != "" {
		e.add(mainNode, Schema.URL, urlObject(s.URL))
	}
	if s.License != "" {
		e.add(mainNode, Schema.License, licenseObject(s.License))
	}
	switch {
	case s.Publisher == "":
	case m.lookup(s.Publisher) != nil:
		e.add(mainNode, Schema.Publisher, m.ref(s.Publisher))
	default:
		p := e.hash("publisher")
		e.add(mainNode, Schema.Publisher, e.ref(p))
		e.a(p, Schema.Organization)
		e.add(p, Schema.Name, e.name(model.LangString{Value: s.Publisher}))
	}
	e.add(mainNode, Schema.DatePublished, dateLiteral(s.Published))
	e.add(mainNode, Civic.Retrieved, dateLiteral(s.Retrieved))
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
	slug, _, _ := e.m.slugLabel(SchemeRoles, r.Slug, r.Label)
	return e.m.conceptRef(SchemeRoles, slug)
}

func (e *emitter) typeRef(s Scheme, text string) obj {
	if text == "" {
		return obj{}
	}
	slug, _, _ := e.m.slugLabel(s, text, "")
	return e.m.conceptRef(s, slug)
}

// organization writes what an organisation and a region share. Units:
func (e *emitter) common(c *model.Common) {
	m := e.m
	e.names(mainNode, c.Name, c.AltNames)
	for _, d := range c.Description {
		e.add(mainNode, DCTerms.Description, e.text(d))
	}
	e.identifiers(mainNode, "", c.Identifiers)
	if c.Website != "" {
		e.add(mainNode, Schema.URL, urlObject(c.Website))
	}
	if c.Email != "" {
		e.add(mainNode, Schema.Email, e.str(c.Email))
	}
	for _, t := range c.Topics {
		e.add(mainNode, DCTerms.Subject, m.conceptRef(SchemeTopics, m.topicSlugs[t]))
	}
	for _, s := range c.Sources {
		if s != nil && s.ID != "" {
			e.add(mainNode, Schema.SubjectOf, m.ref(s.ID))
		}
	}
}

// names writes a node's names as skos:prefLabel and schema:name, and its
// other names as skos:altLabel, leaving out an alternative name equal to
// the name in the same language.
func (e *emitter) names(n int, name model.Text, alts []model.Text) {
	for _, ls := range name {
		o := e.name(ls)
		e.add(n, SKOS.PrefLabel, o)
		e.add(n, Schema.Name, o)
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
	e.add(n, SKOS.AltLabel, e.name(alt))
}

func (e *emitter) identifiers(n int, prefix string, ids []model.Identifier) {
	for _, id := range ids {
		if id.Scheme == "" {
			continue
		}
		v := e.hash(prefix + "id-" + escapeSegment(id.Scheme))
		e.add(n, Schema.Identifier, e.ref(v))
		e.a(v, Schema.PropertyValue)
		e.add(v, Schema.PropertyID, e.str(id.Scheme))
		e.add(v, Schema.Value, e.str(id.Value))
		if iri := sameAsIRI(id.Scheme, id.Value); iri != "" {
			e.add(n, Schema.SameAs, iriObj(iri))
		}
	}
}

// interval writes iv as the hash node #during linked from node n by p,
// with its ends #start and #end (SPEC 4.2, "intervals"). An absent
// interval writes nothing.
func (e *emitter) interval(n int, p *Term, iv model.Interval) {
	if iv.IsZero() {
		return
	}
	d := e.hash("during")
	e.add(n, p, e.ref(d))
	e.a(d, Time.Interval)
	e.add(d, Civic.EDTF, e.str(iv.String()))
	if iv.StartBound == model.BoundDate {
		s := e.hash("start")
		e.add(d, Time.HasBeginning, e.ref(s))
		e.instant(s, iv.Start)
	}
	if iv.EndBound == model.BoundDate {
		end := e.hash("end")
		e.add(d, Time.HasEnd, e.ref(end))
		e.instant(end, iv.End)
	}
	if iv.Ongoing() {
		e.add(d, Civic.Ongoing, litTrue)
	}
	// The bounds as days, so that "active in 2006?" is one comparison
	// whatever the precision of each end (docs/vocabulary.md).
	if iv.StartBound == model.BoundDate {
		e.add(d, Civic.EarliestStart, literal(iv.Start.First().Format(time.DateOnly), XSD.Date))
	}
	if iv.EndBound == model.BoundDate {
		e.add(d, Civic.LatestEnd, literal(iv.End.Last().Format(time.DateOnly), XSD.Date))
	}
}

func (e *emitter) instant(n int, d model.Date) {
	e.a(n, Time.Instant)
	switch d.Precision {
	case model.PrecisionYear:
		e.add(n, Time.InXSDgYear, dateLiteral(d))
	case model.PrecisionMonth:
		e.add(n, Time.InXSDgYearMonth, dateLiteral(d))
	case model.PrecisionDay:
		e.add(n, Time.InXSDDate, dateLiteral(d))
	}
	if d.Approximate {
		e.add(n, Civic.Approximate, litTrue)
	}
	if d.Uncertain {
		e.add(n, Civic.Uncertain, litTrue)
	}
}

// quantity writes q as the hash node #frag and returns it. A currency
// unit, or monetary (a grant's amount), makes it a schema:MonetaryAmount.
func (e *emitter) quantity(frag string, q model.Quantity, monetary bool) int {
	n := e.hash(frag)
	currency := model.IsCurrency(q.Unit)
	if currency || monetary {
		e.a(n, Schema.MonetaryAmount)
	} else {
		e.a(n, Schema.QuantitativeValue)
	}
	if q.Value != "" {
		dt := XSD.Decimal
		if q.IsInteger() {
			dt = XSD.Integer
		}
		// A bound is not a value: "more than 60" read as schema:value 60
		// would count as exactly 60 in every sum (SPEC 2.2). The qualifier
		// says whether the bound is inclusive.
		p := Schema.Value
		switch q.Qualifier {
		case model.QualifierAtLeast, model.QualifierMoreThan:
			p = Schema.MinValue
		case model.QualifierAtMost, model.QualifierLessThan:
			p = Schema.MaxValue
		}
		e.add(n, p, literal(q.Value, dt))
	}
	switch {
	case q.Unit == "":
	case currency:
		e.add(n, Schema.Currency, e.str(q.Unit))
	case model.IsUNCEFACTCode(q.Unit):
		e.add(n, Schema.UnitCode, e.str(q.Unit))
	default:
		e.add(n, Schema.UnitText, e.str(q.Unit))
	}
	if q.Qualifier != model.QualifierExact {
		e.add(n, Civic.Qualifier, e.str(q.Qualifier.String()))
	}
	e.add(n, DCTerms.Date, dateLiteral(q.AsOf))
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

// name returns a proper name as a literal: tagged only with a language
// the record gives for it ({it: Firenze}), else a plain string. A proper
// name is not in the dataset's language ("Genova", "100città" are not
// English words), unlike a description.
func (e *emitter) name(ls model.LangString) obj {
	if ls.Lang == "" {
		return e.lit(ls.Value, "")
	}
	return e.lit(ls.Value, e.langOf(ls.Lang))
}

// lit returns the string v in lang, which is "" or normalised.
func (e *emitter) lit(v, lang string) obj {
	return obj{kind: ObjectLiteral, s: validUTF8(v), lang: lang}
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
		return "", fmt.Errorf("rdf: language tag %q is not well-formed", tag)
	}
	e.langs[tag] = l
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
		return literal(d.ISO(), XSD.GYear)
	case model.PrecisionMonth:
		return literal(d.ISO(), XSD.GYearMonth)
	case model.PrecisionDay:
		return literal(d.ISO(), XSD.Date)
	}
	return obj{}
}

// noteCountry makes the IRI of a country code once, while the Mapper is
// built.
