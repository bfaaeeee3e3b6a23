package diff

import (
	"slices"
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// field compares one field of a record kind. The tables below list the
// fields of each kind in the order of the record format; a field added
// to the model takes one line here, made with one of the constructors
// (scalar, valueField, textField, intervalField, listField).
type field struct {
	name string
	// equal reports whether the field holds the same value in a and b;
	// it does not allocate, as it runs for every record of both sets.
	equal func(a, b model.Record) bool
	// changes says how the field changed; it runs only when !equal.
	changes func(a, b model.Record) []FieldChange
	// text is the whole value as text: records with the same texts in
	// every field have the same content.
	text func(r model.Record) string
}

var commonFields = []field{
	textField("name", func(r model.Record) model.Text { return r.Base().Name }),
	listField("alt_names", "alt name", func(r model.Record) []model.Text { return r.Base().AltNames },
		slices.Equal, textText, textText),
	textField("description", func(r model.Record) model.Text { return r.Base().Description }),
	identifiersField("identifiers", "identifier", func(r model.Record) []model.Identifier { return r.Base().Identifiers }),
	scalar("website", func(r model.Record) string { return r.Base().Website }),
	scalar("email", func(r model.Record) string { return r.Base().Email }),
	stringsField("topics", "topic", func(r model.Record) []string { return r.Base().Topics }),
	listField("sources", "source", func(r model.Record) []*model.Source { return r.Base().Sources },
		sourceEqual, func(s *model.Source) string { return s.ID }, sourceText),
}

var organizationFields = []field{
	scalar("type", func(r model.Record) string { return model.OrganizationOf(r).Type }),
	scalar("unit_of", func(r model.Record) string { return model.OrganizationOf(r).UnitOf }),
	scalar("sub_organization_of", func(r model.Record) string { return model.OrganizationOf(r).SubOrganizationOf }),
	scalar("country", func(r model.Record) string { return model.OrganizationOf(r).Country }),
	scalar("place", func(r model.Record) string { return model.OrganizationOf(r).Place }),
}

// regionFields leave out heritage_sites: each site is a place record,
// compared as one.
var regionFields = []field{
	quantityField("area_km2", func(r model.Record) model.Quantity { return r.(*model.Region).AreaKm2 }),
	quantityField("population", func(r model.Record) model.Quantity { return r.(*model.Region).Population }),
	scalar("capital", func(r model.Record) string { return r.(*model.Region).Capital }),
	identifiersField("territory_identifiers", "territory identifier",
		func(r model.Record) []model.Identifier { return r.(*model.Region).TerritoryIdentifiers }),
}

var personFields = []field{
	scalar("given_name", func(r model.Record) string { return r.(*model.Person).GivenName }),
	scalar("family_name", func(r model.Record) string { return r.(*model.Person).FamilyName }),
	stringsField("affiliations", "affiliation", func(r model.Record) []string { return r.(*model.Person).Affiliations }),
	listField("posts", "post", func(r model.Record) []*model.Post { return r.(*model.Person).Posts },
		func(a, b *model.Post) bool {
			return a.Organization == b.Organization && a.Role == b.Role && a.Head == b.Head && a.During == b.During
		},
		func(p *model.Post) string { return p.Organization + "\x1f" + p.Role.Slug },
		postText),
}

// postText says a post in words: "commander in turin-municipal-police
// (head) 2010/..".
func postText(p *model.Post) string {
	s := roleText(p.Role) + " in " + p.Organization
	if p.Head {
		s += " (head)"
	}
	if !p.During.IsZero() {
		s += " " + p.During.String()
	}
	return s
}

var projectFields = []field{
	scalar("type", func(r model.Record) string { return r.(*model.Project).Type }),
	scalar("acronym", func(r model.Record) string { return r.(*model.Project).Acronym }),
	intervalField("during", func(r model.Record) model.Interval { return r.(*model.Project).During }),
	listField("funding", "funding", func(r model.Record) []*model.Funding { return r.(*model.Project).Funding },
		fundingEqual, fundingKey, fundingText),
	listField("quantities", "quantity", func(r model.Record) []*model.NamedQuantity { return r.(*model.Project).Quantities },
		func(a, b *model.NamedQuantity) bool { return a.Name == b.Name && a.Quantity == b.Quantity },
		func(q *model.NamedQuantity) string { return q.Name },
		func(q *model.NamedQuantity) string { return q.Name + ": " + quantityText(q.Quantity) }),
	scalar("operated_by", func(r model.Record) string { return r.(*model.Project).OperatedBy }),
}

var eventFields = []field{
	scalar("type", func(r model.Record) string { return r.(*model.Event).Type }),
	intervalField("date", func(r model.Record) model.Interval { return r.(*model.Event).Date }),
	valueField("location", func(r model.Record) *model.Location { return r.(*model.Event).Location },
		locationEqual, locationText),
	scalar("series", func(r model.Record) string { return r.(*model.Event).Series }),
	scalar("part_of", func(r model.Record) string { return r.(*model.Event).PartOf }),
	valueField("edition", func(r model.Record) int { return r.(*model.Event).Edition }, eq, numberText),
	scalar("project", func(r model.Record) string { return r.(*model.Event).Project }),
	stringsField("organizers", "organizer", func(r model.Record) []string { return r.(*model.Event).Organizers }),
	quantityField("participant_count", func(r model.Record) model.Quantity { return r.(*model.Event).ParticipantCount }),
	stringsField("participant_groups", "participant group", func(r model.Record) []string { return r.(*model.Event).ParticipantGroups }),
}

var legislationFields = []field{
	valueField("date", func(r model.Record) model.Date { return r.(*model.Legislation).Date }, eq,
		func(d model.Date) string { return d.String() }),
	scalar("passed_by", func(r model.Record) string { return r.(*model.Legislation).PassedBy }),
	scalar("legislation_identifier", func(r model.Record) string { return r.(*model.Legislation).Identifier }),
	scalar("project", func(r model.Record) string { return r.(*model.Legislation).Project }),
}

var placeFields = []field{
	scalar("type", func(r model.Record) string { return r.(*model.Place).Type }),
	scalar("country", func(r model.Record) string { return r.(*model.Place).Country }),
	scalar("contained_in", func(r model.Record) string { return r.(*model.Place).ContainedIn }),
	scalar("address", func(r model.Record) string { return r.(*model.Place).Address }),
	valueField("inscribed", func(r model.Record) int { return r.(*model.Place).Inscribed }, eq, numberText),
}

var membershipFields = []field{
	scalar("member", func(r model.Record) string { return r.(*model.Membership).Member }),
	scalar("organization", func(r model.Record) string { return r.(*model.Membership).Organization }),
	valueField("role", func(r model.Record) model.Role { return r.(*model.Membership).Role }, eq, roleText),
	intervalField("during", func(r model.Record) model.Interval { return r.(*model.Membership).During }),
}

var participationFields = []field{
	scalar("agent", func(r model.Record) string { return r.(*model.Participation).Agent }),
	scalar("event", func(r model.Record) string { return r.(*model.Participation).Event }),
	valueField("role", func(r model.Record) model.Role { return r.(*model.Participation).Role }, eq, roleText),
}

// fieldsByKind holds each kind's fields, common ones first.
var fieldsByKind = func() map[model.Kind][]field {
	join := func(lists ...[]field) []field { return slices.Concat(append([][]field{commonFields}, lists...)...) }
	return map[model.Kind][]field{
		model.KindRegion:        join(organizationFields, regionFields),
		model.KindOrganization:  join(organizationFields),
		model.KindPerson:        join(personFields),
		model.KindProject:       join(projectFields),
		model.KindEvent:         join(eventFields),
		model.KindPlace:         join(placeFields),
		model.KindMembership:    join(membershipFields),
		model.KindParticipation: join(participationFields),
		model.KindLegislation:   join(legislationFields),
	}
}()

func fieldsOf(k model.Kind) []field {
	if fs, ok := fieldsByKind[k]; ok {
		return fs
	}
	return commonFields
}

func appendFieldChanges(dst []FieldChange, fields []field, a, b model.Record) []FieldChange {
	for _, f := range fields {
		if !f.equal(a, b) {
			dst = append(dst, f.changes(a, b)...)
		}
	}
	return dst
}

// fingerprint is the content of a record but its id and positions.
func fingerprint(r model.Record) string {
	var b strings.Builder
	b.WriteString(r.Kind().String())
	for _, f := range fieldsOf(r.Kind()) {
		b.WriteString("\x1e")
		b.WriteString(f.text(r))
	}
	return b.String()
}

// scalar is a field holding one string: an id, a slug, a URL.
func scalar(name string, get func(model.Record) string) field {
	return valueField(name, get, eq, func(s string) string { return s })
}

// valueField is a field holding one value of type T, compared with equal
// and shown with text ("" for absent).
func valueField[T any](name string, get func(model.Record) T, equal func(a, b T) bool, text func(T) string) field {
	return field{
		name:  name,
		equal: func(a, b model.Record) bool { return equal(get(a), get(b)) },
		changes: func(a, b model.Record) []FieldChange {
			return []FieldChange{valueChange(name, text(get(a)), text(get(b)))}
		},
		text: func(r model.Record) string { return text(get(r)) },
	}
}

func eq[T comparable](a, b T) bool { return a == b }

func valueChange(name, old, new string) FieldChange {
	fc := FieldChange{Field: name, Old: old, New: new}
	switch {
	case old == "":
		fc.Text = name + " set to " + new
	case new == "":
		fc.Text = name + " removed (was " + old + ")"
	default:
		fc.Text = name + " changed from " + old + " to " + new
	}
	return fc
}

// textField is a field of text in one or more languages: a change is
// said per language ("name in en changed from …").
func textField(name string, get func(model.Record) model.Text) field {
	return field{
		name:  name,
		equal: func(a, b model.Record) bool { return slices.Equal(get(a), get(b)) },
		changes: func(a, b model.Record) []FieldChange {
			old, new := get(a), get(b)
			var out []FieldChange
			seen := map[string]bool{}
			add := func(lang string) {
				if seen[lang] {
					return
				}
				seen[lang] = true
				o, _ := old.In(lang)
				n, _ := new.In(lang)
				if o == n {
					return
				}
				what := name
				if lang != "" {
					what += " in " + lang
				}
				fc := valueChange(what, quote(o), quote(n))
				fc.Field, fc.Lang, fc.Old, fc.New = name, lang, o, n
				out = append(out, fc)
			}
			for _, ls := range old {
				add(ls.Lang)
			}
			for _, ls := range new {
				add(ls.Lang)
			}
			return out
		},
		text: func(r model.Record) string { return textText(get(r)) },
	}
}

// intervalField is a period or date: a change is said of the end that
// changed ("end set to 2019"), or of the whole when it was or is a single
// date or absent.
func intervalField(name string, get func(model.Record) model.Interval) field {
	return field{
		name:  name,
		equal: func(a, b model.Record) bool { return get(a) == get(b) },
		changes: func(a, b model.Record) []FieldChange {
			old, new := get(a), get(b)
			if old.IsZero() || new.IsZero() || old.Single || new.Single {
				return []FieldChange{valueChange(name, old.String(), new.String())}
			}
			var out []FieldChange
			if old.Start != new.Start || old.StartBound != new.StartBound {
				out = append(out, endChange(name, "start", old, new, endText(old.Start, old.StartBound, "open"), endText(new.Start, new.StartBound, "open"),
					new.StartBound == model.BoundDate, old.StartBound == model.BoundDate))
			}
			if old.End != new.End || old.EndBound != new.EndBound {
				out = append(out, endChange(name, "end", old, new, endText(old.End, old.EndBound, "ongoing"), endText(new.End, new.EndBound, "ongoing"),
					new.EndBound == model.BoundDate, old.EndBound == model.BoundDate))
			}
			return out
		},
		text: func(r model.Record) string { return get(r).String() },
	}
}

// endChange words the change of one end of a period: an end that gains a
// date is set, one that loses it is removed, otherwise it changed.
func endChange(name, end string, old, new model.Interval, o, n string, newDate, oldDate bool) FieldChange {
	fc := FieldChange{Field: name, Old: old.String(), New: new.String()}
	switch {
	case newDate && !oldDate:
		fc.Text = end + " set to " + n
	case oldDate && !newDate:
		fc.Text = end + " removed, now " + n + " (was " + o + ")"
	default:
		fc.Text = end + " changed from " + o + " to " + n
	}
	return fc
}

// endText shows one end of a period: its date, open (said as open for
// a start, ongoing for an end) or unknown.
func endText(d model.Date, b model.Bound, open string) string {
	switch b {
	case model.BoundDate:
		return d.String()
	case model.BoundOpen:
		return open
	}
	return "unknown"
}

// listField is a list of values of type T: a change is said per item,
// items being matched by key ("identifier wikidata changed from …",
// "organizer anci removed"). The order of items is not data.
func listField[T any](name, item string, get func(model.Record) []T, equal func(a, b T) bool, key, text func(T) string) field {
	return field{
		name:  name,
		equal: func(a, b model.Record) bool { return slices.EqualFunc(get(a), get(b), equal) },
		changes: func(a, b model.Record) []FieldChange {
			olds, news := map[string]string{}, map[string]string{}
			for _, v := range get(a) {
				olds[key(v)] = text(v)
			}
			for _, v := range get(b) {
				news[key(v)] = text(v)
			}
			var out []FieldChange
			for _, v := range get(a) {
				k := key(v)
				if _, ok := news[k]; !ok && olds[k] != "" {
					out = append(out, FieldChange{Field: name, Old: olds[k], Text: item + " " + olds[k] + " removed"})
					olds[k] = "" // once, however often the list repeats it
				}
			}
			for _, v := range get(b) {
				k := key(v)
				o, had := olds[k]
				n := news[k]
				switch {
				case n == "":
				case !had:
					out = append(out, FieldChange{Field: name, New: n, Text: item + " " + n + " added"})
				case o != n:
					out = append(out, FieldChange{Field: name, Old: o, New: n,
						Text: item + " " + k + " changed from " + trimKey(o, k) + " to " + trimKey(n, k)})
				}
				news[k] = ""
			}
			return out
		},
		text: func(r model.Record) string {
			var b strings.Builder
			for _, v := range get(r) {
				b.WriteString(text(v))
				b.WriteString("\x1f")
			}
			return b.String()
		},
	}
}

// trimKey drops the key from the text of an item, as the sentence names
// it already: "identifier wikidata changed from Q1 to Q2".
func trimKey(text, key string) string {
	for _, sep := range []string{" ", ": "} {
		if t, ok := strings.CutPrefix(text, key+sep); ok {
			return t
		}
	}
	return text
}

func stringsField(name, item string, get func(model.Record) []string) field {
	id := func(s string) string { return s }
	return listField(name, item, get, eq, id, id)
}

func identifiersField(name, item string, get func(model.Record) []model.Identifier) field {
	return listField(name, item, get, eq,
		func(i model.Identifier) string { return i.Scheme },
		func(i model.Identifier) string { return i.Scheme + " " + i.Value })
}

func quantityField(name string, get func(model.Record) model.Quantity) field {
	return valueField(name, get, eq, quantityText)
}

func quote(s string) string {
	if s == "" {
		return ""
	}
	return "\u201c" + s + "\u201d"
}

// textText shows a text: “Efus”, or “Regione Toscana” (it), “Tuscany
// Region” (en).
func textText(t model.Text) string {
	var parts []string
	for _, ls := range t {
		s := quote(ls.Value)
		if ls.Lang != "" {
			s += " (" + ls.Lang + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func numberText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// quantityText shows a quantity: "3600000 (approximate)", "60 (more-than)",
// "100000000 EUR as of 2010".
func quantityText(q model.Quantity) string {
	if q.IsZero() {
		return ""
	}
	s := q.Value
	if q.Unit != "" {
		s += " " + q.Unit
	}
	if q.Qualifier != model.QualifierExact {
		s += " (" + q.Qualifier.String() + ")"
	}
	if !q.AsOf.IsZero() {
		s += " as of " + q.AsOf.String()
	}
	return s
}

func roleText(r model.Role) string {
	if r.Label == strings.ReplaceAll(r.Slug, "-", " ") {
		return r.Slug
	}
	return r.Slug + " (" + quote(r.Label) + ")"
}

func sourceEqual(a, b *model.Source) bool {
	return a.ID == b.ID && a.Title == b.Title && a.URL == b.URL && a.Publisher == b.Publisher &&
		a.License == b.License && a.Published == b.Published && a.Retrieved == b.Retrieved
}

// sourceText shows a source: “title” <url>, publisher efus, license …
func sourceText(s *model.Source) string {
	var parts []string
	if s.Title != "" {
		parts = append(parts, quote(s.Title))
	}
	if s.URL != "" {
		parts = append(parts, "<"+s.URL+">")
	}
	for _, kv := range [][2]string{{"publisher", s.Publisher}, {"license", s.License},
		{"published", s.Published.String()}, {"retrieved", s.Retrieved.String()}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+" "+kv[1])
		}
	}
	return strings.Join(parts, ", ")
}

func fundingEqual(a, b *model.Funding) bool {
	return a.Funder == b.Funder && a.Programme == b.Programme && a.Year == b.Year &&
		a.Share == b.Share && a.Amount == b.Amount
}

func fundingKey(f *model.Funding) string {
	return f.Funder + " " + f.Programme + " " + numberText(f.Year)
}

func fundingText(f *model.Funding) string {
	s := "from " + f.Funder
	if f.Programme != "" {
		s += " (" + f.Programme + ")"
	}
	if f.Year != 0 {
		s += " in " + strconv.Itoa(f.Year)
	}
	if f.Share != "" {
		s += ", " + f.Share
	}
	if !f.Amount.IsZero() {
		s += ", " + quantityText(f.Amount)
	}
	return s
}

func locationEqual(a, b *model.Location) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Venue == b.Venue && a.Place == b.Place && a.City == b.City && a.Country == b.Country
}

// locationText shows a location as written: "venue European Parliament,
// city Brussels, country BE".
func locationText(l *model.Location) string {
	if l == nil {
		return ""
	}
	var parts []string
	for _, kv := range [][2]string{{"venue", l.Venue}, {"place", l.Place}, {"city", l.City}, {"country", l.Country}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+" "+kv[1])
		}
	}
	return strings.Join(parts, ", ")
}

