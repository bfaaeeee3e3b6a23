package export

import (
	"io"

	"github.com/knakk/rdf"
)

// ShapesNS is the namespace of the shapes: the node shape of a class is
// {ShapesNS}{Name}, each of its property shapes {ShapesNS}{Name}-{prefix}-{local}.
const ShapesNS = "https://w3id.org/civicnet/shapes#"

// WriteShapes writes the SHACL shapes (SHACL Core, as Turtle) that the
// RDF dump of every valid record set conforms to: for each class the
// mapping writes, the properties its instances have, how many, and of
// what kind (IRI or literal), datatype or class. Shapes are not closed:
// other graphs may add statements about the same nodes.
//
// The shapes come from one description, nodeShapes, which the tests
// check against the dump of the examples with an independent SHACL
// processor.
func WriteShapes(w io.Writer) error {
	ts, err := shapeTriples()
	if err != nil {
		return err
	}
	return WriteTurtleGraph(w, ts)
}

// shapeNodeKind is the sh:shapeNodeKind of a property's values.
type shapeNodeKind uint8

const (
	shapeAnyNode shapeNodeKind = iota
	shapeIRINode
	shapeLiteralNode
)

// nodeShape describes the instances of one class.
type nodeShape struct {
	name  string // local name of the shape IRI: "Membership"
	class string // the target class
	doc   string
	props []propertyShape
	// oneOf lists paths of which each instance has exactly one (an
	// instant's one time position).
	oneOf []string
}

// propertyShape describes the values of one property.
type propertyShape struct {
	path     string
	min, max int // max 0: any number
	kind     shapeNodeKind
	// datatypes: one is sh:datatype, several an sh:or of them.
	datatypes []string
	// classes: one is sh:class, several an sh:or of them. Classes are
	// only named where the mapping types every value explicitly (SHACL
	// checks without inference).
	classes    []string
	uniqueLang bool
	// in lists the allowed literal values (sh:in), as plain strings.
	in []string
}

// Common property shapes.
var (
	// placeClasses are the types of what a location points to: a place,
	// or the territory of a region.
	placeClasses  = []string{NSSchema + "Place", NSSchema + "AdministrativeArea"}
	textDatatypes = []string{NSRDF + "langString", NSXSD + "string"}
	dateDatatypes = []string{NSXSD + "gYear", NSXSD + "gYearMonth", NSXSD + "date"}
	numberTypes   = []string{NSXSD + "integer", NSXSD + "decimal"}
)

func shapeLabel(path string) propertyShape {
	return propertyShape{path: path, min: 1, kind: shapeLiteralNode, datatypes: textDatatypes, uniqueLang: true}
}

func shapeText(path string) propertyShape {
	return propertyShape{path: path, kind: shapeLiteralNode, datatypes: textDatatypes}
}

func shapeLiteral(path, datatype string) propertyShape {
	return propertyShape{path: path, max: 1, kind: shapeLiteralNode, datatypes: []string{datatype}}
}

func shapeLink(path string, min, max int, classes ...string) propertyShape {
	return propertyShape{path: path, min: min, max: max, kind: shapeIRINode, classes: classes}
}

// namedShapes are the properties every record and concept with a name
// has.
func shapeNamedProps() []propertyShape {
	return []propertyShape{
		shapeLabel(NSSKOS + "prefLabel"),
		{path: NSSchema + "name", min: 1, kind: shapeLiteralNode, datatypes: textDatatypes},
		shapeText(NSSKOS + "altLabel"),
		shapeText(NSDCTerms + "description"),
	}
}

// commonProps are the properties of SPEC 4.2's "common" row.
func shapeCommonProps() []propertyShape {
	return []propertyShape{
		shapeLink(NSSchema+"url", 0, 0),
		{path: NSSchema + "email", kind: shapeLiteralNode},
		shapeLink(NSDCTerms+"subject", 0, 0, NSSKOS+"Concept"),
		shapeLink(NSSchema+"subjectOf", 0, 0, NSSchema+"CreativeWork"),
		shapeLink(NSSchema+"identifier", 0, 0, NSSchema+"PropertyValue"),
		shapeLink(NSSchema+"sameAs", 0, 0),
	}
}

