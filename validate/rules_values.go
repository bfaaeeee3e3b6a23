package validate

import (
	"errors"
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// projectTypes are the project types of SPEC 2.5.
var projectTypes = []string{"project", "programme", "initiative", "infrastructure"}

// checkFieldValues reports the values of a record that model's checks
// refuse (model.CheckRecord): dates and intervals (bad-date,
// reversed-interval, unsupported-date), quantities (bad-quantity, and
// missing-field for one without a value), roles and funding shares
// (bad-value), sources without title or url and heritage sites without
// a name (missing-field). The decoder reads syntax only, so these run
// here for records read from files and built in code alike; a value the
// decoder could not read at all was reported by it, at the same
// position, and is not reported again.
func checkFieldValues(p *pass, r model.Record) {
	for _, fe := range model.CheckRecord(r) {
		p.reportFieldError(fe)
	}
}

func (p *pass) reportFieldError(fe model.FieldError) {
	if fe.Pos.IsValid() && p.problemAt[fe.Pos] {
		return
	}
	summary, detail := fe.Error(), ""
	var de *model.DateError
	var ve *model.ValueError
	switch {
	case errors.As(fe.Err, &de):
		summary, detail = lastKey(fe.Field)+": "+de.Msg, de.Hint()
	case errors.As(fe.Err, &ve):
		summary, detail = ve.Text(), ve.Hint
	}
	p.report(Error, fe.Code, at{fe.Pos, fe.Field}, summary, detail)
}

// lastKey is the key path below the last list item: "published" of
// "sources[0].published", "population.as_of" of itself.
func lastKey(field string) string {
	if i := strings.LastIndex(field, "]."); i >= 0 {
		return field[i+2:]
	}
	return field
}

// checkValues reports values outside what a field allows (bad-value): a
// project type other than project, programme, initiative or
// infrastructure; an organisation, event or place type that is not a slug
// (types become concept IRIs); an edition below 1; a heritage site's
// inscription year before the World Heritage List began (1978).
func checkValues(p *pass, r model.Record) {
	switch r := r.(type) {
	case *model.Region:
		p.checkSlugType(&r.Common, r.Type)
	case *model.Organization:
		p.checkSlugType(&r.Common, r.Type)
	case *model.Event:
		p.checkSlugType(&r.Common, r.Type)
		// In code, 0 is no edition; in a file, "edition: 0" is one.
		if (r.Edition < 0 || r.Edition == 0 && r.Has("edition")) && !p.problemAt[r.ValuePos("edition")] {
			p.errorf("bad-value", own(&r.Origin).value("edition"), "editions count from 1",
				"edition %d is not a positive number", r.Edition)
		}
	case *model.Place:
		if !r.Generated {
			p.checkSlugType(&r.Common, r.Type)
		}
		if r.Inscribed != 0 && (r.Inscribed < 1978 || r.Inscribed > 9999) {
			p.errorf("bad-value", own(&r.Origin).value("inscribed"),
				"write the year the site was inscribed on the UNESCO World Heritage List (1978 or later)",
				"inscribed %d is not a year of inscription", r.Inscribed)
		}
	case *model.Project:
		if r.Type != "" && !contains(projectTypes, r.Type) {
			detail := "project types are project, programme, initiative and infrastructure"
			if s := model.Suggest(r.Type, projectTypes); s != "" {
				detail = "did you mean " + strconv.Quote(s) + "? " + detail
			}
			p.errorf("bad-value", own(&r.Origin).value("type"), detail, "project type %s is not a project type", quote(r.Type))
		}
	}
}

func (p *pass) checkSlugType(c *model.Common, typ string) {
	if typ == "" || model.IsSlug(typ) {
		return
	}
	detail := "a type is a slug: lower-case letters and digits joined by hyphens"
	if s := model.Slugify(typ); s != "" {
		detail = "did you mean " + strconv.Quote(s) + "? " + detail
	}
	p.errorf("bad-value", own(&c.Origin).value("type"), detail, "type %s is not a slug", quote(typ))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkLanguageTags reports language tags that are not well-formed BCP 47
// or use subtags the registry does not know (bad-language-tag): the keys
// of every multilingual text of a record (checkDatasetInfo checks the
// dataset's language).
func checkLanguageTags(p *pass, r model.Record) {
	c := r.Base()
	if isLocationPlace(r) {
		return // its name is a location's text
	}
	for _, ls := range c.Name {
		if ls.Lang != "" && p.badTag(ls.Lang) {
			p.reportTag(ls.Lang, own(&c.Origin).key("name."+ls.Lang))
		}
	}
	for i, alt := range c.AltNames {
		for _, ls := range alt {
			if ls.Lang != "" && p.badTag(ls.Lang) {
				p.reportTag(ls.Lang, own(&c.Origin).key("alt_names["+strconv.Itoa(i)+"]."+ls.Lang))
			}
		}
	}
	for _, ls := range c.Description {
		if ls.Lang != "" && p.badTag(ls.Lang) {
			p.reportTag(ls.Lang, own(&c.Origin).key("description."+ls.Lang))
		}
	}
}

// badTag reports whether a language tag has a problem; each distinct tag
// is parsed once.
func (p *pass) badTag(tag string) bool {
	prob, ok := p.tags[tag]
	if !ok {
		prob, _ = languageTagProblem(tag)
		p.tags[tag] = prob
	}
	return prob != ""
}

func (p *pass) reportTag(tag string, pos at) {
	prob, sug := languageTagProblem(tag)
	detail := "use a BCP 47 tag such as en, it, fr or pt-BR"
	if sug != "" {
		detail = "write " + sug
	}
	p.errorf("bad-language-tag", pos, detail, "language tag %s %s", quote(tag), prob)
}

// checkURLsAndEmails reports a record's website and source URLs that are
// not absolute http(s) IRIs (bad-url), and its e-mail address when it is
// malformed (bad-email). checkDatasetInfo checks the dataset's dump_url
// and contact.
func checkURLsAndEmails(p *pass, r model.Record) {
	c := r.Base()
	p.checkURL(own(&c.Origin), "website", c.Website)
	p.checkEmail(own(&c.Origin), "email", c.Email)
	for i, s := range c.Sources {
		p.checkURL(in(&s.Origin, "sources", i), "url", s.URL)
	}
}

func (p *pass) checkURL(o obj, field, v string) {
	if v == "" {
		return
	}
	prob, sug := urlProblem(v)
	if prob == "" {
		return
	}
	detail := "write an absolute URL starting with https:// or http://"
	if sug != "" {
		detail = "did you mean " + quote(sug) + "?"
	}
	p.errorf("bad-url", o.value(field), detail, "%s %s %s", field, quote(v), prob)
}

func (p *pass) checkEmail(o obj, field, v string) {
	if v == "" {
		return
	}
	prob, sug := emailProblem(v)
	if prob == "" {
		return
	}
	detail := "write one address such as info@example.org"
	if sug != "" {
		detail = "did you mean " + quote(sug) + "?"
	}
	p.errorf("bad-email", o.value(field), detail, "%s %s %s", field, quote(v), prob)
}

// checkCountries reports country codes that are not ISO 3166-1 alpha-2
// (bad-country), with the code meant: GR for EL, GB for UK, upper case
// for lower case, alpha-2 for alpha-3 codes and English names. Inline
// places inherit their country from the location or region that made
// them, which is checked there.
func checkCountries(p *pass, r model.Record) {
	switch r := r.(type) {
	case *model.Region:
		p.checkCountry(own(&r.Origin), r.Country)
	case *model.Organization:
		p.checkCountry(own(&r.Origin), r.Country)
	case *model.Place:
		if !r.Generated && !p.isHeritageSite(r) {
			p.checkCountry(own(&r.Origin), r.Country)
		}
	case *model.Event:
		if r.Location != nil {
			p.checkCountry(in(&r.Location.Origin, "location", -1), r.Location.Country)
		}
	}
}

func (p *pass) checkCountry(o obj, code string) {
	if code == "" {
		return
	}
	if prob, detail := countryProblem(code); prob != "" {
		p.errorf("bad-country", o.value("country"), detail, "country %s %s", quote(code), prob)
	}
}

// checkIdentifiers reports identifiers whose value does not have the
// form of its scheme (bad-identifier), in identifiers and a region's
// territory_identifiers, and scheme names that are not simple names.
func checkIdentifiers(p *pass, r model.Record) {
	c := r.Base()
	p.checkIdentifierList(own(&c.Origin), "identifiers", c.Identifiers)
	if reg, ok := r.(*model.Region); ok {
		p.checkIdentifierList(own(&reg.Origin), "territory_identifiers", reg.TerritoryIdentifiers)
	}
}

func (p *pass) checkIdentifierList(o obj, field string, ids []model.Identifier) {
	for _, id := range ids {
		if !schemeOK(id.Scheme) {
			p.errorf("bad-identifier", o.key(field+"."+id.Scheme),
				"name the scheme with letters, digits, '-', '_' or '.', such as wikidata or geonames",
				"identifier scheme %s is not a simple name", quote(id.Scheme))
			continue
		}
		prob, sug := identifierProblem(id.Scheme, id.Value)
		if prob == "" {
			continue
		}
		detail := identifierForms[id.Scheme]
		if sug != "" {
			detail = "did you mean " + quote(sug) + "? " + detail
		}
		p.errorf("bad-identifier", o.value(field+"."+id.Scheme), detail,
			"%s identifier %s %s", id.Scheme, quote(id.Value), prob)
	}
}

var identifierForms = map[string]string{
	"wikidata": "a Wikidata item is Q followed by digits, such as Q1273",
	"geonames": "a GeoNames id is digits only, such as 3165361",
	"nuts":     "a NUTS code is a country code and up to three letters or digits, such as ITI1",
	"orcid":    "an ORCID iD is four groups of four digits, the last one ending in a digit or X, such as 0000-0002-1825-0097",
	"pic":      "an EU Participant Identification Code is nine digits, such as 999999999",
}

func schemeOK(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// checkQuantities reports negative quantities (negative-quantity) and
// units that do not fit the field (bad-unit): a currency on a population,
// an area or a participant count; an area in anything but km²; a funding
// amount in anything but a currency.
func checkQuantities(p *pass, r model.Record) {
	switch r := r.(type) {
	case *model.Region:
		p.checkQuantity(own(&r.Origin), "area_km2", r.AreaKm2, unitArea)
		p.checkQuantity(own(&r.Origin), "population", r.Population, unitCount)
	case *model.Event:
		p.checkQuantity(own(&r.Origin), "participant_count", r.ParticipantCount, unitCount)
	case *model.Project:
		for i, f := range r.Funding {
			p.checkQuantity(in(&f.Origin, "funding", i), "amount", f.Amount, unitMoney)
		}
		for i, q := range r.Quantities {
			p.checkNamedQuantity(q, i)
		}
	}
}

// unitKind says which units a quantity field accepts.
type unitKind uint8

const (
	unitCount unitKind = iota + 1 // no currency
	unitArea                      // km² only
	unitMoney                     // a currency only
)

func (p *pass) checkQuantity(o obj, field string, q model.Quantity, kind unitKind) {
	if q.IsZero() {
		return
	}
	if q.Negative() {
		p.errorf("negative-quantity", subPos(o, field, "value"), field+" cannot be below zero; check the sign",
			"%s is negative: %s", field, q.Value)
	}
	if q.Unit == "" {
		return
	}
	unitAt := func() at { return subPos(o, field, "unit") }
	switch {
	case kind != unitMoney && model.IsCurrency(q.Unit):
		p.errorf("bad-unit", unitAt(), "a currency belongs on money, such as a funding amount; remove the unit",
			"%s has the currency unit %s", field, q.Unit)
	case kind == unitArea && q.Unit != "KMK":
		p.errorf("bad-unit", unitAt(), "area_km2 is in square kilometres: convert the value and remove the unit (or write KMK)",
			"area_km2 has the unit %s", quote(q.Unit))
	case kind == unitMoney && !model.IsCurrency(q.Unit):
		detail := "an amount's unit is an ISO 4217 currency code, such as EUR"
		if c := currencyFor(q.Unit); c != "" {
			detail = "did you mean " + strconv.Quote(c) + "? " + detail
		}
		p.errorf("bad-unit", unitAt(), detail, "%s has the unit %s, which is not a currency", field, quote(q.Unit))
	}
}

func (p *pass) checkNamedQuantity(q *model.NamedQuantity, i int) {
	if q.Negative() {
		p.errorf("negative-quantity", in(&q.Origin, "quantities", i).value("value"), "a count or an amount cannot be below zero; check the sign",
			"quantity %s is negative: %s", quote(q.Name), q.Value)
	}
}

// subPos is the position of field.sub in the mapping form of a quantity,
// else of the field's value.
func subPos(o obj, field, sub string) at {
	if name := field + "." + sub; o.o.Has(name) {
		return o.value(name)
	}
	return o.value(field)
}

// currencyFor guesses the ISO 4217 code meant by a unit.
func currencyFor(unit string) string {
	u := strings.ToUpper(strings.TrimSpace(unit))
	if model.IsCurrency(u) {
		return u
	}
	switch u {
	case "€", "EURO", "EUROS":
		return "EUR"
	case "$", "DOLLAR", "DOLLARS", "US$":
		return "USD"
	case "£", "POUND", "POUNDS":
		return "GBP"
	}
	return ""
}