// infoFields are the fields of the dataset description.
var infoFields = []struct {
	name string
	get  func(*model.DatasetInfo) string
}{
	{"base", func(i *model.DatasetInfo) string { return i.Base }},
	{"dump_url", func(i *model.DatasetInfo) string { return i.DumpURL }},
	{"title", func(i *model.DatasetInfo) string { return i.Title }},
	{"description", func(i *model.DatasetInfo) string { return i.Description }},
	{"publisher", func(i *model.DatasetInfo) string { return i.Publisher }},
	{"license", func(i *model.DatasetInfo) string { return i.License }},
	{"language", func(i *model.DatasetInfo) string { return i.Language }},
	{"contact", func(i *model.DatasetInfo) string { return i.Contact }},
	{"keywords", func(i *model.DatasetInfo) string { return strings.Join(i.Keywords, ", ") }},
	{"issued", func(i *model.DatasetInfo) string { return i.Issued.String() }},
	{"modified", func(i *model.DatasetInfo) string { return i.Modified.String() }},
}

func infoChanges(old, new *model.DatasetInfo) []FieldChange {
	var out []FieldChange
	for _, f := range infoFields {
		o, n := f.get(old), f.get(new)
		if o == n {
			continue
		}
		fc := valueChange(f.name, o, n)
		if f.name == "base" {
			fc.Text += "; every IRI changes"
		}
		out = append(out, fc)
	}
	return out
}
