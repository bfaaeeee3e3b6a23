package vocab

import (
	"io"
	"regexp"
	"strings"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/turtle"
)

// File is the name of the vocabulary in a dump.
const File = "vocabulary.ttl"

// lang is the language of the labels and comments.
const lang = "en"

// kind is what a term is, in OWL.
type kind uint8

const (
	class kind = iota + 1
	objectProperty
	datatypeProperty
	// annotationProperty is a property of descriptions rather than of
	// the data they describe: civic:formulaGuard, which annotates the
	// columns of the CSVW metadata.
	annotationProperty
)

// class returns the OWL class of terms of kind k.
func (k kind) class() *rdf.Term {
	switch k {
	case class:
		return rdf.OWL.Class
	case objectProperty:
		return rdf.OWL.ObjectProperty
	case datatypeProperty:
		return rdf.OWL.DatatypeProperty
	}
	return rdf.OWL.AnnotationProperty
}

// definition describes one civic: term.
type definition struct {
	term  *rdf.Term
	kind  kind
	label string
	// comment is Markdown, as docs/vocabulary.md shows it; the RDF
	// comment drops its code marks and link targets.
	comment string
	// domain and rng (properties): several terms are their union.
	domain, rng []*rdf.Term
	subClassOf  []*rdf.Term // classes
}

// Classes and datatypes several terms share.
var (
	quantityClasses = []*rdf.Term{rdf.Schema.QuantitativeValue, rdf.Schema.MonetaryAmount}
	textDatatypes   = []*rdf.Term{rdf.RDF.LangString, rdf.XSD.String}
	dateDatatypes   = []*rdf.Term{rdf.XSD.GYear, rdf.XSD.GYearMonth, rdf.XSD.Date}
)

func one(t *rdf.Term) []*rdf.Term { return []*rdf.Term{t} }

