package rdf

import (
	"slices"
	"strings"
)

// Namespaces of the vocabularies the dump uses (SPEC 4.2).
const (
	NSRDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	NSRDFS    = "http://www.w3.org/2000/01/rdf-schema#"
	NSXSD     = "http://www.w3.org/2001/XMLSchema#"
	NSOWL     = "http://www.w3.org/2002/07/owl#"
	NSSKOS    = "http://www.w3.org/2004/02/skos/core#"
	NSDCTerms = "http://purl.org/dc/terms/"
	NSFOAF    = "http://xmlns.com/foaf/0.1/"
	NSORG     = "http://www.w3.org/ns/org#"
	NSTime    = "http://www.w3.org/2006/time#"
	NSSchema  = "http://schema.org/"
	NSDCAT    = "http://www.w3.org/ns/dcat#"
	NSVOID    = "http://rdfs.org/ns/void#"
	NSSPDX    = "http://spdx.org/rdf/terms#"
	NSVCard   = "http://www.w3.org/2006/vcard/ns#"
	NSSHACL   = "http://www.w3.org/ns/shacl#"
	// NSDCATAP holds DCAT-AP's own terms (dcatap:availability).
	NSDCATAP = "http://data.europa.eu/r5r/"
	NSCSVW   = "http://www.w3.org/ns/csvw#"
	// NSCivic holds civicnet's own terms, defined in docs/vocabulary.md.
	NSCivic = "https://w3id.org/civicnet/ns#"
)

// CivicOntology is the ontology that defines the civic: terms, the
// namespace without its "#" (vocabulary.ttl of every dump).
const CivicOntology IRI = "https://w3id.org/civicnet/ns"

// Prefix binds a Turtle prefix name to a namespace.
type Prefix struct {
	Name      string // "schema"
	Namespace string // "http://schema.org/"
}

// prefixes is the fixed prefix table, sorted by name. dataset.ttl
// declares all of them, other Turtle documents those they use, and
// context.jsonld defines the same names.
var prefixes = []Prefix{
	{"civic", NSCivic},
	{"csvw", NSCSVW},
	{"dcat", NSDCAT},
	{"dcatap", NSDCATAP},
	{"dcterms", NSDCTerms},
	{"foaf", NSFOAF},
	{"org", NSORG},
	{"owl", NSOWL},
	{"rdf", NSRDF},
	{"rdfs", NSRDFS},
	{"schema", NSSchema},
	{"sh", NSSHACL},
	{"skos", NSSKOS},
	{"spdx", NSSPDX},
	{"time", NSTime},
	{"vcard", NSVCard},
	{"void", NSVOID},
	{"xsd", NSXSD},
}

// Prefixes returns the fixed prefix table, sorted by name. The slice is
// a copy.
func Prefixes() []Prefix { return slices.Clone(prefixes) }

// Term is an IRI of a vocabulary — a class, a property, a datatype or a
// named individual — declared once in this package. Writers keep their
// own serialised form of each term in a slice indexed by [Term.Index],
// so that a term is spelled once per format, not once per triple.
type Term struct {
	iri    string
	prefix string
	local  string
	index  int
}

// terms lists every declared term, in declaration order.
var terms []*Term

func term(ns, local string) *Term {
	t := &Term{iri: ns + local, local: local, index: len(terms)}
	for _, p := range prefixes {
		if p.Namespace == ns {
			t.prefix = p.Name
		}
	}
	if t.prefix == "" {
		panic("rdf: term " + t.iri + " outside the prefix table")
	}
	terms = append(terms, t)
	return t
}

// Terms returns every term the writers can emit. The slice is a copy;
// Terms()[t.Index()] == t.
func Terms() []*Term { return slices.Clone(terms) }

// IRI returns the term's IRI.
func (t *Term) IRI() string { return t.iri }

// Index returns the term's position in [Terms].
func (t *Term) Index() int { return t.index }

// Prefix returns the name of the term's namespace in [Prefixes]: "skos".
func (t *Term) Prefix() string { return t.prefix }

// Local returns the term's name within its namespace: "prefLabel".
func (t *Term) Local() string { return t.local }

// String returns the prefixed name: "skos:prefLabel".
func (t *Term) String() string { return t.prefix + ":" + t.local }

