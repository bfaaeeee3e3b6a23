// Package shacl writes the SHACL shapes (SHACL Core, as Turtle) that the
// RDF dump of every valid record set conforms to, on its own: for each
// class the mapping writes, the properties its instances have, how many,
// and of what kind (IRI or literal), datatype or class.
//
//	err := shacl.WriteShapes(f)
package shacl

import (
	"io"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/turtle"
)

// File is the name of the shapes in a dump.
const File = "shapes.ttl"

// NS is the namespace of the shapes: the node shape of a class is
// {NS}{Name}, each of its property shapes {NS}{Name}-{prefix}-{local}.
const NS = "https://w3id.org/civicnet/shapes#"

// WriteShapes writes the shapes. Shapes are not closed: other graphs may
// add statements about the same nodes.
//
// The shapes come from one description, nodeShapes, which the tests
// check against the dump of the examples with an independent SHACL
// processor.
func WriteShapes(w io.Writer) error {
	return turtle.WriteGraph(w, shapeGraph())
}

// shapeNodeKind is the sh:nodeKind of a property's values.
type shapeNodeKind uint8

const (
	shapeAnyNode shapeNodeKind = iota
	shapeIRINode
	shapeLiteralNode
)

// nodeShape describes the instances of one class.
type nodeShape struct {
	name  string    // local name of the shape IRI: "Membership"
	class *rdf.Term // the target class
	doc   string
	props []propertyShape
	// oneOf lists paths of which each instance has exactly one (an
	// instant's one time position).
	oneOf []*rdf.Term
}

// propertyShape describes the values of one property.
type propertyShape struct {
	path     *rdf.Term
	min, max int // max 0: any number
	kind     shapeNodeKind
	// datatypes: one is sh:datatype, several an sh:or of them.
	datatypes []*rdf.Term
	// classes: one is sh:class, several an sh:or of them. Classes are
	// only named where the mapping types every value explicitly (SHACL
	// checks without inference).
	classes    []*rdf.Term
	uniqueLang bool
	// in lists the allowed literal values (sh:in), as plain strings.
	in []string
}

// Common property shapes.
var (
	// placeClasses are the types of what a location points to: a place,
	// or the territory of a region.
	placeClasses  = []*rdf.Term{rdf.Schema.Place, rdf.Schema.AdministrativeArea}
	textDatatypes = []*rdf.Term{rdf.RDF.LangString, rdf.XSD.String}
	dateDatatypes = []*rdf.Term{rdf.XSD.GYear, rdf.XSD.GYearMonth, rdf.XSD.Date}
	numberTypes   = []*rdf.Term{rdf.XSD.Integer, rdf.XSD.Decimal}
)

func shapeLabel(path *rdf.Term) propertyShape {
	return propertyShape{path: path, min: 1, kind: shapeLiteralNode, datatypes: textDatatypes, uniqueLang: true}
}

func shapeText(path *rdf.Term) propertyShape {
	return propertyShape{path: path, kind: shapeLiteralNode, datatypes: textDatatypes}
}

func shapeLiteral(path, datatype *rdf.Term) propertyShape {
	return propertyShape{path: path, max: 1, kind: shapeLiteralNode, datatypes: []*rdf.Term{datatype}}
}

func shapeLink(path *rdf.Term, min, max int, classes ...*rdf.Term) propertyShape {
	return propertyShape{path: path, min: min, max: max, kind: shapeIRINode, classes: classes}
}

// namedShapes are the properties every record and concept with a name
// has.
func shapeNamedProps() []propertyShape {
	return []propertyShape{
		shapeLabel(rdf.SKOS.PrefLabel),
		{path: rdf.Schema.Name, min: 1, kind: shapeLiteralNode, datatypes: textDatatypes},
		shapeText(rdf.SKOS.AltLabel),
		shapeText(rdf.DCTerms.Description),
	}
}

