package model

import (
	"crypto/sha1"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// Dataset is a record set: the dataset description and every record,
// indexed by id. Nested memberships, participations, inline places and
// heritage sites are normalised into top-level records as they are added,
// so every consumer sees one flat list.
//
// A Dataset is not safe for concurrent mutation; once built it may be
// read from many goroutines.
type Dataset struct {
	Info DatasetInfo
	// Records holds every record in the order added, nested ones right
	// after their parent. Ids are unique unless the input repeated one;
	// Lookup returns the first. Add keeps the index of ids in step with
	// Records: change Records only through Add.
	Records []Record

	index   map[string]int
	repeats []int32 // positions in Records of ids met before, ascending
	ns      uuid.UUID
	name    []byte // reused by generateID
}

// NewDataset returns an empty dataset described by info. Generated ids are
// derived from info.Base (SPEC 2.6), so set it before adding records.
func NewDataset(info DatasetInfo) *Dataset {
	return &Dataset{
		Info:  info,
		index: make(map[string]int),
		ns:    uuid.NewSHA1(uuid.NameSpaceURL, []byte(info.Base)),
	}
}

// Grow makes room for n more records, so that adding them reallocates
// neither Records nor the index of ids. A decoder that knows how many
// records are coming calls it before Add.
func (ds *Dataset) Grow(n int) {
	ds.Records = slices.Grow(ds.Records, n)
	if len(ds.index) == 0 {
		ds.index = make(map[string]int, n)
	}
}

// Len returns the number of records.
func (ds *Dataset) Len() int { return len(ds.Records) }

// Lookup returns the record with the given id, or nil.
func (ds *Dataset) Lookup(id string) Record {
	if i, ok := ds.IndexOf(id); ok {
		return ds.Records[i]
	}
	return nil
}

// IndexOf returns the position in Records of the first record with the
// given id, and whether there is one.
func (ds *Dataset) IndexOf(id string) (int, bool) {
	i, ok := ds.index[id]
	if !ok || i >= len(ds.Records) {
		return 0, false
	}
	return i, true
}

// Repeats reports whether Records[i] has the id of an earlier record, the
// one Lookup returns, without looking the id up: a rule that asks it of
// every record of a million reads no index.
func (ds *Dataset) Repeats(i int) bool {
	_, found := slices.BinarySearch(ds.repeats, int32(i))
	return found
}

// Add adds records to the dataset. It moves nested memberships and
// participations to top-level records (with the implied member, agent,
// organisation or event set), turns inline places and heritage sites into
// place records, and gives records written without an id a deterministic
// one (SPEC 2.6).
func (ds *Dataset) Add(records ...Record) {
	if ds.index == nil {
		*ds = *NewDataset(ds.Info)
	}
	for _, r := range records {
		ds.add(r)
	}
}

func (ds *Dataset) add(r Record) {
	c := r.Base()
	for _, s := range c.Sources {
		if s.ID == "" {
			key := s.URL
			if key == "" {
				key = s.Title
			}
			s.ID = ds.generateID("source", key)
		}
	}
	switch r := r.(type) {
	case *Region:
		ds.addOrganization(&r.Organization, r)
		if r.CapitalPlace != nil {
			p := r.CapitalPlace
			if p.Type == "" {
				p.Type = "city"
			}
			if p.Country == "" {
				p.Country = r.Country
			}
			p.setOwner(r, inCapital, -1)
			r.Capital = ds.addInlinePlace(p)
			r.CapitalPlace = nil
		}
		for i, h := range r.HeritageSites {
			p := &Place{Common: Common{ID: h.ID, Name: h.Name, Origin: h.Origin}, Type: "heritage-site",
				Country: r.Country, ContainedIn: r.ID, Inscribed: h.Inscribed}
			p.setOwner(r, inHeritageSites, i)
			if h.ID == "" {
				h.ID = ds.addInlinePlace(p)
			} else {
				ds.put(p)
			}
		}
		return
	case *Organization:
		ds.addOrganization(r, r)
		return
	case *Person:
		ds.put(r)
		ds.addNested(r, r.Memberships, r.Participations)
		r.Memberships, r.Participations = nil, nil
		return
	case *Project:
		ds.put(r)
		for i, m := range r.Participants {
			m.Organization = r.ID
			m.setOwner(r, inParticipants, i)
			ds.addMembership(m)
		}
		ds.addNested(r, r.Memberships, r.Participations)
		r.Participants, r.Memberships, r.Participations = nil, nil, nil
		return
	case *Event:
		ds.addEvent(r)
		return
	case *Membership:
		ds.addMembership(r)
		return
	case *Participation:
		ds.addParticipation(r)
		return
	}
	ds.put(r)
}

func (ds *Dataset) addOrganization(o *Organization, r Record) {
	ds.put(r)
	ds.addNested(r, o.Memberships, o.Participations)
	o.Memberships, o.Participations = nil, nil
}

func (ds *Dataset) addNested(owner Record, ms []*Membership, ps []*Participation) {
	id := owner.Base().ID
	for i, m := range ms {
		m.Member = id
		m.setOwner(owner, inMemberships, i)
		ds.addMembership(m)
	}
	for i, p := range ps {
		p.Agent = id
		p.setOwner(owner, inParticipations, i)
		ds.addParticipation(p)
	}
}

// addMembership gives m the default role when it has none; a role with
// a label but no slug is kept for validate to report (Role.Check).
func (ds *Dataset) addMembership(m *Membership) {
	if m.Role == (Role{}) {
		m.Role = Role{Slug: "member", Label: "member"}
	}
	if m.ID == "" {
		m.ID = ds.generateID("membership", m.Member, m.Organization, m.Role.Slug, m.During.String())
		m.Generated = true
	}
	ds.put(m)
}

func (ds *Dataset) addParticipation(p *Participation) {
	if p.Role == (Role{}) {
		p.Role = Role{Slug: "attendee", Label: "attendee"}
	}
	if p.ID == "" {
		p.ID = ds.generateID("participation", p.Agent, p.Event, p.Role.Slug)
		p.Generated = true
	}
	ds.put(p)
}

func (ds *Dataset) addEvent(e *Event) {
	ds.put(e)
	if l := e.Location; l != nil {
		switch {
		case l.Place != "":
			e.Place = l.Place
		default:
			var country, city string
			inline := func(p *Place) string {
				p.setOwner(e, inLocation, -1)
				return ds.addInlinePlace(p)
			}
			if l.Country != "" {
				country = inline(&Place{Common: Common{Name: Plain(CountryName(l.Country)), Origin: l.Origin},
					Type: "country", Country: l.Country})
			}
			if l.City != "" {
				city = inline(&Place{Common: Common{Name: Plain(l.City), Origin: l.Origin},
					Type: "city", Country: l.Country, ContainedIn: country})
				e.Place = city
			}
			if l.Venue != "" {
				container := city
				if container == "" {
					container = country
				}
				e.Place = inline(&Place{Common: Common{Name: Plain(l.Venue), Origin: l.Origin},
					Type: "venue", Country: l.Country, ContainedIn: container})
			}
		}
	}
	for i, id := range e.Organizers {
		p := &Participation{Common: Common{Origin: e.Origin}, Agent: id, Event: e.ID,
			Role: Role{Slug: "organizer", Label: "organizer"}, Nested: true}
		p.setOwner(e, inOrganizers, i)
		ds.addParticipation(p)
	}
	for i, p := range e.Participants {
		p.Event = e.ID
		p.setOwner(e, inParticipants, i)
		ds.addParticipation(p)
	}
	e.Participants = nil
}

// addInlinePlace gives p its content-derived id and adds it unless a place
// with the same content was added before; it returns the id.
func (ds *Dataset) addInlinePlace(p *Place) string {
	p.ID = ds.generateID("place", p.Type, p.Name.Best(""), p.Country, p.ContainedIn)
	p.Generated = true
	if prev, ok := ds.Lookup(p.ID).(*Place); ok && prev.Generated {
		return p.ID
	}
	ds.put(p)
	return p.ID
}

func (ds *Dataset) put(r Record) {
	if id := r.Base().ID; id != "" {
		if _, dup := ds.index[id]; dup {
			ds.repeats = append(ds.repeats, int32(len(ds.Records)))
		} else {
			ds.index[id] = len(ds.Records)
		}
	}
	ds.Records = append(ds.Records, r)
}

// generateID returns the UUIDv5 of SPEC 2.6: namespace UUIDv5(URL, base),
// name the kind and its defining fields joined with U+001F. It computes
// what uuid.NewSHA1 does, with one buffer reused across the million ids
// of a large record set.
func (ds *Dataset) generateID(kind string, fields ...string) string {
	b := append(ds.name[:0], ds.ns[:]...)
	b = append(b, kind...)
	for _, f := range fields {
		b = append(b, 0x1f)
		b = append(b, f...)
	}
	ds.name = b
	sum := sha1.Sum(b)
	var u uuid.UUID
	copy(u[:], sum[:])
	u[6] = (u[6] & 0x0f) | 0x50 // version 5
	u[8] = (u[8] & 0x3f) | 0x80 // RFC 4122 variant
	return u.String()
}

// GenerateID returns the id the recipe of SPEC 2.6 and docs/identifiers.md
// gives a record of the given kind and defining fields in a dataset with
// the given base: the UUIDv5 whose namespace is UUIDv5(URL, base) and
// whose name is the kind and the fields joined with U+001F.
func GenerateID(base, kind string, fields ...string) string {
	ns := uuid.NewSHA1(uuid.NameSpaceURL, []byte(base))
	return uuid.NewSHA1(ns, []byte(kind+"\x1f"+strings.Join(fields, "\x1f"))).String()
}

// Memberships returns every membership, in the order added.
func (ds *Dataset) Memberships() []*Membership { return recordsOf[*Membership](ds) }

// Participations returns every participation, in the order added.
func (ds *Dataset) Participations() []*Participation { return recordsOf[*Participation](ds) }

func recordsOf[T Record](ds *Dataset) []T {
	var out []T
	for _, r := range ds.Records {
		if t, ok := r.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// String describes the dataset briefly, for debugging.
func (ds *Dataset) String() string {
	return "dataset(" + strconv.Itoa(len(ds.Records)) + " records)"
}
