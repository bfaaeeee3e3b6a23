package diff

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/civicnet/civicnet/model"
)

// Options control a comparison.
type Options struct {
	// Today is the day for which the facts that depend on the date are
	// derived: which memberships are active. The library never reads the
	// clock, so the same records always give the same report; the
	// command passes the current date. The zero time leaves those facts
	// out.
	Today time.Time
}

// ChangeType says what happened to a record.
type ChangeType uint8

// The change types. The zero ChangeType is invalid on purpose.
const (
	Added ChangeType = iota + 1
	Removed
	Changed
	Renamed
)

var changeTypeNames = [...]string{"", "added", "removed", "changed", "renamed"}

// String returns "added", "removed", "changed" or "renamed".
func (t ChangeType) String() string {
	if int(t) < len(changeTypeNames) {
		return changeTypeNames[t]
	}
	return ""
}

// Report is the difference between two record sets.
type Report struct {
	// Today is Options.Today, truncated to the day; zero when no derived
	// facts were computed.
	Today time.Time
	// OldRecords and NewRecords count the records compared.
	OldRecords, NewRecords int
	// Dataset lists the changes to the dataset description
	// (civicnet.yaml).
	Dataset []FieldChange
	// Changes lists the changed records by kind (in the order of
	// model.Kinds), then by type, label and id.
	Changes []Change
	// Active lists the memberships that became active or stopped being
	// active on Today, by label.
	Active []ActiveChange
}

// Change is one record added, removed, changed or renamed.
type Change struct {
	Type ChangeType
	Kind model.Kind
	// ID is the record's id in the new record set (in the old one for a
	// removed record).
	ID string
	// OldID is the id in the old record set when it differs from ID: a
	// renamed record, or a membership or participation whose id is
	// derived from the fields that changed.
	OldID string
	// Label names the record for people: "organization fisu",
	// "membership of Regione Toscana in European Forum for Urban
	// Security".
	Label string
	// Generated is true when the id is derived from the content (SPEC
	// 2.6) rather than written.
	Generated bool
	// Fields lists the fields that changed, in the order of the record
	// format; for an added or removed record, nothing.
	Fields []FieldChange
	// IRI is the record's IRI in the new record set (the old one for a
	// removed record), and OldIRI its IRI in the old one when it differs;
	// "" when the record set has no base.
	IRI, OldIRI string
}

// IRIChanged reports whether the record's IRI differs between the two
// record sets: it is derived from the base and the id.
func (c *Change) IRIChanged() bool { return c.OldID != "" && c.OldID != c.ID || c.OldIRI != "" }

// FieldChange is one changed field of a record.
type FieldChange struct {
	// Field is the field as written in record files: "name", "during",
	// "organizers".
	Field string
	// Lang is the language of a changed text, "" for a plain string or
	// a field that is not text.
	Lang string
	// Old and New are the values as text; "" when absent. For a list, a
	// change is one item added, removed or changed.
	Old, New string
	// Text says what changed in words: "end set to 2019", "organizer
	// anci removed".
	Text string
}

// ActiveChange is a membership that is active on Report.Today in one
// record set and not in the other. A membership is active on a day when
// its period started on or before that day (or its start is open) and
// it ends on or after it or is ongoing ("2001/.."); a membership without
// a period, or with an unknown end ("2001/"), is not known to be active.
type ActiveChange struct {
	// Active is true when the membership is active in the new record set
	// only, false when it was active in the old one only.
	Active       bool
	Member       string // record id
	Organization string // record id
	Role         string // role slug
	// Label names the membership: "Regione Toscana in European Forum for
	// Urban Security (member)".
	Label string
}

// Empty reports whether the two record sets hold the same data.
func (r *Report) Empty() bool {
	return len(r.Dataset) == 0 && len(r.Changes) == 0 && len(r.Active) == 0
}

// KindCounts counts the changes to the records of one kind.
type KindCounts struct {
	Kind                             model.Kind
	Added, Removed, Changed, Renamed int
}

// Total returns the number of changes counted.
func (k KindCounts) Total() int { return k.Added + k.Removed + k.Changed + k.Renamed }

// Counts returns the number of changes of each kind that has any, in the
// order of model.Kinds.
func (r *Report) Counts() []KindCounts {
	var out []KindCounts
	for _, c := range r.Changes {
		if len(out) == 0 || out[len(out)-1].Kind != c.Kind {
			out = append(out, KindCounts{Kind: c.Kind})
		}
		k := &out[len(out)-1]
		switch c.Type {
		case Added:
			k.Added++
		case Removed:
			k.Removed++
		case Changed:
			k.Changed++
		case Renamed:
			k.Renamed++
		}
	}
	return out
}

