package export

import (
	"sort"

	"github.com/knakk/rdf"
)

// Namespaces of the vocabularies the RDF formats use (SPEC 4.2).
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
	// NSCivic holds civicnet's own terms, defined in docs/vocabulary.md.
	NSCivic = "https://w3id.org/civicnet/ns#"
)

// Prefix binds a Turtle prefix name to a namespace.
type Prefix struct {
	Name      string // "schema"
	Namespace string // "http://schema.org/"
}

// vocabPrefixes is the fixed prefix table, sorted by name. Turtle output
// declares these (dataset.ttl all of them, WriteTurtleGraph those it
// uses), and context.jsonld defines the same names.
var vocabPrefixes = []Prefix{
	{"civic", NSCivic},
	{"dcat", NSDCAT},
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

// Prefixes returns the fixed prefix table of the Turtle writers, sorted
// by name. The slice is a copy.
func Prefixes() []Prefix { return append([]Prefix(nil), vocabPrefixes...) }

// The paths under the base IRI (SPEC 4.1). Records live under "id/";
// each concept scheme is {base}{path} and its concepts {base}{path}/{slug}.
const (
	pathRecords = "id/"
)

// datasetPrefixes are the prefixes dataset.ttl declares for the IRIs
// under the dataset's base, after the fixed ones.
func datasetPrefixes(base string) []Prefix {
	ps := []Prefix{{"id", base + pathRecords}}
	for _, s := range conceptSchemes {
		ps = append(ps, Prefix{s.prefix, base + s.path + "/"})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
	return ps
}

// scheme names one of the concept schemes of SPEC 4.1.
type scheme uint8

const (
	schemeEventTypes scheme = iota
	schemeOrganizationTypes
	schemeProjectTypes
	schemeRoles
	schemeTopics
	numSchemes
)

// conceptSchemes describes each scheme, in the order of their IRIs (so
// that subjects come out sorted): its path under the base, its Turtle
// prefix, its English title, and the slugs whose labels civicnet knows in
// English.
var conceptSchemes = [numSchemes]struct {
	path    string
	prefix  string
	title   string
	builtin map[string]bool
}{
	schemeEventTypes: {"event-types", "eventtype", "Event types", set(
		"general-assembly", "conference", "seminar", "meeting", "workshop", "round-table",
		"law-adopted", "event-series")},
	schemeOrganizationTypes: {"organization-types", "orgtype", "Organization types", set(
		"network", "association", "municipality", "public-body", "directorate", "committee",
		"thematic-group", "police")},
	schemeProjectTypes: {"project-types", "projecttype", "Project types", set(
		"project", "programme", "initiative", "infrastructure")},
	schemeRoles: {"roles", "role", "Roles", set(
		"member", "associate-member", "coordinator", "partner", "scientific-committee-member",
		"executive-committee-member", "organizer", "co-organizer", "host", "attendee",
		"speaker", "expert", "moderator", "funder")},
	schemeTopics: {"topics", "topic", "Topics", nil},
}

func set(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, s := range items {
		m[s] = true
	}
	return m
}

// mustIRI returns the IRI s, which the caller knows to be valid.
func mustIRI(s string) rdf.IRI {
	iri, err := rdf.NewIRI(s)
	if err != nil {
		panic("export: invalid IRI " + s + ": " + err.Error())
	}
	return iri
}

func pred(ns, local string) *vocabTerm { return newVocabTerm(ns + local) }
func class(ns, local string) obj       { return vocabObj(newVocabTerm(ns + local)) }

// Predicates.
var (
	pType = pred(NSRDF, "type")

	pPrefLabel = pred(NSSKOS, "prefLabel")
	pAltLabel  = pred(NSSKOS, "altLabel")
	pInScheme  = pred(NSSKOS, "inScheme")

	pDescription = pred(NSDCTerms, "description")
	pTitle       = pred(NSDCTerms, "title")
	pSubject     = pred(NSDCTerms, "subject")
	pSpatial     = pred(NSDCTerms, "spatial")
	pDCType      = pred(NSDCTerms, "type")
	pDate        = pred(NSDCTerms, "date")

	pGivenName  = pred(NSFOAF, "givenName")
	pFamilyName = pred(NSFOAF, "familyName")

	pClassification      = pred(NSORG, "classification")
	pUnitOf              = pred(NSORG, "unitOf")
	pHasUnit             = pred(NSORG, "hasUnit")
	pSubOrganizationOf   = pred(NSORG, "subOrganizationOf")
	pHasSubOrganization  = pred(NSORG, "hasSubOrganization")
	pMemberOf            = pred(NSORG, "memberOf")
	pHasMember           = pred(NSORG, "hasMember")
	pOrgMember           = pred(NSORG, "member")
	pOrgOrganization     = pred(NSORG, "organization")
	pOrgRole             = pred(NSORG, "role")
	pMemberDuring        = pred(NSORG, "memberDuring")
	pTimeHasTime         = pred(NSTime, "hasTime")
	pTimeHasBeginning    = pred(NSTime, "hasBeginning")
	pTimeHasEnd          = pred(NSTime, "hasEnd")
	pTimeInXSDgYear      = pred(NSTime, "inXSDgYear")
	pTimeInXSDgYearMonth = pred(NSTime, "inXSDgYearMonth")
	pTimeInXSDDate       = pred(NSTime, "inXSDDate")

	pName             = pred(NSSchema, "name")
	pURL              = pred(NSSchema, "url")
	pEmail            = pred(NSSchema, "email")
	pSubjectOf        = pred(NSSchema, "subjectOf")
	pIdentifier       = pred(NSSchema, "identifier")
	pPropertyID       = pred(NSSchema, "propertyID")
	pValue            = pred(NSSchema, "value")
	pSameAs           = pred(NSSchema, "sameAs")
	pAreaServed       = pred(NSSchema, "areaServed")
	pLocation         = pred(NSSchema, "location")
	pContainedInPlace = pred(NSSchema, "containedInPlace")
	pContainsPlace    = pred(NSSchema, "containsPlace")
	pAddress          = pred(NSSchema, "address")
	pStreetAddress    = pred(NSSchema, "streetAddress")
	pAddressLocality  = pred(NSSchema, "addressLocality")
	pAddressCountry   = pred(NSSchema, "addressCountry")
	pFunding          = pred(NSSchema, "funding")
	pFunder           = pred(NSSchema, "funder")
	pAmount           = pred(NSSchema, "amount")
	pCurrency         = pred(NSSchema, "currency")
	pUnitCode         = pred(NSSchema, "unitCode")
	pUnitText         = pred(NSSchema, "unitText")
	pStartDate        = pred(NSSchema, "startDate")
	pEndDate          = pred(NSSchema, "endDate")
	pSuperEvent       = pred(NSSchema, "superEvent")
	pSubEvent         = pred(NSSchema, "subEvent")
	pOrganizer        = pred(NSSchema, "organizer")
	pAttendee         = pred(NSSchema, "attendee")
	pPerformer        = pred(NSSchema, "performer")
	pLicense          = pred(NSSchema, "license")
	pPublisher        = pred(NSSchema, "publisher")
	pDatePublished    = pred(NSSchema, "datePublished")

	pApproximate      = pred(NSCivic, "approximate")
	pUncertain        = pred(NSCivic, "uncertain")
	pOngoing          = pred(NSCivic, "ongoing")
	pEDTF             = pred(NSCivic, "edtf")
	pPopulation       = pred(NSCivic, "population")
	pArea             = pred(NSCivic, "area")
	pCapital          = pred(NSCivic, "capital")
	pUnescoInscribed  = pred(NSCivic, "unescoInscribed")
	pOperatedBy       = pred(NSCivic, "operatedBy")
	pQuantity         = pred(NSCivic, "quantity")
	pShare            = pred(NSCivic, "share")
	pEdition          = pred(NSCivic, "edition")
	pProject          = pred(NSCivic, "project")
	pParticipantCount = pred(NSCivic, "participantCount")
	pParticipantGroup = pred(NSCivic, "participantGroup")
	pAgent            = pred(NSCivic, "agent")
	pEvent            = pred(NSCivic, "event")
	pRole             = pred(NSCivic, "role")
	pQualifier        = pred(NSCivic, "qualifier")
	pRetrieved        = pred(NSCivic, "retrieved")
)

// Classes.
var (
	cConcept       = class(NSSKOS, "Concept")
	cConceptScheme = class(NSSKOS, "ConceptScheme")

	cLocation = class(NSDCTerms, "Location")

	cPerson = class(NSFOAF, "Person")

	cOrganization         = class(NSORG, "Organization")
	cFormalOrganization   = class(NSORG, "FormalOrganization")
	cOrganizationalUnit   = class(NSORG, "OrganizationalUnit")
	cOrganizationalCollab = class(NSORG, "OrganizationalCollaboration")
	cMembership           = class(NSORG, "Membership")
	cOrgRole              = class(NSORG, "Role")

	cInterval = class(NSTime, "Interval")
	cInstant  = class(NSTime, "Instant")

	cSchemaOrganization = class(NSSchema, "Organization")
	cGovernmentOrg      = class(NSSchema, "GovernmentOrganization")
	cSchemaPerson       = class(NSSchema, "Person")
	cAdministrativeArea = class(NSSchema, "AdministrativeArea")
	cPlace              = class(NSSchema, "Place")
	cCity               = class(NSSchema, "City")
	cCountry            = class(NSSchema, "Country")
	cLandmark           = class(NSSchema, "LandmarksOrHistoricalBuildings")
	cPostalAddress      = class(NSSchema, "PostalAddress")
	cEvent              = class(NSSchema, "Event")
	cEventSeries        = class(NSSchema, "EventSeries")
	cGrant              = class(NSSchema, "Grant")
	cMonetaryGrant      = class(NSSchema, "MonetaryGrant")
	cMonetaryAmount     = class(NSSchema, "MonetaryAmount")
	cQuantitativeValue  = class(NSSchema, "QuantitativeValue")
	cPropertyValue      = class(NSSchema, "PropertyValue")
	cCreativeWork       = class(NSSchema, "CreativeWork")
	cCivicRegion        = class(NSCivic, "Region")
	cCivicProject       = class(NSCivic, "Project")
	cCivicParticipation = class(NSCivic, "Participation")
)

// Datatypes.
var (
	xsdString     = mustIRI(NSXSD + "string")
	xsdBoolean    = mustIRI(NSXSD + "boolean")
	xsdInteger    = mustIRI(NSXSD + "integer")
	xsdDecimal    = mustIRI(NSXSD + "decimal")
	xsdGYear      = mustIRI(NSXSD + "gYear")
	xsdGYearMonth = mustIRI(NSXSD + "gYearMonth")
	xsdDate       = mustIRI(NSXSD + "date")
	xsdAnyURI     = mustIRI(NSXSD + "anyURI")
	rdfLangString = mustIRI(NSRDF + "langString")

	// The datatypes of the mapping's literals; nil stands for xsd:string.
	datatypeBoolean    = newVocabTerm(NSXSD + "boolean")
	datatypeInteger    = newVocabTerm(NSXSD + "integer")
	datatypeDecimal    = newVocabTerm(NSXSD + "decimal")
	datatypeGYear      = newVocabTerm(NSXSD + "gYear")
	datatypeGYearMonth = newVocabTerm(NSXSD + "gYearMonth")
	datatypeDate       = newVocabTerm(NSXSD + "date")
	datatypeAnyURI     = newVocabTerm(NSXSD + "anyURI")

	// litTrue is the one boolean literal the mapping writes.
	litTrue = literal("true", datatypeBoolean)
)
