package model

import (
	"strconv"
	"strings"
)

// Kind names a record kind, as written in the `kind` field.
type Kind uint8

// The record kinds. The zero Kind is invalid on purpose.
const (
	KindInvalid Kind = iota
	KindRegion
	KindOrganization
	KindPerson
	KindProject
	KindEvent
	KindPlace
	KindMembership
	KindParticipation
	KindLegislation
)

var kindNames = [...]string{"", "region", "organization", "person", "project", "event", "place", "membership", "participation", "legislation"}

// Kinds lists every valid kind in a fixed order.
var Kinds = []Kind{KindRegion, KindOrganization, KindPerson, KindProject, KindEvent, KindPlace, KindMembership, KindParticipation, KindLegislation}

// String returns the kind as written in records ("region"), or "" for an
// invalid kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return ""
}

// ParseKind returns the Kind written as s, or KindInvalid.
func ParseKind(s string) Kind {
	for i, n := range kindNames {
		if i > 0 && n == s {
			return Kind(i)
		}
	}
	return KindInvalid
}

// IsAgent reports whether records of this kind can act: be members,
// organise or attend events.
func (k Kind) IsAgent() bool {
	return k == KindRegion || k == KindOrganization || k == KindPerson || k == KindProject
}

// Record is one record of a record set. Every kind is a pointer to one of
// the record structs of this package: *Region, *Organization, *Person,
// *Project, *Event, *Place, *Membership, *Participation. The interface is
// sealed (it has an unexported method), so that the switches over the
// eight kinds in validation and export cannot be bypassed by a type of
// another package.
type Record interface {
	Kind() Kind
	// Base returns the fields every kind shares.
	Base() *Common
	isRecord()
}

// The record types; the compiler checks that each is a Record.
var (
	_ Record = (*Region)(nil)
	_ Record = (*Organization)(nil)
	_ Record = (*Person)(nil)
	_ Record = (*Project)(nil)
	_ Record = (*Event)(nil)
	_ Record = (*Place)(nil)
	_ Record = (*Membership)(nil)
	_ Record = (*Participation)(nil)
	_ Record = (*Legislation)(nil)
)

// LangString is a string in a language. Lang is a BCP 47 tag, or "" for a
// plain string in the dataset's default language.
type LangString struct {
	Lang  string
	Value string
}

// Text is a string or a set of translations of it, in the order written.
type Text []LangString

// Plain returns a Text holding one string in the default language.
func Plain(s string) Text { return Text{{Value: s}} }

// IsZero reports whether the text holds no string.
func (t Text) IsZero() bool { return len(t) == 0 }

// In returns the string in language lang ("" for the plain string), and
// whether there is one.
func (t Text) In(lang string) (string, bool) {
	for _, ls := range t {
		if ls.Lang == lang {
			return ls.Value, true
		}
	}
	return "", false
}

// Best returns the string in lang if there is one, else the plain string,
// else the English one, else the first: the one a label should show.
func (t Text) Best(lang string) string {
	if len(t) == 0 {
		return ""
	}
	for _, l := range []string{lang, "", "en"} {
		if s, ok := t.In(l); ok {
			return s
		}
	}
	return t[0].Value
}

// String returns Best("").
func (t Text) String() string { return t.Best("") }

// Identifier is one entry of an `identifiers` map: `wikidata: Q1273`.
type Identifier struct {
	Scheme string
	Value  string
}

// Source says where facts come from.
type Source struct {
	// ID is derived from URL, else Title (SPEC 2.6); set by Dataset.Add.
	ID        string
	Title     string
	URL       string
	Publisher string // a record id or a name
	License   string // an SPDX id or a URL
	Published Date
	Retrieved Date
	Origin
}

// Common holds the fields every record kind shares.
type Common struct {
	ID          string
	Name        Text
	AltNames    []Text
	Description Text
	Identifiers []Identifier
	Website     string
	Email       string
	Topics      []string
	Sources     []*Source
	// Ignore lists the diagnostic codes this record is an accepted
	// exception to (ignore: [no-sources]); validate checks the codes
	// and suppresses their diagnostics on the record. Positions:
	// Origin.ItemPos("ignore", i).
	Ignore []string
	// Generated is true when ID was derived from the content (SPEC 2.6)
	// rather than written.
	Generated bool
	Origin

	// owner is the record this one was written inside of, and ownerAt
	// where in it (ownerField<<24 | item+1), when Dataset.Add moved it
	// out; see Owner.
	owner   Record
	ownerAt uint32
}

// ownerFields name the places where Dataset.Add finds nested records.
var ownerFields = [...]string{"", "memberships", "participations", "participants", "organizers",
	"capital", "heritage_sites", "location"}

const (
	inMemberships = iota + 1
	inParticipations
	inParticipants
	inOrganizers
	inCapital
	inHeritageSites
	inLocation
)