// Total returns the counts of all kinds together; its Kind is
// model.KindInvalid.
func (r *Report) Total() KindCounts {
	var t KindCounts
	for _, k := range r.Counts() {
		t.Added += k.Added
		t.Removed += k.Removed
		t.Changed += k.Changed
		t.Renamed += k.Renamed
	}
	return t
}

// Compare returns what changed from old to new.
//
// Records are matched by id, in maps, so the work grows with the number
// of records, not its square. A membership or participation whose id is
// derived from its content gets a new id when that content changes; it
// is matched by what it links (member and organisation, agent and event)
// instead, so that setting a membership's end reads as a change, not as
// one membership removed and another added. A record left unmatched
// whose content equals that of an unmatched record on the other side is
// a rename: the same record under a new id, whose IRI breaks.
//
// The participations that an event's organizers list implies are
// reported with the event ("organizer anci removed"), not on their own.
func Compare(old, new *model.Dataset, opts Options) *Report {
	r := &Report{OldRecords: old.Len(), NewRecords: new.Len()}
	c := &comparison{old: old, new: new, report: r}
	r.Dataset = infoChanges(&old.Info, &new.Info)
	c.matchByID()
	c.matchRenames()
	c.matchByLinks()
	c.unmatched()
	for i := range r.Changes {
		ch := &r.Changes[i]
		switch ch.Type {
		case Removed:
			ch.IRI = recordIRI(old.Info.Base, ch.ID)
		case Added:
			ch.IRI = recordIRI(new.Info.Base, ch.ID)
		default:
			ch.IRI = recordIRI(new.Info.Base, ch.ID)
			if ch.OldID != "" || old.Info.Base != new.Info.Base {
				ch.OldIRI = recordIRI(old.Info.Base, cmp.Or(ch.OldID, ch.ID))
			}
			if ch.OldIRI == ch.IRI {
				ch.OldIRI = ""
			}
		}
	}
	slices.SortFunc(r.Changes, func(a, b Change) int {
		return cmp.Or(kindOrder(a.Kind)-kindOrder(b.Kind), cmp.Compare(a.Type, b.Type),
			strings.Compare(a.Label, b.Label), strings.Compare(a.ID, b.ID))
	})
	if !opts.Today.IsZero() {
		y, m, d := opts.Today.Date()
		r.Today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		r.Active = activeChanges(old, new, r.Today)
	}
	return r
}

// comparison holds the state of one Compare: the records of each side
// not matched yet.
type comparison struct {
	old, new   *model.Dataset
	report     *Report
	oldLeft    []model.Record
	newLeft    []model.Record
	renamedIDs map[string]string // old id → new id
}

// first reports whether record i is the record its dataset's index
// holds for its id: a record set may repeat an id (an invalid one, or an
// organiser listed twice), and each id is compared once.
func first(ds *model.Dataset, i int) bool {
	j, _ := ds.IndexOf(ds.Records[i].Base().ID)
	return i == j
}

// folded reports whether r is a participation that its event's organizers
// list implies, reported with the event.
func folded(ds *model.Dataset, r model.Record) bool {
	p, ok := r.(*model.Participation)
	if !ok || !p.Nested || p.Role.Slug != "organizer" {
		return false
	}
	e, ok := ds.Lookup(p.Event).(*model.Event)
	return ok && slices.Contains(e.Organizers, p.Agent)
}

func (c *comparison) matchByID() {
	matched := make([]bool, c.new.Len()) // by position in new.Records
	for i, o := range c.old.Records {
		if !first(c.old, i) || folded(c.old, o) {
			continue
		}
		j, ok := c.new.IndexOf(o.Base().ID)
		if !ok || folded(c.new, c.new.Records[j]) {
			c.oldLeft = append(c.oldLeft, o)
			continue
		}
		matched[j] = true
		c.changed(o, c.new.Records[j])
	}
	for j, n := range c.new.Records {
		if !matched[j] && first(c.new, j) && !folded(c.new, n) {
			c.newLeft = append(c.newLeft, n)
		}
	}
}