// commonProps are the properties of SPEC 4.2's "common" row.
func shapeCommonProps() []propertyShape {
	return []propertyShape{
		shapeLink(rdf.Schema.URL, 0, 0),
		{path: rdf.Schema.Email, kind: shapeLiteralNode},
		shapeLink(rdf.DCTerms.Subject, 0, 0, rdf.SKOS.Concept),
		shapeLink(rdf.Schema.SubjectOf, 0, 0, rdf.Schema.CreativeWork),
		shapeLink(rdf.Schema.Identifier, 0, 0, rdf.Schema.PropertyValue),
		shapeLink(rdf.Schema.SameAs, 0, 0),
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
	{name: "Organization", class: rdf.ORG.Organization, doc: "an organisation or regional authority",
		props: shapeProps(shapeNamedProps(), shapeCommonProps(), []propertyShape{
			shapeLink(rdf.ORG.Classification, 0, 1, rdf.SKOS.Concept),
			shapeLink(rdf.ORG.UnitOf, 0, 1),
			shapeLink(rdf.ORG.SubOrganizationOf, 0, 0),
			// The country is the EU authority IRI, which the dataset does
			// not describe (catalog.ttl types it dcterms:Location, as
			// DCAT-AP asks): no sh:class, so the dataset conforms alone.
			shapeLink(rdf.DCTerms.Spatial, 0, 1),
			shapeLink(rdf.Schema.Location, 0, 1, placeClasses...),
		})},
	{name: "Region", class: rdf.Civic.Region, doc: "a regional authority; its territory is a node of its own",
		props: []propertyShape{shapeLink(rdf.Schema.AreaServed, 1, 1, rdf.Schema.AdministrativeArea)}},
	{name: "Person", class: rdf.FOAF.Person, doc: "a person",
		props: shapeProps(shapeNamedProps(), shapeCommonProps(), []propertyShape{
			shapeLiteral(rdf.FOAF.GivenName, rdf.XSD.String),
			shapeLiteral(rdf.FOAF.FamilyName, rdf.XSD.String),
			shapeLink(rdf.ORG.Holds, 0, 0, rdf.ORG.Post),
			shapeLink(rdf.ORG.HeadOf, 0, 0),
			shapeLink(rdf.Schema.Affiliation, 0, 0),
		})},
	{name: "Post", class: rdf.ORG.Post, doc: "a position a person holds in an organisation",
		props: []propertyShape{
			shapeLink(rdf.ORG.PostIn, 1, 1),
			shapeLink(rdf.ORG.HeldBy, 1, 1, rdf.FOAF.Person),
			shapeLink(rdf.ORG.RoleProp, 0, 1, rdf.ORG.Role),
			shapeLink(rdf.Time.HasTime, 0, 1, rdf.Time.Interval),
		}},
	{name: "Project", class: rdf.Civic.Project, doc: "a project, programme, initiative or infrastructure",
		props: shapeProps(shapeNamedProps(), shapeCommonProps(), []propertyShape{
			shapeLink(rdf.DCTerms.Type, 0, 1, rdf.SKOS.Concept),
			shapeLink(rdf.Time.HasTime, 0, 1, rdf.Time.Interval),
			shapeLink(rdf.Schema.Funding, 0, 0),
			shapeLink(rdf.Schema.Funder, 0, 0),
			shapeLink(rdf.Civic.OperatedBy, 0, 1),
			shapeLink(rdf.Civic.Quantity, 0, 0, rdf.Schema.QuantitativeValue, rdf.Schema.MonetaryAmount),
		})},
	{name: "Event", class: rdf.Schema.Event, doc: "an event",
		props: shapeProps(shapeNamedProps(), shapeCommonProps(), shapeEventProps())},
	{name: "EventSeries", class: rdf.Schema.EventSeries, doc: "a series of events",
		props: shapeProps(shapeNamedProps(), shapeCommonProps(), shapeEventProps())},
	{name: "Legislation", class: rdf.Schema.Legislation, doc: "a law or other legal act",
		props: shapeProps(shapeNamedProps(), shapeCommonProps(), []propertyShape{
			{path: rdf.Schema.LegislationDate, max: 1, kind: shapeLiteralNode, datatypes: dateDatatypes},
			shapeLink(rdf.Schema.LegislationPassedBy, 0, 1, rdf.ORG.Organization),
			shapeLiteral(rdf.Schema.LegislationIdentifier, rdf.XSD.String),
			shapeLink(rdf.Civic.ProjectProp, 0, 1, rdf.Civic.Project),
		})},
	{name: "Place", class: rdf.Schema.Place, doc: "a place",
		props: []propertyShape{
			shapeLabel(rdf.SKOS.PrefLabel),
			shapeLink(rdf.Schema.ContainedInPlace, 0, 0),
			shapeLink(rdf.Schema.Address, 0, 1, rdf.Schema.PostalAddress),
			shapeLiteral(rdf.Civic.UnescoInscribed, rdf.XSD.GYear),
		}},
	{name: "PostalAddress", class: rdf.Schema.PostalAddress, doc: "the address of a place",
		props: []propertyShape{
			shapeLiteral(rdf.Schema.StreetAddress, rdf.XSD.String),
			{path: rdf.Schema.AddressLocality, max: 1, kind: shapeLiteralNode},
			shapeLiteral(rdf.Schema.AddressCountry, rdf.XSD.String),
		}},
	{name: "Membership", class: rdf.ORG.Membership, doc: "a member belongs to an organisation in a role during a period",
		props: []propertyShape{
			shapeLink(rdf.ORG.Member, 1, 1),
			shapeLink(rdf.ORG.OrganizationProp, 1, 1),
			shapeLink(rdf.ORG.RoleProp, 1, 1, rdf.ORG.Role),
			shapeLink(rdf.ORG.MemberDuring, 0, 1, rdf.Time.Interval),
		}},
	{name: "Participation", class: rdf.Civic.Participation, doc: "an agent took part in an event in a role",
		props: []propertyShape{
			shapeLink(rdf.Civic.Agent, 1, 1),
			shapeLink(rdf.Civic.Event, 1, 1),
			shapeLink(rdf.Civic.Role, 1, 1, rdf.SKOS.Concept),
		}},
	{name: "Interval", class: rdf.Time.Interval, doc: "a period, with its EDTF text",
		props: []propertyShape{
			shapeLink(rdf.Time.HasBeginning, 0, 1, rdf.Time.Instant),
			shapeLink(rdf.Time.HasEnd, 0, 1, rdf.Time.Instant),
			shapeLiteral(rdf.Civic.Ongoing, rdf.XSD.Boolean),
			shapeLiteral(rdf.Civic.EarliestStart, rdf.XSD.Date),
			shapeLiteral(rdf.Civic.LatestEnd, rdf.XSD.Date),
			{path: rdf.Civic.EDTF, min: 1, max: 1, kind: shapeLiteralNode},
		}},
	{name: "Instant", class: rdf.Time.Instant, doc: "a start or end, at the precision known",
		props: []propertyShape{
			shapeLiteral(rdf.Time.InXSDgYear, rdf.XSD.GYear),
			shapeLiteral(rdf.Time.InXSDgYearMonth, rdf.XSD.GYearMonth),
			shapeLiteral(rdf.Time.InXSDDate, rdf.XSD.Date),
			shapeLiteral(rdf.Civic.Approximate, rdf.XSD.Boolean),
			shapeLiteral(rdf.Civic.Uncertain, rdf.XSD.Boolean),
		},
		oneOf: []*rdf.Term{rdf.Time.InXSDgYear, rdf.Time.InXSDgYearMonth, rdf.Time.InXSDDate}},
	{name: "Concept", class: rdf.SKOS.Concept, doc: "a role, type or topic",
		props: []propertyShape{
			shapeLabel(rdf.SKOS.PrefLabel),
			shapeLink(rdf.SKOS.InScheme, 1, 1, rdf.SKOS.ConceptScheme),
		}},
	{name: "ConceptScheme", class: rdf.SKOS.ConceptScheme, doc: "a scheme of roles, types or topics",
		props: []propertyShape{
			{path: rdf.DCTerms.Title, min: 1, kind: shapeLiteralNode, datatypes: textDatatypes},
			shapeLabel(rdf.SKOS.PrefLabel),
		}},
	{name: "QuantitativeValue", class: rdf.Schema.QuantitativeValue, doc: "a figure with its unit and qualifier",
		props: shapeQuantityProps(), oneOf: quantityValues},
	{name: "MonetaryAmount", class: rdf.Schema.MonetaryAmount, doc: "an amount of money",
		props: append(shapeQuantityProps(), propertyShape{path: rdf.Schema.Currency, min: 1, max: 1, kind: shapeLiteralNode}),
		oneOf: quantityValues},
	{name: "PropertyValue", class: rdf.Schema.PropertyValue, doc: "an identifier in a scheme",
		props: []propertyShape{
			{path: rdf.Schema.PropertyID, min: 1, max: 1, kind: shapeLiteralNode},
			{path: rdf.Schema.Value, min: 1, max: 1, kind: shapeLiteralNode},
		}},
	// Sources that share an id (their URL, else their title) are one
	// node carrying the facts of each, so nothing here is single-valued.
	{name: "Source", class: rdf.Schema.CreativeWork, doc: "a source of facts",
		props: []propertyShape{
			{path: rdf.Schema.Name, kind: shapeLiteralNode},
			shapeLink(rdf.Schema.URL, 0, 0),
			shapeLink(rdf.Schema.License, 0, 0),
			{path: rdf.Schema.Publisher},
			{path: rdf.Schema.DatePublished, kind: shapeLiteralNode, datatypes: dateDatatypes},
			{path: rdf.Civic.Retrieved, kind: shapeLiteralNode, datatypes: dateDatatypes},
		}},
	{name: "Grant", class: rdf.Schema.Grant, doc: "a grant to a project",
		props: shapeGrantProps()},
	{name: "MonetaryGrant", class: rdf.Schema.MonetaryGrant, doc: "a grant of an amount of money",
		props: append(shapeGrantProps(), shapeLink(rdf.Schema.Amount, 1, 1, rdf.Schema.MonetaryAmount))},
}

func shapeEventProps() []propertyShape {
	return []propertyShape{
		shapeLink(rdf.DCTerms.Type, 0, 1, rdf.SKOS.Concept),
		shapeLink(rdf.Time.HasTime, 0, 1, rdf.Time.Interval),
		shapeLiteral(rdf.Schema.StartDate, rdf.XSD.Date),
		shapeLiteral(rdf.Schema.EndDate, rdf.XSD.Date),
		shapeLink(rdf.Schema.Location, 0, 1, placeClasses...),
		// A series edition that is also part of an event has two.
		shapeLink(rdf.Schema.SuperEvent, 0, 2, rdf.Schema.EventSeries, rdf.Schema.Event),
		shapeLiteral(rdf.Civic.Edition, rdf.XSD.Integer),
		shapeLink(rdf.Civic.EditionOf, 0, 1, rdf.Schema.EventSeries),
		shapeLink(rdf.Civic.ProjectProp, 0, 1, rdf.Civic.Project),
		shapeLink(rdf.Civic.ParticipantCount, 0, 1, rdf.Schema.QuantitativeValue),
		shapeText(rdf.Civic.ParticipantGroup),
		shapeLink(rdf.Schema.Organizer, 0, 0),
		shapeLink(rdf.Schema.Attendee, 0, 0),
		shapeLink(rdf.Schema.Performer, 0, 0),
		shapeLink(rdf.Schema.Funder, 0, 0),
	}
}

// quantityValues are the properties a quantity has exactly one of.
var quantityValues = []*rdf.Term{rdf.Schema.Value, rdf.Schema.MinValue, rdf.Schema.MaxValue}

func shapeQuantityProps() []propertyShape {
	return []propertyShape{
		// One of value (exact, approximate), minValue (at-least,
		// more-than) or maxValue (at-most, less-than).
		{path: rdf.Schema.Value, max: 1, kind: shapeLiteralNode, datatypes: numberTypes},
		{path: rdf.Schema.MinValue, max: 1, kind: shapeLiteralNode, datatypes: numberTypes},
		{path: rdf.Schema.MaxValue, max: 1, kind: shapeLiteralNode, datatypes: numberTypes},
		shapeLiteral(rdf.Schema.UnitCode, rdf.XSD.String),
		shapeLiteral(rdf.Schema.UnitText, rdf.XSD.String),
		{path: rdf.Civic.Qualifier, max: 1, kind: shapeLiteralNode,
			in: []string{"approximate", "at-least", "more-than", "at-most", "less-than"}},
		{path: rdf.DCTerms.Date, max: 1, kind: shapeLiteralNode, datatypes: dateDatatypes},
		{path: rdf.Schema.Name, max: 1, kind: shapeLiteralNode},
	}
}

func shapeGrantProps() []propertyShape {
	return []propertyShape{
		shapeLink(rdf.Schema.Funder, 0, 1),
		{path: rdf.Schema.Name, max: 1, kind: shapeLiteralNode},
		{path: rdf.DCTerms.Date, max: 1, kind: shapeLiteralNode, datatypes: dateDatatypes},
		{path: rdf.Civic.Share, max: 1, kind: shapeLiteralNode, in: []string{"full", "part"}},
	}
}

// shapeTriples turns nodeShapes into triples. Property shapes get IRIs;
// only the RDF lists of sh:or and sh:in are blank nodes, numbered in
// order so that the output is the same every time.
func shapeGraph() *rdf.Graph {
	g := &rdf.Graph{}
	for _, ns := range nodeShapes {
		s := rdf.IRI(NS + ns.name)
		g.A(s, rdf.SH.NodeShape)
		g.Add(s, rdf.SH.TargetClass, ns.class)
		g.Add(s, rdf.RDFS.Comment, rdf.String(ns.doc))
		for _, p := range ns.props {
			ps := rdf.IRI(NS + ns.name + "-" + p.path.Prefix() + "-" + p.path.Local())
			g.Add(s, rdf.SH.Property, ps)
			g.Add(ps, rdf.SH.Path, p.path)
			if p.min > 0 {
				g.Add(ps, rdf.SH.MinCount, rdf.Integer(p.min))
			}
			if p.max > 0 {
				g.Add(ps, rdf.SH.MaxCount, rdf.Integer(p.max))
			}
			switch p.kind {
			case shapeIRINode:
				g.Add(ps, rdf.SH.NodeKind, rdf.SH.IRI)
			case shapeLiteralNode:
				g.Add(ps, rdf.SH.NodeKind, rdf.SH.Literal)
			}
			alternatives(g, ps, rdf.SH.Datatype, p.datatypes)
			alternatives(g, ps, rdf.SH.Class, p.classes)
			if p.uniqueLang {
				g.Add(ps, rdf.SH.UniqueLang, rdf.Boolean(true))
			}
			if len(p.in) > 0 {
				var items []rdf.Value
				for _, v := range p.in {
					items = append(items, rdf.String(v))
				}
				g.Add(ps, rdf.SH.In, g.List(items...))
			}
		}
		if len(ns.oneOf) > 0 {
			var alts []rdf.Value
			for _, path := range ns.oneOf {
				alt := g.Blank()
				ps := g.Blank()
				g.Add(alt, rdf.SH.Property, ps)
				g.Add(ps, rdf.SH.Path, path)
				g.Add(ps, rdf.SH.MinCount, rdf.Integer(1))
				alts = append(alts, alt)
			}
			g.Add(s, rdf.SH.Xone, g.List(alts...))
		}
	}
	return g
}

// alternatives states that the values of a property shape have one of
// values as pred (sh:datatype, sh:class): directly for one, with sh:or
// for several.
func alternatives(g *rdf.Graph, ps rdf.Value, pred *rdf.Term, values []*rdf.Term) {
	switch len(values) {
	case 0:
	case 1:
		g.Add(ps, pred, values[0])
	default:
		var alts []rdf.Value
		for _, v := range values {
			alt := g.Blank()
			g.Add(alt, pred, v)
			alts = append(alts, alt)
		}
		g.Add(ps, rdf.SH.Or, g.List(alts...))
	}
}