// Owner returns the record c was written inside of and the key path of
// c in it ("memberships[2]", "capital", "location"), when Dataset.Add
// moved c out to a record of its own: a nested membership or
// participation, an inline place, a heritage site, an organiser's
// participation. For other records it returns nil and "".
func (c *Common) Owner() (Record, string) {
	if c.owner == nil {
		return nil, ""
	}
	field, item := ownerFields[c.ownerAt>>24], int(c.ownerAt&0xffffff)-1
	if item < 0 {
		return c.owner, field
	}
	return c.owner, field + "[" + strconv.Itoa(item) + "]"
}

// setOwner records that c was written inside owner, at item i (-1: not
// in a list) of field.
func (c *Common) setOwner(owner Record, field, i int) {
	c.owner, c.ownerAt = owner, uint32(field)<<24|uint32(i+1)&0xffffff
}

// Base returns c itself; it lets every record kind satisfy Record.
func (c *Common) Base() *Common { return c }

// Organization is an organisation: a network, an association, a
// municipality, or a unit of another organisation.
type Organization struct {
	Common
	Type              string
	UnitOf            string
	SubOrganizationOf string
	Country           string
	Place             string
	// Memberships and Participations are the nested forms; Dataset.Add
	// moves them to top-level records with Member/Agent set.
	Memberships    []*Membership
	Participations []*Participation
}

// Kind implements Record.
func (*Organization) Kind() Kind { return KindOrganization }

func (*Organization) isRecord() {}

// OrganizationOf returns the organisation part of an organisation or a
// region (a region is an organisation with a territory), or nil for a
// record of another kind.
func OrganizationOf(r Record) *Organization {
	switch r := r.(type) {
	case *Organization:
		return r
	case *Region:
		return &r.Organization
	}
	return nil
}

// Region is a regional authority (an organisation) together with the
// territory it governs.
type Region struct {
	Organization
	AreaKm2       Quantity
	Population    Quantity
	Capital       string // place id; an inline capital becomes a place record
	CapitalPlace  *Place // inline capital, moved to a place record by Dataset.Add
	HeritageSites []*HeritageSite
	// TerritoryIdentifiers identify the territory (wikidata, nuts,
	// geonames); Identifiers identify the authority.
	TerritoryIdentifiers []Identifier
}

// Kind implements Record.
func (*Region) Kind() Kind { return KindRegion }

func (*Region) isRecord() {}

// HeritageSite is a UNESCO World Heritage site in a region's territory.
// Dataset.Add turns each into a place record of type heritage-site.
type HeritageSite struct {
	ID        string // optional; derived from the content when empty
	Name      Text
	Inscribed int // year of inscription
	Origin
}

// Person is a person. Posts and affiliations are not memberships: a
// person is a member only where the source says so (Memberships).
type Person struct {
	Common
	GivenName  string
	FamilyName string
	// Affiliations are the ids of the organisations the person works for
	// or speaks for, without a post: "Edoardo Mattiello (ANCI Piedmont)".
	Affiliations []string
	// Posts are the positions the person holds in organisations:
	// "Commander of the Turin Municipal Police".
	Posts          []*Post
	Memberships    []*Membership
	Participations []*Participation
}

// Post is a position a person holds in an organisation (W3C ORG
// org:Post): a role, whether it heads the organisation, and when.
type Post struct {
	Organization string // id of the organisation, unit or project
	Role         Role
	Head         bool // the holder heads the organisation (org:headOf)
	During       Interval
	Origin
}

// Kind implements Record.
func (*Person) Kind() Kind { return KindPerson }

func (*Person) isRecord() {}

// Project is a project, programme, initiative (collaborations that can
// hold memberships) or infrastructure (a built system).
type Project struct {
	Common
	Type       string
	Acronym    string
	During     Interval
	Funding    []*Funding
	Quantities []*NamedQuantity
	OperatedBy string
	// Participants are nested memberships in this project; Memberships
	// and Participations are the project's own, as a member or agent.
	Participants   []*Membership
	Memberships    []*Membership
	Participations []*Participation
}

// Kind implements Record.
func (*Project) Kind() Kind { return KindProject }

func (*Project) isRecord() {}

// IsCollaboration reports whether the project is an agent that can hold
// memberships and be a member (type project, programme or initiative,
// or no type).
func (p *Project) IsCollaboration() bool {
	switch p.Type {
	case "", "project", "programme", "initiative":
		return true
	}
	return false
}

// Funding is one grant to a project.
type Funding struct {
	Funder    string // record id
	Programme string
	Year      int
	Share     string // "full" or "part"
	Amount    Quantity
	Origin
}

// NamedQuantity is a named figure of a project: "50 specific projects".
type NamedQuantity struct {
	Name string
	Quantity
	Origin
}