// LookupTerm returns the declared term with the given IRI, or nil.
func LookupTerm(iri string) *Term {
	for _, t := range terms {
		if t.iri == iri {
			return t
		}
	}
	return nil
}

// localName is the part of an IRI after its last # or /.
func localName(iri string) string {
	return iri[strings.LastIndexAny(iri, "#/")+1:]
}

// The vocabularies, one variable each, holding every term of it that
// any writer emits: the mapping, the catalogue, the shapes and the CSVW
// metadata. Nothing else spells a vocabulary IRI.
var (
	RDF = struct {
		Type, First, Rest, Nil, LangString *Term
	}{
		Type: term(NSRDF, "type"), First: term(NSRDF, "first"), Rest: term(NSRDF, "rest"),
		Nil: term(NSRDF, "nil"), LangString: term(NSRDF, "langString"),
	}

	RDFS = struct {
		Comment, Label, Domain, Range, IsDefinedBy, SubClassOf, Datatype *Term
	}{
		Comment: term(NSRDFS, "comment"), Label: term(NSRDFS, "label"), Domain: term(NSRDFS, "domain"),
		Range: term(NSRDFS, "range"), IsDefinedBy: term(NSRDFS, "isDefinedBy"),
		SubClassOf: term(NSRDFS, "subClassOf"), Datatype: term(NSRDFS, "Datatype"),
	}

	OWL = struct {
		Ontology, Class, ObjectProperty, DatatypeProperty, AnnotationProperty, UnionOf *Term
	}{
		Ontology: term(NSOWL, "Ontology"), Class: term(NSOWL, "Class"),
		ObjectProperty: term(NSOWL, "ObjectProperty"), DatatypeProperty: term(NSOWL, "DatatypeProperty"),
		AnnotationProperty: term(NSOWL, "AnnotationProperty"), UnionOf: term(NSOWL, "unionOf"),
	}

	CSVW = struct {
		Column *Term
	}{
		Column: term(NSCSVW, "Column"),
	}

	XSD = struct {
		String, Boolean, Integer, Decimal, GYear, GYearMonth, Date, AnyURI,
		NonNegativeInteger, HexBinary *Term
	}{
		String: term(NSXSD, "string"), Boolean: term(NSXSD, "boolean"), Integer: term(NSXSD, "integer"),
		Decimal: term(NSXSD, "decimal"), GYear: term(NSXSD, "gYear"), GYearMonth: term(NSXSD, "gYearMonth"),
		Date: term(NSXSD, "date"), AnyURI: term(NSXSD, "anyURI"),
		NonNegativeInteger: term(NSXSD, "nonNegativeInteger"), HexBinary: term(NSXSD, "hexBinary"),
	}

	SKOS = struct {
		Concept, ConceptScheme, PrefLabel, AltLabel, InScheme *Term
	}{
		Concept: term(NSSKOS, "Concept"), ConceptScheme: term(NSSKOS, "ConceptScheme"),
		PrefLabel: term(NSSKOS, "prefLabel"), AltLabel: term(NSSKOS, "altLabel"), InScheme: term(NSSKOS, "inScheme"),
	}

	DCTerms = struct {
		Location, LicenseDocument, LinguisticSystem, PeriodOfTime, MediaType, MediaTypeOrExtent, Standard,
		Description, Title, Subject, Spatial, Type, Date, Identifier, Publisher, Language, Temporal,
		Issued, Modified, License, Format, ConformsTo *Term
	}{
		Location: term(NSDCTerms, "Location"), LicenseDocument: term(NSDCTerms, "LicenseDocument"),
		LinguisticSystem: term(NSDCTerms, "LinguisticSystem"), PeriodOfTime: term(NSDCTerms, "PeriodOfTime"),
		MediaType: term(NSDCTerms, "MediaType"), MediaTypeOrExtent: term(NSDCTerms, "MediaTypeOrExtent"),
		Standard:    term(NSDCTerms, "Standard"),
		Description: term(NSDCTerms, "description"), Title: term(NSDCTerms, "title"),
		Subject: term(NSDCTerms, "subject"), Spatial: term(NSDCTerms, "spatial"), Type: term(NSDCTerms, "type"),
		Date: term(NSDCTerms, "date"), Identifier: term(NSDCTerms, "identifier"),
		Publisher: term(NSDCTerms, "publisher"), Language: term(NSDCTerms, "language"),
		Temporal: term(NSDCTerms, "temporal"), Issued: term(NSDCTerms, "issued"),
		Modified: term(NSDCTerms, "modified"), License: term(NSDCTerms, "license"),
		Format: term(NSDCTerms, "format"), ConformsTo: term(NSDCTerms, "conformsTo"),
	}

	FOAF = struct {
		Person, Agent, Document, GivenName, FamilyName, Name, Homepage *Term
	}{
		Person: term(NSFOAF, "Person"), Agent: term(NSFOAF, "Agent"), Document: term(NSFOAF, "Document"),
		Homepage:  term(NSFOAF, "homepage"),
		GivenName: term(NSFOAF, "givenName"), FamilyName: term(NSFOAF, "familyName"), Name: term(NSFOAF, "name"),
	}

	ORG = struct {
		Organization, FormalOrganization, OrganizationalUnit, OrganizationalCollaboration, Membership, Role,
		Classification, UnitOf, HasUnit, SubOrganizationOf, HasSubOrganization, MemberOf, HasMember,
		Member, OrganizationProp, RoleProp, MemberDuring,
		Post, Holds, HeldBy, PostIn, HeadOf *Term
	}{
		Organization: term(NSORG, "Organization"), FormalOrganization: term(NSORG, "FormalOrganization"),
		OrganizationalUnit:          term(NSORG, "OrganizationalUnit"),
		OrganizationalCollaboration: term(NSORG, "OrganizationalCollaboration"),
		Membership:                  term(NSORG, "Membership"), Role: term(NSORG, "Role"),
		Classification: term(NSORG, "classification"), UnitOf: term(NSORG, "unitOf"), HasUnit: term(NSORG, "hasUnit"),
		SubOrganizationOf: term(NSORG, "subOrganizationOf"), HasSubOrganization: term(NSORG, "hasSubOrganization"),
		MemberOf: term(NSORG, "memberOf"), HasMember: term(NSORG, "hasMember"), Member: term(NSORG, "member"),
		OrganizationProp: term(NSORG, "organization"), RoleProp: term(NSORG, "role"), MemberDuring: term(NSORG, "memberDuring"),
		Post: term(NSORG, "Post"), Holds: term(NSORG, "holds"), HeldBy: term(NSORG, "heldBy"),
		PostIn: term(NSORG, "postIn"), HeadOf: term(NSORG, "headOf"),
	}

	Time = struct {
		Interval, Instant, HasTime, HasBeginning, HasEnd, InXSDgYear, InXSDgYearMonth, InXSDDate *Term
	}{
		Interval: term(NSTime, "Interval"), Instant: term(NSTime, "Instant"), HasTime: term(NSTime, "hasTime"),
		HasBeginning: term(NSTime, "hasBeginning"), HasEnd: term(NSTime, "hasEnd"),
		InXSDgYear: term(NSTime, "inXSDgYear"), InXSDgYearMonth: term(NSTime, "inXSDgYearMonth"),
		InXSDDate: term(NSTime, "inXSDDate"),
	}

	Schema = struct {
		Organization, GovernmentOrganization, Person, AdministrativeArea, Place, City, Country,
		LandmarksOrHistoricalBuildings, PostalAddress, Event, EventSeries, Grant, MonetaryGrant,
		MonetaryAmount, QuantitativeValue, PropertyValue, CreativeWork, Project, Legislation,
		Name, URL, Email, SubjectOf, Identifier, PropertyID, Value, SameAs, AreaServed, Location,
		ContainedInPlace, ContainsPlace, Address, StreetAddress, AddressLocality, AddressCountry, Funding,
		Funder, Amount, Currency, UnitCode, UnitText, StartDate, EndDate, SuperEvent, SubEvent,
		Organizer, Attendee, Performer, License, Publisher, DatePublished, MinValue, MaxValue, Affiliation,
		LegislationDate, LegislationPassedBy, LegislationIdentifier *Term
	}{
		Organization: term(NSSchema, "Organization"), GovernmentOrganization: term(NSSchema, "GovernmentOrganization"),
		Person: term(NSSchema, "Person"), AdministrativeArea: term(NSSchema, "AdministrativeArea"),
		Place: term(NSSchema, "Place"), City: term(NSSchema, "City"), Country: term(NSSchema, "Country"),
		LandmarksOrHistoricalBuildings: term(NSSchema, "LandmarksOrHistoricalBuildings"),
		PostalAddress:                  term(NSSchema, "PostalAddress"), Event: term(NSSchema, "Event"),
		EventSeries: term(NSSchema, "EventSeries"), Grant: term(NSSchema, "Grant"),
		MonetaryGrant: term(NSSchema, "MonetaryGrant"), MonetaryAmount: term(NSSchema, "MonetaryAmount"),
		QuantitativeValue: term(NSSchema, "QuantitativeValue"), PropertyValue: term(NSSchema, "PropertyValue"),
		CreativeWork: term(NSSchema, "CreativeWork"), Project: term(NSSchema, "Project"),
		Legislation: term(NSSchema, "Legislation"),
		Name:        term(NSSchema, "name"), URL: term(NSSchema, "url"), Email: term(NSSchema, "email"),
		SubjectOf: term(NSSchema, "subjectOf"), Identifier: term(NSSchema, "identifier"),
		PropertyID: term(NSSchema, "propertyID"), Value: term(NSSchema, "value"), SameAs: term(NSSchema, "sameAs"),
		AreaServed: term(NSSchema, "areaServed"), Location: term(NSSchema, "location"),
		ContainedInPlace: term(NSSchema, "containedInPlace"), ContainsPlace: term(NSSchema, "containsPlace"),
		Address: term(NSSchema, "address"), StreetAddress: term(NSSchema, "streetAddress"),
		AddressLocality: term(NSSchema, "addressLocality"), AddressCountry: term(NSSchema, "addressCountry"),
		Funding: term(NSSchema, "funding"), Funder: term(NSSchema, "funder"), Amount: term(NSSchema, "amount"),
		Currency: term(NSSchema, "currency"), UnitCode: term(NSSchema, "unitCode"), UnitText: term(NSSchema, "unitText"),
		StartDate: term(NSSchema, "startDate"), EndDate: term(NSSchema, "endDate"),
		SuperEvent: term(NSSchema, "superEvent"), SubEvent: term(NSSchema, "subEvent"),
		Organizer: term(NSSchema, "organizer"), Attendee: term(NSSchema, "attendee"),
		Performer: term(NSSchema, "performer"), License: term(NSSchema, "license"),
		Publisher: term(NSSchema, "publisher"), DatePublished: term(NSSchema, "datePublished"),
		MinValue: term(NSSchema, "minValue"), MaxValue: term(NSSchema, "maxValue"),
		Affiliation: term(NSSchema, "affiliation"), LegislationDate: term(NSSchema, "legislationDate"),
		LegislationPassedBy:   term(NSSchema, "legislationPassedBy"),
		LegislationIdentifier: term(NSSchema, "legislationIdentifier"),
	}

	DCAT = struct {
		Catalog, Dataset, Distribution, DatasetProp, DistributionProp, Keyword, ContactPoint, StartDate, EndDate,
		AccessURL, DownloadURL, MediaType, ByteSize, ThemeTaxonomy, Theme, CompressFormat *Term
	}{
		Catalog: term(NSDCAT, "Catalog"), Dataset: term(NSDCAT, "Dataset"), Distribution: term(NSDCAT, "Distribution"),
		DatasetProp: term(NSDCAT, "dataset"), DistributionProp: term(NSDCAT, "distribution"),
		Keyword: term(NSDCAT, "keyword"), ContactPoint: term(NSDCAT, "contactPoint"),
		StartDate: term(NSDCAT, "startDate"), EndDate: term(NSDCAT, "endDate"),
		AccessURL: term(NSDCAT, "accessURL"), DownloadURL: term(NSDCAT, "downloadURL"),
		MediaType: term(NSDCAT, "mediaType"), ByteSize: term(NSDCAT, "byteSize"),
		ThemeTaxonomy: term(NSDCAT, "themeTaxonomy"), Theme: term(NSDCAT, "theme"),
		CompressFormat: term(NSDCAT, "compressFormat"),
	}

	VOID = struct {
		Dataset, Triples, Entities, Classes, URISpace, ClassPartition, Class, DataDump, Vocabulary, ExampleResource *Term
	}{
		Dataset: term(NSVOID, "Dataset"), Triples: term(NSVOID, "triples"), Entities: term(NSVOID, "entities"),
		Classes: term(NSVOID, "classes"), URISpace: term(NSVOID, "uriSpace"),
		ClassPartition: term(NSVOID, "classPartition"), Class: term(NSVOID, "class"), DataDump: term(NSVOID, "dataDump"),
		Vocabulary: term(NSVOID, "vocabulary"), ExampleResource: term(NSVOID, "exampleResource"),
	}

	SPDX = struct {
		Checksum, Algorithm, ChecksumAlgorithmSHA256, ChecksumValue, ChecksumProp *Term
	}{
		Checksum: term(NSSPDX, "Checksum"), Algorithm: term(NSSPDX, "algorithm"),
		ChecksumAlgorithmSHA256: term(NSSPDX, "checksumAlgorithm_sha256"),
		ChecksumValue:           term(NSSPDX, "checksumValue"), ChecksumProp: term(NSSPDX, "checksum"),
	}

	VCard = struct {
		Kind, HasEmail, FN *Term
	}{
		Kind: term(NSVCard, "Kind"), HasEmail: term(NSVCard, "hasEmail"), FN: term(NSVCard, "fn"),
	}

	DCATAP = struct {
		Availability *Term
	}{
		Availability: term(NSDCATAP, "availability"),
	}

	SH = struct {
		NodeShape, TargetClass, Property, Path, MinCount, MaxCount, NodeKind, IRI, Literal, Datatype,
		Class, UniqueLang, In, Or, Xone *Term
	}{
		NodeShape: term(NSSHACL, "NodeShape"), TargetClass: term(NSSHACL, "targetClass"),
		Property: term(NSSHACL, "property"), Path: term(NSSHACL, "path"), MinCount: term(NSSHACL, "minCount"),
		MaxCount: term(NSSHACL, "maxCount"), NodeKind: term(NSSHACL, "nodeKind"), IRI: term(NSSHACL, "IRI"),
		Literal: term(NSSHACL, "Literal"), Datatype: term(NSSHACL, "datatype"), Class: term(NSSHACL, "class"),
		UniqueLang: term(NSSHACL, "uniqueLang"), In: term(NSSHACL, "in"), Or: term(NSSHACL, "or"),
		Xone: term(NSSHACL, "xone"),
	}

	Civic = struct {
		Region, Project, Participation,
		Approximate, Uncertain, Ongoing, EDTF, Population, Area, Capital, UnescoInscribed, OperatedBy,
		Quantity, Share, Edition, ProjectProp, ParticipantCount, ParticipantGroup, Agent, Event, Role,
		Qualifier, Retrieved, FormulaGuard, EarliestStart, LatestEnd, EditionOf *Term
	}{
		Region: term(NSCivic, "Region"), Project: term(NSCivic, "Project"), Participation: term(NSCivic, "Participation"),
		Approximate: term(NSCivic, "approximate"), Uncertain: term(NSCivic, "uncertain"),
		Ongoing: term(NSCivic, "ongoing"), EDTF: term(NSCivic, "edtf"), Population: term(NSCivic, "population"),
		Area: term(NSCivic, "area"), Capital: term(NSCivic, "capital"),
		UnescoInscribed: term(NSCivic, "unescoInscribed"), OperatedBy: term(NSCivic, "operatedBy"),
		Quantity: term(NSCivic, "quantity"), Share: term(NSCivic, "share"), Edition: term(NSCivic, "edition"),
		ProjectProp: term(NSCivic, "project"), ParticipantCount: term(NSCivic, "participantCount"),
		ParticipantGroup: term(NSCivic, "participantGroup"), Agent: term(NSCivic, "agent"),
		Event: term(NSCivic, "event"), Role: term(NSCivic, "role"), Qualifier: term(NSCivic, "qualifier"),
		Retrieved: term(NSCivic, "retrieved"), FormulaGuard: term(NSCivic, "formulaGuard"),
		EarliestStart: term(NSCivic, "earliestStart"), LatestEnd: term(NSCivic, "latestEnd"),
		EditionOf: term(NSCivic, "editionOf"),
	}
)