// definitions is the vocabulary, in the order docs/vocabulary.md
// defines it: classes first, then the properties of each.
var definitions = []definition{
	{term: rdf.Civic.Region, kind: class, label: "Region",
		comment: "A regional authority together with the territory it governs. The authority is the node " +
			"itself (an organisation); the territory is its `schema:areaServed`, `<…#territory>`.",
		subClassOf: []*rdf.Term{rdf.ORG.Organization, rdf.Schema.GovernmentOrganization}},
	{term: rdf.Civic.Project, kind: class, label: "Project",
		comment: "A project, programme, initiative or infrastructure of a network. Projects, programmes and " +
			"initiatives are also `org:OrganizationalCollaboration`s (they hold memberships and can be " +
			"members); an infrastructure is a built system, not an agent."},
	{term: rdf.Civic.Participation, kind: class, label: "Participation",
		comment: "An agent taking part in an event in a role (organiser, attendee, speaker, …). The n-ary " +
			"counterpart of the `schema:organizer`, `schema:attendee`, `schema:performer` and " +
			"`schema:funder` shortcuts."},

	{term: rdf.Civic.Agent, kind: objectProperty, label: "agent",
		comment: "The organisation, region, person or project that takes part.",
		domain:  one(rdf.Civic.Participation), rng: []*rdf.Term{rdf.ORG.Organization, rdf.FOAF.Person, rdf.Civic.Project}},
	{term: rdf.Civic.Event, kind: objectProperty, label: "event",
		comment: "The event taken part in.",
		domain:  one(rdf.Civic.Participation), rng: one(rdf.Schema.Event)},
	{term: rdf.Civic.Role, kind: objectProperty, label: "role",
		comment: "The role in which the agent takes part, a concept of the dataset's roles scheme (shared " +
			"with membership roles).",
		domain: one(rdf.Civic.Participation), rng: one(rdf.SKOS.Concept)},

	{term: rdf.Civic.EarliestStart, kind: datatypeProperty, label: "earliest start",
		comment: "The first day an interval can have begun: its start at day precision (2001 gives " +
			"2001-01-01), so that \"active in 2006?\" is one comparison whatever the precision of the " +
			"EDTF ends. Absent when the start is open or unknown.",
		domain: one(rdf.Time.Interval), rng: one(rdf.XSD.Date)},
	{term: rdf.Civic.LatestEnd, kind: datatypeProperty, label: "latest end",
		comment: "The last day an interval can have ended: its end at day precision (2004 gives " +
			"2004-12-31, 2008-02 gives 2008-02-29). Absent when the interval is ongoing or its end unknown.",
		domain: one(rdf.Time.Interval), rng: one(rdf.XSD.Date)},
	{term: rdf.Civic.Approximate, kind: datatypeProperty, label: "approximate",
		comment: "True when the date of an instant is approximate (EDTF `~` or `%`): \"circa 1997\".",
		domain:  one(rdf.Time.Instant), rng: one(rdf.XSD.Boolean)},
	{term: rdf.Civic.Uncertain, kind: datatypeProperty, label: "uncertain",
		comment: "True when the date of an instant is uncertain (EDTF `?` or `%`).",
		domain:  one(rdf.Time.Instant), rng: one(rdf.XSD.Boolean)},
	{term: rdf.Civic.Ongoing, kind: datatypeProperty, label: "ongoing",
		comment: "True when an interval's end is open (EDTF `..`): the period goes on (\"since 2001\", " +
			"\"2001–now\"). Such an interval has no `time:hasEnd`.",
		domain: one(rdf.Time.Interval), rng: one(rdf.XSD.Boolean)},
	{term: rdf.Civic.EDTF, kind: datatypeProperty, label: "EDTF",
		comment: "The interval as written in the records, in the Extended Date/Time Format (ISO 8601-2) " +
			"subset of SPEC 2.1: \"2001/..\", \"1997~/..\", \"2006-11-02/2006-11-04\".",
		domain: one(rdf.Time.Interval), rng: one(rdf.XSD.String)},

	{term: rdf.Civic.Population, kind: objectProperty, label: "population",
		comment: "The population of a territory, a quantity (possibly approximate, with the date it holds for).",
		domain:  one(rdf.DCTerms.Location), rng: one(rdf.Schema.QuantitativeValue)},
	{term: rdf.Civic.Area, kind: objectProperty, label: "area",
		comment: "The area of a territory, a quantity in km² (`schema:unitCode \"KMK\"`) unless another " +
			"unit is given.",
		domain: one(rdf.DCTerms.Location), rng: one(rdf.Schema.QuantitativeValue)},
	{term: rdf.Civic.Capital, kind: objectProperty, label: "capital",
		comment: "The capital of a territory.",
		domain:  one(rdf.DCTerms.Location), rng: one(rdf.Schema.Place)},
	{term: rdf.Civic.UnescoInscribed, kind: datatypeProperty, label: "inscribed on the UNESCO World Heritage List",
		comment: "The year a heritage site was inscribed on the World Heritage List.",
		domain:  one(rdf.Schema.LandmarksOrHistoricalBuildings), rng: one(rdf.XSD.GYear)},

	{term: rdf.Civic.OperatedBy, kind: objectProperty, label: "operated by",
		comment: "The organisation that runs a project or operates an infrastructure.",
		domain:  one(rdf.Civic.Project), rng: one(rdf.ORG.Organization)},
	{term: rdf.Civic.Quantity, kind: objectProperty, label: "quantity",
		comment: "A named figure of a project (\"50 specific projects\", \"more than 100 million EUR\"); " +
			"the figure's `schema:name` says what it counts.",
		domain: one(rdf.Civic.Project), rng: quantityClasses},
	{term: rdf.Civic.Qualifier, kind: datatypeProperty, label: "qualifier",
		comment: "How a quantity's value relates to the true figure: \"approximate\", \"at-least\", " +
			"\"more-than\", \"at-most\" or \"less-than\" (an exact value has none).",
		domain: quantityClasses, rng: one(rdf.XSD.String)},
	{term: rdf.Civic.Share, kind: datatypeProperty, label: "share",
		comment: "Whether a grant funds the whole project (\"full\") or part of it (\"part\").",
		domain:  one(rdf.Schema.Grant), rng: one(rdf.XSD.String)},

	{term: rdf.Civic.Edition, kind: datatypeProperty, label: "edition",
		comment: "The number of an event in its series (1 for the first edition).",
		domain:  one(rdf.Schema.Event), rng: one(rdf.XSD.Integer)},
	{term: rdf.Civic.EditionOf, kind: objectProperty, label: "edition of",
		comment: "The event series an event is an edition of. The edition is also a `schema:subEvent` of " +
			"the series, as a part of an event (a round table on the sidelines of a workshop) is of that " +
			"event; `civic:editionOf` tells the two apart.",
		domain: one(rdf.Schema.Event), rng: one(rdf.Schema.EventSeries)},
	{term: rdf.Civic.ProjectProp, kind: objectProperty, label: "project",
		comment: "The project an event, or a law, is part of.",
		domain:  []*rdf.Term{rdf.Schema.Event, rdf.Schema.Legislation}, rng: one(rdf.Civic.Project)},
	{term: rdf.Civic.ParticipantCount, kind: objectProperty, label: "participant count",
		comment: "How many took part in an event, a quantity (\"more than 60\").",
		domain:  one(rdf.Schema.Event), rng: one(rdf.Schema.QuantitativeValue)},
	{term: rdf.Civic.ParticipantGroup, kind: datatypeProperty, label: "participant group",
		comment: "A group of people who took part in an event, described in words (\"local police " +
			"officers\", \"prefecture officials\"): in the dataset's language, or a plain string when it " +
			"has none.",
		domain: one(rdf.Schema.Event), rng: textDatatypes},

	{term: rdf.Civic.Retrieved, kind: datatypeProperty, label: "retrieved",
		comment: "When the facts were read from a source.",
		domain:  one(rdf.Schema.CreativeWork), rng: dateDatatypes},
	{term: rdf.Civic.FormulaGuard, kind: annotationProperty, label: "formula guard",
		comment: "Used only in `csv/csv-metadata.json`, as a CSVW annotation on a column: `true` when " +
			"cells of that column that a spreadsheet would run as a formula (starting `=`, `+`, `-`, " +
			"`@`, tab or CR, and not a number) carry one extra leading `'`. Remove one leading `'` from " +
			"such a cell to get the value back; see [dump.md](dump.md).",
		domain: one(rdf.CSVW.Column), rng: one(rdf.XSD.Boolean)},
}