// Event is something that happened at a time and place: an assembly, a
// conference, the adoption of a law, or a series of such events.
type Event struct {
	Common
	Type     string
	Date     Interval
	Location *Location
	Place    string // the resolved location: the place id, or the inline venue or city
	Series   string
	Edition  int
	// PartOf is the id of the event this one is part of: a round table
	// on the sidelines of a workshop, a session of a conference (not an
	// edition of a series, which is Series).
	PartOf            string
	Project           string
	Organizers        []string
	Participants      []*Participation
	ParticipantCount  Quantity
	ParticipantGroups []string
}

// Kind implements Record.
func (*Event) Kind() Kind { return KindEvent }

func (*Event) isRecord() {}

// Legislation is a law, a regulation or another legal act that a body
// passed: "the regional law of 2007 on citizen participation". The act
// is the record (schema:Legislation); its adoption is an event only when
// a source speaks of one (a vote, a signing ceremony).
type Legislation struct {
	Common
	// Date is when the act was passed, at the precision the source gives.
	Date Date
	// PassedBy is the id of the body that passed it: a region, a
	// municipality, a parliament.
	PassedBy string
	// Identifier is the act's official number or reference, as written
	// ("Legge regionale 26 gennaio 2004, n. 1").
	Identifier string
	// Project is the id of the project or programme the act is part of.
	Project string
}

// Kind implements Record.
func (*Legislation) Kind() Kind { return KindLegislation }

func (*Legislation) isRecord() {}

// Location is where an event took place, as written.
type Location struct {
	Venue   string
	Place   string
	City    string
	Country string
	Origin
}

// Place is a city, venue, country, heritage site or other area.
type Place struct {
	Common
	Type        string
	Country     string
	ContainedIn string
	Address     string
	// Inscribed is the UNESCO inscription year of a heritage site.
	Inscribed int
}

// Kind implements Record.
func (*Place) Kind() Kind { return KindPlace }

func (*Place) isRecord() {}

// Role is a membership or participation role: a slug and its label.
type Role struct {
	Slug  string
	Label string
}

// Membership says that Member belongs to Organization in Role During a
// period.
type Membership struct {
	Common
	Member       string
	Organization string
	Role         Role
	During       Interval
	// Nested is true when the membership was written under its member or
	// project rather than as a top-level record.
	Nested bool
}

// Kind implements Record.
func (*Membership) Kind() Kind { return KindMembership }

func (*Membership) isRecord() {}

// Participation says that Agent took part in Event in Role.
type Participation struct {
	Common
	Agent  string
	Event  string
	Role   Role
	Nested bool
}

// Kind implements Record.
func (*Participation) Kind() Kind { return KindParticipation }

func (*Participation) isRecord() {}

// DatasetFile is the name of the dataset description at the root of a
// record set, which problems with a DatasetInfo name.
const DatasetFile = "civicnet.yaml"

// StdinName is the file name in the positions ([Pos.File]) of records
// read from standard input.
const StdinName = "<stdin>"

// DatasetInfo is the dataset description of civicnet.yaml.
type DatasetInfo struct {
	Base        string
	DumpURL     string
	Title       string
	Description string
	Publisher   string // a record id or a name
	License     string
	Language    string
	Contact     string
	Keywords    []string
	Issued      Date
	Modified    Date
	// Rules set the severity of diagnostic codes for the record set
	// (rules: {no-sources: off}), in the order written; validate checks
	// them. Positions: Origin.KeyPos("rules."+code) and ValuePos.
	Rules []Rule
	Origin
}

// Rule is one entry of the rules of civicnet.yaml: a diagnostic code and
// its level, "off", "warning" or "error" (as written; validate checks
// both).
type Rule struct {
	Code, Level string
}

// builtinRoles are the roles SPEC 2.6 names, with their labels: the slug
// with spaces, made once rather than for each of a million memberships.
var builtinRoles = func() map[string]string {
	m := map[string]string{}
	for _, slug := range []string{"member", "associate-member", "coordinator", "partner",
		"scientific-committee-member", "executive-committee-member",
		"organizer", "co-organizer", "host", "attendee",
		"speaker", "expert", "moderator", "funder"} {
		m[slug] = strings.ReplaceAll(slug, "-", " ")
	}
	return m
}()

// IsBuiltinRole reports whether slug is one of the roles civicnet knows.
func IsBuiltinRole(slug string) bool {
	_, ok := builtinRoles[slug]
	return ok
}

// ParseRole turns the text of a `role` field into a Role: a slug keeps
// its slug and gets the label "slug with spaces"; other text is slugified
// and kept as the label ("Commander" → commander, "Commander").
func ParseRole(s string) Role {
	s = strings.TrimSpace(s)
	if label, ok := builtinRoles[s]; ok {
		return Role{Slug: s, Label: label}
	}
	if IsSlug(s) {
		return Role{Slug: s, Label: strings.ReplaceAll(s, "-", " ")}
	}
	return Role{Slug: Slugify(s), Label: s}
}