func shapeProps(groups ...[]propertyShape) []propertyShape {
	var out []propertyShape
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// nodeShapes is the description of the classes of the RDF dump.
var nodeShapes = []nodeShape{
	{name: "Organization", class: NSORG + "Organization", doc: "an organisation or regional authority",
		props: shapeProps(shapeNamedProps(), shapeCommonProps(), []propertyShape{
			shapeLink(NSORG+"classification", 0, 1, NSSKOS+"Concept"),
			shapeLink(NSORG+"unitOf", 0, 1),
			shapeLink(NSORG+"subOrganizationOf", 0, 0),
			shapeLink(NSDCTerms+"spatial", 0, 1, NSDCTerms+"Location"),
			shapeLink(NSSchema+"location", 0, 1, placeClasses...),
		})},
	{name: "Region", class: NSCivic + "Region", doc: "a regional authority; its territory is a node of its own",
		props: []propertyShape{shapeLink(NSSchema+"areaServed", 1, 1, NSSchema+"AdministrativeArea")}},
	{name: "Person", class: NSFOAF + "Person", doc: "a person",
		props: shapeProps(shapeNamedProps(), shapeCommonProps(), []propertyShape{
			shapeLiteral(NSFOAF+"givenName", NSXSD+"string"),
			shapeLiteral(NSFOAF+"familyName", NSXSD+"string"),
		})},
	{name: "Project", class: NSCivic + "Project", doc: "a project, programme, initiative or infrastructure",
		props: shapeProps(shapeNamedProps(), shapeCommonProps(), []propertyShape{
			shapeLink(NSDCTerms+"type", 0, 1, NSSKOS+"Concept"),
			shapeLink(NSTime+"hasTime", 0, 1, NSTime+"Interval"),
			shapeLink(NSSchema+"funding", 0, 0),
			shapeLink(NSSchema+"funder", 0, 0),
			shapeLink(NSCivic+"operatedBy", 0, 1),
			shapeLink(NSCivic+"quantity", 0, 0, NSSchema+"QuantitativeValue", NSSchema+"MonetaryAmount"),
		})},
	{name: "Event", class: NSSchema + "Event", doc: "an event",
		props: shapeProps(shapeNamedProps(), shapeCommonProps(), shapeEventProps())},
	{name: "EventSeries", class: NSSchema + "EventSeries", doc: "a series of events",
		props: shapeProps(shapeNamedProps(), shapeCommonProps(), shapeEventProps())},
	{name: "Place", class: NSSchema + "Place", doc: "a place",
		props: []propertyShape{
			shapeLabel(NSSKOS + "prefLabel"),
			shapeLink(NSSchema+"containedInPlace", 0, 0),
			shapeLink(NSSchema+"address", 0, 1, NSSchema+"PostalAddress"),
			shapeLiteral(NSCivic+"unescoInscribed", NSXSD+"gYear"),
		}},
	{name: "PostalAddress", class: NSSchema + "PostalAddress", doc: "the address of a place",
		props: []propertyShape{
			shapeLiteral(NSSchema+"streetAddress", NSXSD+"string"),
			{path: NSSchema + "addressLocality", max: 1, kind: shapeLiteralNode},
			shapeLiteral(NSSchema+"addressCountry", NSXSD+"string"),
		}},
	{name: "Membership", class: NSORG + "Membership", doc: "a member belongs to an organisation in a role during a period",
		props: []propertyShape{
			shapeLink(NSORG+"member", 1, 1),
			shapeLink(NSORG+"organization", 1, 1),
			shapeLink(NSORG+"role", 1, 1, NSORG+"Role"),
			shapeLink(NSORG+"memberDuring", 0, 1, NSTime+"Interval"),
		}},
	{name: "Participation", class: NSCivic + "Participation", doc: "an agent took part in an event in a role",
		props: []propertyShape{
			shapeLink(NSCivic+"agent", 1, 1),
			shapeLink(NSCivic+"event", 1, 1),
			shapeLink(NSCivic+"role", 1, 1, NSSKOS+"Concept"),
		}},
	{name: "Interval", class: NSTime + "Interval", doc: "a period, with its EDTF text",
		props: []propertyShape{
			shapeLink(NSTime+"hasBeginning", 0, 1, NSTime+"Instant"),
			shapeLink(NSTime+"hasEnd", 0, 1, NSTime+"Instant"),
			shapeLiteral(NSCivic+"ongoing", NSXSD+"boolean"),
			{path: NSCivic + "edtf", min: 1, max: 1, kind: shapeLiteralNode},
		}},
	{name: "Instant", class: NSTime + "Instant", doc: "a start or end, at the precision known",
		props: []propertyShape{
			shapeLiteral(NSTime+"inXSDgYear", NSXSD+"gYear"),
			shapeLiteral(NSTime+"inXSDgYearMonth", NSXSD+"gYearMonth"),
			shapeLiteral(NSTime+"inXSDDate", NSXSD+"date"),
			shapeLiteral(NSCivic+"approximate", NSXSD+"boolean"),
			shapeLiteral(NSCivic+"uncertain", NSXSD+"boolean"),
		},
		oneOf: []string{NSTime + "inXSDgYear", NSTime + "inXSDgYearMonth", NSTime + "inXSDDate"}},
	{name: "Concept", class: NSSKOS + "Concept", doc: "a role, type or topic",
		props: []propertyShape{
			shapeLabel(NSSKOS + "prefLabel"),
			shapeLink(NSSKOS+"inScheme", 1, 1, NSSKOS+"ConceptScheme"),
		}},
	{name: "ConceptScheme", class: NSSKOS + "ConceptScheme", doc: "a scheme of roles, types or topics",
		props: []propertyShape{
			{path: NSDCTerms + "title", min: 1, kind: shapeLiteralNode, datatypes: textDatatypes},
			shapeLabel(NSSKOS + "prefLabel"),
		}},
	{name: "QuantitativeValue", class: NSSchema + "QuantitativeValue", doc: "a figure with its unit and qualifier",
		props: shapeQuantityProps()},
	{name: "MonetaryAmount", class: NSSchema + "MonetaryAmount", doc: "an amount of money",
		props: append(shapeQuantityProps(), propertyShape{path: NSSchema + "currency", min: 1, max: 1, kind: shapeLiteralNode})},
	{name: "PropertyValue", class: NSSchema + "PropertyValue", doc: "an identifier in a scheme",
		props: []propertyShape{
			{path: NSSchema + "propertyID", min: 1, max: 1, kind: shapeLiteralNode},
			{path: NSSchema + "value", min: 1, max: 1, kind: shapeLiteralNode},
		}},
	// Sources that share an id (their URL, else their title) are one
	// node carrying the facts of each, so nothing here is single-valued.
	{name: "Source", class: NSSchema + "CreativeWork", doc: "a source of facts",
		props: []propertyShape{
			{path: NSSchema + "name", kind: shapeLiteralNode},
			shapeLink(NSSchema+"url", 0, 0),
			shapeLink(NSSchema+"license", 0, 0),
			{path: NSSchema + "publisher"},
			{path: NSSchema + "datePublished", kind: shapeLiteralNode, datatypes: dateDatatypes},
			{path: NSCivic + "retrieved", kind: shapeLiteralNode, datatypes: dateDatatypes},
		}},
	{name: "Grant", class: NSSchema + "Grant", doc: "a grant to a project",
		props: shapeGrantProps()},
	{name: "MonetaryGrant", class: NSSchema + "MonetaryGrant", doc: "a grant of an amount of money",
		props: append(shapeGrantProps(), shapeLink(NSSchema+"amount", 1, 1, NSSchema+"MonetaryAmount"))},
}

func shapeEventProps() []propertyShape {
	return []propertyShape{
		shapeLink(NSDCTerms+"type", 0, 1, NSSKOS+"Concept"),
		shapeLink(NSTime+"hasTime", 0, 1, NSTime+"Interval"),
		shapeLiteral(NSSchema+"startDate", NSXSD+"date"),
		shapeLiteral(NSSchema+"endDate", NSXSD+"date"),
		shapeLink(NSSchema+"location", 0, 1, placeClasses...),
		shapeLink(NSSchema+"superEvent", 0, 1, NSSchema+"EventSeries", NSSchema+"Event"),
		shapeLiteral(NSCivic+"edition", NSXSD+"integer"),
		shapeLink(NSCivic+"project", 0, 1, NSCivic+"Project"),
		shapeLink(NSCivic+"participantCount", 0, 1, NSSchema+"QuantitativeValue"),
		shapeText(NSCivic + "participantGroup"),
		shapeLink(NSSchema+"organizer", 0, 0),
		shapeLink(NSSchema+"attendee", 0, 0),
		shapeLink(NSSchema+"performer", 0, 0),
		shapeLink(NSSchema+"funder", 0, 0),
	}
}

func shapeQuantityProps() []propertyShape {
	return []propertyShape{
		{path: NSSchema + "value", min: 1, max: 1, kind: shapeLiteralNode, datatypes: numberTypes},
		shapeLiteral(NSSchema+"unitCode", NSXSD+"string"),
		shapeLiteral(NSSchema+"unitText", NSXSD+"string"),
		{path: NSCivic + "qualifier", max: 1, kind: shapeLiteralNode,
			in: []string{"approximate", "at-least", "more-than", "at-most", "less-than"}},
		{path: NSDCTerms + "date", max: 1, kind: shapeLiteralNode, datatypes: dateDatatypes},
		{path: NSSchema + "name", max: 1, kind: shapeLiteralNode},
	}
}

func shapeGrantProps() []propertyShape {
	return []propertyShape{
		shapeLink(NSSchema+"funder", 0, 1),
		{path: NSSchema + "name", max: 1, kind: shapeLiteralNode},
		{path: NSDCTerms + "date", max: 1, kind: shapeLiteralNode, datatypes: dateDatatypes},
		{path: NSCivic + "share", max: 1, kind: shapeLiteralNode, in: []string{"full", "part"}},
	}
}

// shapeTriples turns nodeShapes into triples. Property shapes get IRIs;
// only the RDF lists of sh:or and sh:in are blank nodes, numbered in
// order so that the output is the same every time.
func shapeTriples() ([]rdf.Triple, error) {
	g := &graphBuilder{}
	for _, ns := range nodeShapes {
		s := g.iri(ShapesNS + ns.name)
		g.add(s, NSRDF+"type", g.iri(NSSHACL+"NodeShape"))
		g.add(s, NSSHACL+"targetClass", g.iri(ns.class))
		g.add(s, NSRDFS+"comment", g.plain(ns.doc))
		for _, p := range ns.props {
			ps := g.iri(ShapesNS + ns.name + "-" + curieName(p.path))
			g.add(s, NSSHACL+"property", ps)
			g.add(ps, NSSHACL+"path", g.iri(p.path))
			if p.min > 0 {
				g.add(ps, NSSHACL+"minCount", g.integer(p.min))
			}
			if p.max > 0 {
				g.add(ps, NSSHACL+"maxCount", g.integer(p.max))
			}
			switch p.kind {
			case shapeIRINode:
				g.add(ps, NSSHACL+"shapeNodeKind", g.iri(NSSHACL+"IRI"))
			case shapeLiteralNode:
				g.add(ps, NSSHACL+"shapeNodeKind", g.iri(NSSHACL+"Literal"))
			}
			g.alternatives(ps, NSSHACL+"datatype", p.datatypes)
			g.alternatives(ps, NSSHACL+"class", p.classes)
			if p.uniqueLang {
				g.add(ps, NSSHACL+"uniqueLang", g.boolean(true))
			}
			if len(p.in) > 0 {
				var items []rdf.Object
				for _, v := range p.in {
					items = append(items, g.plain(v))
				}
				g.add(ps, NSSHACL+"in", g.list(items))
			}
		}
		if len(ns.oneOf) > 0 {
			var alts []rdf.Object
			for _, path := range ns.oneOf {
				alt := g.blank()
				ps := g.blank()
				g.add(alt, NSSHACL+"property", ps)
				g.add(ps, NSSHACL+"path", g.iri(path))
				g.add(ps, NSSHACL+"minCount", g.integer(1))
				alts = append(alts, alt)
			}
			g.add(s, NSSHACL+"xone", g.list(alts))
		}
	}
	return g.triples, g.err
}

// alternatives states that the values of a property shape have one of
// values as pred (sh:datatype, sh:class): directly for one, with sh:or
// for several.
func (g *graphBuilder) alternatives(ps rdf.Subject, pred string, values []string) {
	switch len(values) {
	case 0:
	case 1:
		g.add(ps, pred, g.iri(values[0]))
	default:
		var alts []rdf.Object
		for _, v := range values {
			alt := g.blank()
			g.add(alt, pred, g.iri(v))
			alts = append(alts, alt)
		}
		g.add(ps, NSSHACL+"or", g.list(alts))
	}
}