// ontologyLabel and ontologyComment describe the vocabulary as a whole.
const (
	ontologyLabel   = "civicnet vocabulary"
	ontologyComment = "The terms civicnet defines for the linked open data of city networks, where W3C ORG, " +
		"OWL-Time, schema.org, SKOS and DCMI Terms have none: regions, projects and participations in " +
		"events, qualified dates and quantities, and the figures of territories and projects."
)

// Write writes the vocabulary as Turtle: the ontology, then every term
// with its label, comment, type (owl:Class, owl:ObjectProperty,
// owl:DatatypeProperty or owl:AnnotationProperty), domain and range or
// superclasses, each rdfs:isDefinedBy the ontology.
func Write(w io.Writer) error {
	return turtle.WriteGraph(w, graph())
}

func graph() *rdf.Graph {
	g := &rdf.Graph{}
	g.A(rdf.CivicOntology, rdf.OWL.Ontology)
	g.Add(rdf.CivicOntology, rdf.RDFS.Label, rdf.Text(ontologyLabel, lang))
	g.Add(rdf.CivicOntology, rdf.RDFS.Comment, rdf.Text(ontologyComment, lang))
	for _, d := range definitions {
		g.A(d.term, d.kind.class())
		g.Add(d.term, rdf.RDFS.Label, rdf.Text(d.label, lang))
		g.Add(d.term, rdf.RDFS.Comment, rdf.Text(plainText(d.comment), lang))
		g.Add(d.term, rdf.RDFS.IsDefinedBy, rdf.CivicOntology)
		for _, c := range d.subClassOf {
			g.Add(d.term, rdf.RDFS.SubClassOf, c)
		}
		g.Add(d.term, rdf.RDFS.Domain, union(g, d.domain, rdf.OWL.Class))
		// The range of a datatype property is a datatype, so a union of
		// them is an rdfs:Datatype, as OWL 2 writes data ranges.
		rangeClass := rdf.OWL.Class
		if d.kind != objectProperty {
			rangeClass = rdf.RDFS.Datatype
		}
		g.Add(d.term, rdf.RDFS.Range, union(g, d.rng, rangeClass))
	}
	return g
}

// union returns the one term of ts, or a new node of type class that is
// the owl:unionOf them; nil for none.
func union(g *rdf.Graph, ts []*rdf.Term, class *rdf.Term) rdf.Value {
	switch len(ts) {
	case 0:
		return nil
	case 1:
		return ts[0]
	}
	u := g.Blank()
	g.A(u, class)
	items := make([]rdf.Value, len(ts))
	for i, t := range ts {
		items[i] = t
	}
	g.Add(u, rdf.OWL.UnionOf, g.List(items...))
	return u
}

// markdownLink is a link, [text](target), of a comment.
var markdownLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// plainText turns a comment's Markdown into the plain text of
// rdfs:comment: code marks dropped, links reduced to their text.
func plainText(md string) string {
	return strings.ReplaceAll(markdownLink.ReplaceAllString(md, "$1"), "`", "")
}

// Definition is one civic: term as the vocabulary defines it, for
// readers other than the Turtle: the site's vocabulary page.
type Definition struct {
	Term    *rdf.Term
	Class   *rdf.Term // owl:Class, owl:ObjectProperty, owl:DatatypeProperty or owl:AnnotationProperty
	Label   string
	Comment string // plain text
	// Domain and Range (properties) and SubClassOf (classes); several
	// terms are their union.
	Domain, Range, SubClassOf []*rdf.Term
}

// Definitions returns every civic: term, classes first, in the order of
// docs/vocabulary.md.
func Definitions() []Definition {
	out := make([]Definition, len(definitions))
	for i, d := range definitions {
		out[i] = Definition{Term: d.term, Class: d.kind.class(), Label: d.label, Comment: plainText(d.comment),
			Domain: d.domain, Range: d.rng, SubClassOf: d.subClassOf}
	}
	return out
}