// changed adds a Changed entry when o and n differ.
func (c *comparison) changed(o, n model.Record) {
	var fields []FieldChange
	if o.Kind() != n.Kind() {
		fields = append(fields, FieldChange{Field: "kind", Old: o.Kind().String(), New: n.Kind().String(),
			Text: "kind changed from " + o.Kind().String() + " to " + n.Kind().String()})
		fields = appendFieldChanges(fields, commonFields, o, n)
	} else {
		fields = appendFieldChanges(fields, fieldsOf(n.Kind()), o, n)
	}
	oid, nid := o.Base().ID, n.Base().ID
	if oid != nid && !(o.Base().Generated && n.Base().Generated) {
		// A written id replaced a generated one or the reverse; between
		// two generated ids, the new id follows from the fields listed.
		fields = append(fields, FieldChange{Field: "id", Old: oid, New: nid,
			Text: "id changed from " + oid + " to " + nid})
	}
	if len(fields) == 0 {
		return
	}
	ch := Change{Type: Changed, Kind: n.Kind(), ID: n.Base().ID, Label: label(c.new, n),
		Generated: n.Base().Generated, Fields: fields}
	if o.Base().ID != n.Base().ID {
		ch.OldID = o.Base().ID
	}
	c.report.Changes = append(c.report.Changes, ch)
}

// matchRenames pairs unmatched records with written ids whose content is
// the same. A content shared by several records on one side is no
// evidence of which became which, and is left unmatched.
func (c *comparison) matchRenames() {
	byContent := map[string]int{} // fingerprint → index in newLeft, -1 when repeated
	for i, n := range c.newLeft {
		if n.Base().Generated {
			continue
		}
		fp := fingerprint(n)
		if _, seen := byContent[fp]; seen {
			byContent[fp] = -1
		} else {
			byContent[fp] = i
		}
	}
	oldCount := map[string]int{}
	for _, o := range c.oldLeft {
		if !o.Base().Generated {
			oldCount[fingerprint(o)]++
		}
	}
	c.renamedIDs = map[string]string{}
	matched := map[int]bool{}
	keep := c.oldLeft[:0]
	for _, o := range c.oldLeft {
		if !o.Base().Generated {
			fp := fingerprint(o)
			if i, ok := byContent[fp]; ok && i >= 0 && oldCount[fp] == 1 {
				n := c.newLeft[i]
				matched[i] = true
				c.renamedIDs[o.Base().ID] = n.Base().ID
				c.report.Changes = append(c.report.Changes, Change{Type: Renamed, Kind: n.Kind(),
					ID: n.Base().ID, OldID: o.Base().ID, Label: label(c.new, n)})
				continue
			}
		}
		keep = append(keep, o)
	}
	c.oldLeft = keep
	c.newLeft = dropMatched(c.newLeft, matched)
}

// matchByLinks pairs unmatched memberships and participations, one of
// them with a generated id, that link the same records: first with the
// same role, then, among those left, a single pair whatever the role.
// References to renamed records are read with their new ids. Inline
// places pair the same way by type, name and country, then by type and
// name.
func (c *comparison) matchByLinks() {
	for _, withRole := range []bool{true, false} {
		byKey := map[string][]int{}
		for i, n := range c.newLeft {
			if k, ok := linkKey(n, withRole, nil); ok {
				byKey[k] = append(byKey[k], i)
			}
		}
		oldCount := map[string]int{}
		for _, o := range c.oldLeft {
			if k, ok := linkKey(o, withRole, c.renamedIDs); ok {
				oldCount[k]++
			}
		}
		matched := map[int]bool{}
		keep := c.oldLeft[:0]
		for _, o := range c.oldLeft {
			k, ok := linkKey(o, withRole, c.renamedIDs)
			cands := byKey[k]
			// With the role, links and role are the record's identity,
			// and repeated ones pair in order; without it, only a pair
			// unique on both sides says which became which.
			if !ok || len(cands) == 0 || !withRole && (len(cands) != 1 || oldCount[k] != 1) {
				keep = append(keep, o)
				continue
			}
			j := slices.IndexFunc(cands, func(i int) bool {
				return o.Base().Generated || c.newLeft[i].Base().Generated
			})
			if j < 0 {
				keep = append(keep, o) // two written ids: a new record, not a change
				continue
			}
			i := cands[j]
			byKey[k] = slices.Delete(cands, j, j+1)
			matched[i] = true
			c.changed(o, c.newLeft[i])
		}
		c.oldLeft = keep
		c.newLeft = dropMatched(c.newLeft, matched)
	}
}

// linkKey returns the records a membership or participation links, and
// its role when withRole; ok is false for other kinds.
func linkKey(r model.Record, withRole bool, renamed map[string]string) (key string, ok bool) {
	id := func(s string) string {
		if n, ok := renamed[s]; ok {
			return n
		}
		return s
	}
	var parts []string
	switch r := r.(type) {
	case *model.Membership:
		parts = []string{"m", id(r.Member), id(r.Organization), r.Role.Slug}
	case *model.Participation:
		parts = []string{"p", id(r.Agent), id(r.Event), r.Role.Slug}
	case *model.Place:
		// An inline place's id derives from its type, name, country and
		// container; the type and name say which place it is.
		if !r.Generated || r.Name.IsZero() {
			return "", false
		}
		parts = []string{"l", r.Type, firstName(r.Name), r.Country}
	default:
		return "", false
	}
	if !withRole {
		parts = parts[:3]
	}
	return strings.Join(parts, "\x1f"), true
}

func dropMatched(rs []model.Record, matched map[int]bool) []model.Record {
	if len(matched) == 0 {
		return rs
	}
	var out []model.Record
	for i, r := range rs {
		if !matched[i] {
			out = append(out, r)
		}
	}
	return out
}

func (c *comparison) unmatched() {
	for _, o := range c.oldLeft {
		c.report.Changes = append(c.report.Changes, Change{Type: Removed, Kind: o.Kind(), ID: o.Base().ID,
			Label: label(c.old, o), Generated: o.Base().Generated})
	}
	for _, n := range c.newLeft {
		c.report.Changes = append(c.report.Changes, Change{Type: Added, Kind: n.Kind(), ID: n.Base().ID,
			Label: label(c.new, n), Generated: n.Base().Generated})
	}
}

func kindOrder(k model.Kind) int {
	if i := slices.Index(model.Kinds, k); i >= 0 {
		return i
	}
	return len(model.Kinds)
}

// label names a record for people: its kind and id, or for a record
// whose id is generated, what it links or its name.
func label(ds *model.Dataset, r model.Record) string {
	switch r := r.(type) {
	case *model.Membership:
		s := "membership of " + nameOf(ds, r.Member) + " in " + nameOf(ds, r.Organization)
		if r.Role.Slug != "member" {
			s += " as " + r.Role.Label
		}
		return s
	case *model.Participation:
		return "participation of " + nameOf(ds, r.Agent) + " in " + nameOf(ds, r.Event) + " as " + r.Role.Label
	}
	c := r.Base()
	if c.Generated && !c.Name.IsZero() {
		return r.Kind().String() + " " + firstName(c.Name)
	}
	return r.Kind().String() + " " + c.ID
}

// nameOf returns the name of the record with the given id, or the id
// when there is no such record or it has no name.
func nameOf(ds *model.Dataset, id string) string {
	if r := ds.Lookup(id); r != nil && !r.Base().Name.IsZero() {
		return firstName(r.Base().Name)
	}
	return id
}

// firstName returns the name as the record gives it first: a record
// names itself in its own language before translating.
func firstName(t model.Text) string { return t[0].Value }

// activeChanges compares the memberships active on today. Labels are
// made only for the memberships that differ.
func activeChanges(old, new *model.Dataset, today time.Time) []ActiveChange {
	was, is := activeOn(old, today), activeOn(new, today)
	var out []ActiveChange
	for _, side := range []struct {
		ds          *model.Dataset
		these, more map[activeKey]string // → role label
		active      bool
	}{{new, is, was, true}, {old, was, is, false}} {
		for k, role := range side.these {
			if _, ok := side.more[k]; ok {
				continue
			}
			out = append(out, ActiveChange{Active: side.active, Member: k.member, Organization: k.organization, Role: k.role,
				Label: nameOf(side.ds, k.member) + " in " + nameOf(side.ds, k.organization) + " (" + role + ")"})
		}
	}
	slices.SortFunc(out, func(a, b ActiveChange) int {
		return cmp.Or(strings.Compare(a.Label, b.Label), strings.Compare(a.Member, b.Member),
			strings.Compare(a.Organization, b.Organization), strings.Compare(a.Role, b.Role))
	})
	return out
}

type activeKey struct{ member, organization, role string }

// activeOn returns the memberships of ds active on day.
func activeOn(ds *model.Dataset, day time.Time) map[activeKey]string {
	out := map[activeKey]string{}
	for _, r := range ds.Records {
		if m, ok := r.(*model.Membership); ok && active(m.During, day) {
			out[activeKey{m.Member, m.Organization, m.Role.Slug}] = m.Role.Label
		}
	}
	return out
}

// active reports whether a membership during iv is known to be active on
// day (see ActiveChange).
func active(iv model.Interval, day time.Time) bool {
	switch iv.StartBound {
	case model.BoundDate:
		if iv.Start.First().After(day) {
			return false
		}
	case model.BoundOpen:
	default:
		return false
	}
	switch iv.EndBound {
	case model.BoundDate:
		return !iv.End.Last().Before(day)
	case model.BoundOpen:
		return true
	}
	return false
}
