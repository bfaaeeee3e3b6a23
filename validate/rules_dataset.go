package validate

import (
	"errors"
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// defaultLicense is the dataset licence when civicnet.yaml names none
// (SPEC 2.8).
const defaultLicense = "CC-BY-4.0"

// checkDatasetInfo checks the dataset description, civicnet.yaml: its
// base (bad-base: an absolute http(s) IRI ending in /, since every record
// IRI is the base followed by id/{id}; a base given on the command line
// instead is checked by the command that takes it), and the dataset's
// fields that records share rules with: dump_url (bad-url), contact
// (bad-email), language (bad-language-tag), publisher
// (unresolved-publisher, wrong-ref-kind), license (bad-license), text
// (control-character) and keywords (pipe-in-item).
func checkDatasetInfo(p *pass) {
	p.setCur(nil)
	p.dataset = true
	defer func() { p.dataset = false }()
	info := &p.ds.Info
	o := own(&info.Origin)
	p.checkBase(info)
	p.checkURL(o, "dump_url", info.DumpURL)
	p.checkEmail(o, "contact", info.Contact)
	if info.Language != "" && p.badTag(info.Language) {
		p.reportTag(info.Language, o.value("language"))
	}
	if info.Publisher != "" {
		p.checkPublisher(info.Publisher, o)
	}
	p.checkLicense(o, info.License)
	p.checkString(o, "title", info.Title)
	p.checkString(o, "description", info.Description)
	p.checkString(o, "publisher", info.Publisher)
	p.checkList(o, "keywords", info.Keywords)
	p.checkPipes(o, "keywords", info.Keywords)
}

// checkBase reports what model.CheckDatasetInfo finds: a base that
// cannot prefix the dataset's IRIs (bad-base; an empty one is left to
// export, which may be given one), and invalid issued and modified
// dates. It runs for a description read from civicnet.yaml and one
// built in code alike.
func (p *pass) checkBase(info *model.DatasetInfo) {
	for _, fe := range model.CheckDatasetInfo(info) {
		var ve *model.ValueError
		if fe.Code != "bad-base" || !errors.As(fe.Err, &ve) {
			p.reportFieldError(fe)
			continue
		}
		if fe.Pos.IsValid() && p.problemAt[fe.Pos] {
			continue
		}
		detail := ve.Hint
		if sug := baseSuggestion(info.Base, ve.Msg); sug != "" {
			detail = "did you mean " + quote(sug) + "?"
		}
		p.errorf("bad-base", at{fe.Pos, fe.Field}, detail, "base %s %s", quote(info.Base), ve.Msg)
	}
}

// baseSuggestion guesses the base meant, for did-you-mean.
func baseSuggestion(base, msg string) string {
	if _, sug := urlProblem(base); sug != "" {
		return sug
	}
	if msg == "does not end with /" {
		return base + "/"
	}
	return ""
}

// licenseInfo is what is known of one licence text.
type licenseInfo struct {
	form  bool // licenseForm
	terms int  // licenseTerms
	known bool // licenseTerms recognised it
}

// license returns what is known of a licence; licences are few, so each
// is parsed once.
func (p *pass) license(l string) licenseInfo {
	if li, ok := p.licenses[l]; ok {
		return li
	}
	if p.licenses == nil {
		p.licenses = make(map[string]licenseInfo)
	}
	li := licenseInfo{form: licenseForm(l)}
	li.terms, li.known = licenseTerms(l)
	p.licenses[l] = li
	return li
}

// checkSourceLicenses reports source licences that are neither an SPDX
// id nor a URL (bad-license); checkDatasetInfo checks the dataset's.
func checkSourceLicenses(p *pass, r model.Record) {
	for i, s := range r.Base().Sources {
		p.checkLicense(in(&s.Origin, "sources", i), s.License)
	}
}

func (p *pass) checkLicense(o obj, l string) {
	if l == "" || p.license(l).form {
		return
	}
	detail := "write an SPDX license id such as CC-BY-4.0, or the licence's URL"
	if fixed := strings.Join(strings.Fields(l), "-"); fixed != l && licenseForm(fixed) {
		detail = "did you mean " + quote(fixed) + "? " + detail
	}
	p.errorf("bad-license", o.value("license"), detail, "license %s is neither an SPDX id nor a URL", quote(l))
}

// checkRestrictiveLicenses warns when a source's licence has conditions
// the dataset's licence lacks (license-restrictive): a CC-BY-NC-SA-3.0
// source in a CC-BY-4.0 dataset. Only Creative Commons and Open Data
// Commons licences are compared; others cannot be judged.
func checkRestrictiveLicenses(p *pass, r model.Record) {
	sources := r.Base().Sources
	if len(sources) == 0 {
		return
	}
	info := &p.ds.Info
	dsLicense := info.License
	if dsLicense == "" {
		dsLicense = defaultLicense
	}
	ds := p.license(dsLicense)
	if !ds.known {
		return
	}
	for i, s := range sources {
		if s.License == "" {
			continue
		}
		li := p.license(s.License)
		extraTerms := li.terms &^ ds.terms
		if !li.known || extraTerms == 0 {
			continue
		}
		var extra []string
		for i, name := range termNames {
			if extraTerms&(1<<i) != 0 {
				extra = append(extra, name)
			}
		}
		var related []model.Pos
		if info.Has("license") {
			related = []model.Pos{info.ValuePos("license")}
		}
		p.report(Warning, "license-restrictive", in(&s.Origin, "sources", i).value("license"),
			"source licence "+s.License+" is more restrictive than the dataset's "+dsLicense,
			"it adds "+strings.Join(extra, ", ")+"; make sure the facts taken from it may be republished under "+
				dsLicense+", or publish the dataset under the source's terms",
			related...)
	}
}

// checkEventDates warns about events without a date (missing-date: no
// time is exported for them) and events whose date is outside the period
// of their project (event-outside-project), with the project's period as
// related position.
func checkEventDates(p *pass, r model.Record) {
	e, ok := r.(*model.Event)
	if !ok {
		return
	}
	if e.Date.IsZero() {
		if !p.problemAt[e.ValuePos("date")] { // a date that could not be read was reported
			p.warnf("missing-date", own(&e.Origin).whole(),
				"add date: when a source gives one (2008, 2008-07, 2008-07-18 or an interval); without it no time is exported",
				"%s has no date", describeRecord(e))
		}
		return
	}
	proj, ok := p.ds.Lookup(e.Project).(*model.Project)
	if !ok || proj.During.Contains(e.Date) || e.Date.Check() != nil || proj.During.Check() != nil {
		return
	}
	p.report(Warning, "event-outside-project", own(&e.Origin).value("date"),
		"event date "+e.Date.String()+" is outside the period of project "+quote(proj.ID)+" ("+proj.During.String()+")",
		"check the event's date and the project's during",
		proj.ValuePos("during"))
}

// checkParticipantDates warns about a membership in a project whose
// period is not within the project's (participant-outside-project),
// with the project's period as related position: a partner that joined
// before the project began or stayed after it ended. Absent periods and
// open or unknown ends are not outside anything; periods that are not
// valid are reported by their own rule.
func checkParticipantDates(p *pass, r model.Record) {
	m, ok := r.(*model.Membership)
	if !ok || m.During.IsZero() {
		return
	}
	proj, ok := p.ds.Lookup(m.Organization).(*model.Project)
	if !ok || proj.During.Contains(m.During) || m.During.Check() != nil || proj.During.Check() != nil {
		return
	}
	p.report(Warning, "participant-outside-project", own(&m.Origin).value("during"),
		"participation of "+quote(m.Member)+" during "+m.During.String()+" is outside the period of project "+
			quote(proj.ID)+" ("+proj.During.String()+")",
		"check the participant's during and the project's during",
		proj.ValuePos("during"))
}

// checkPersonalEmail warns about an e-mail address on a person
// (personal-email): it is personal data, which a public dump should hold
// only with the person's consent.
func checkPersonalEmail(p *pass, r model.Record) {
	if pe, ok := r.(*model.Person); ok && pe.Email != "" {
		p.warnf("personal-email", own(&pe.Origin).value("email"),
			"publish a person's address only with their consent; prefer a role or office address on the organisation",
			"email on person %s is personal data", quote(pe.ID))
	}
}

// checkAltNames warns about an alt name equal to the name in the same
// language (alt-name-equals-name); the exporter drops it, as it adds
// nothing. A plain string is in the dataset's language.
func checkAltNames(p *pass, r model.Record) {
	dflt := p.ds.Info.Language
	c := r.Base()
	for i, alt := range c.AltNames {
		for _, a := range alt {
			for _, n := range c.Name {
				if a.Value != n.Value || !sameLanguage(a.Lang, n.Lang, dflt) {
					continue
				}
				pos := own(&c.Origin).item("alt_names", i)
				if a.Lang != "" {
					pos = own(&c.Origin).value("alt_names[" + strconv.Itoa(i) + "]." + a.Lang)
				}
				namePos := c.ValuePos("name")
				if n.Lang != "" {
					namePos = c.ValuePos("name." + n.Lang)
				}
				p.report(Warning, "alt-name-equals-name", pos, "alt name "+quote(a.Value)+" is the same as the name",
					"remove it; the export drops an alt name equal to the name", namePos)
			}
		}
	}
}

func sameLanguage(a, b, dflt string) bool {
	if a == "" {
		a = dflt
	}
	if b == "" {
		b = dflt
	}
	return strings.EqualFold(a, b)
}

// checkSources warns about records that cite no source (no-sources).
// Records the loader made (inline places, heritage sites, organisers) and
// memberships and participations written inside another record are
// covered by the sources of the record that holds them.
func checkSources(p *pass, r model.Record) {
	c := r.Base()
	if len(c.Sources) > 0 || c.Generated {
		return
	}
	switch r := r.(type) {
	case *model.Membership:
		if r.Nested {
			return
		}
	case *model.Participation:
		if r.Nested {
			return
		}
	case *model.Place:
		if p.isHeritageSite(r) {
			return
		}
	}
	p.warnf("no-sources", own(&c.Origin).whole(),
		"add sources: with at least a title or url saying where the facts come from",
		"%s has no sources", describeRecord(r))
}

// Built-in types of SPEC 2.3, 2.5 and 2.7; others are allowed.
var (
	organizationTypes = []string{"network", "association", "municipality", "public-body", "directorate",
		"committee", "thematic-group", "police", "region"}
	eventTypes = []string{"general-assembly", "conference", "seminar", "meeting", "workshop", "round-table",
		"law-adopted", "event-series"}
	placeTypes = []string{"city", "venue", "country", "heritage-site", "area"}
)

// typeGroups are the built-in types of each kind whose types are
// linted; regions share organisations'.
var typeGroups = map[string][]string{
	"organization": organizationTypes,
	"event":        eventTypes,
	"place":        placeTypes,
}

type typeKey struct{ group, typ string }

// typeOf returns a record's type and the group it is linted in, or ""
// for records whose type is not linted (projects: an enumeration;
// inline places: typed by the loader).
func typeOf(r model.Record) (group, typ string) {
	switch r := r.(type) {
	case *model.Organization:
		return "organization", r.Type
	case *model.Region:
		return "organization", r.Type
	case *model.Event:
		return "event", r.Type
	case *model.Place:
		if !r.Generated {
			return "place", r.Type
		}
	}
	return "", ""
}

// collectTypes counts the types of organisations, events and places, and
// keeps the records whose type is not built in, for checkTypes.
func collectTypes(p *pass, r model.Record) {
	g, t := typeOf(r)
	if t == "" || !model.IsSlug(t) {
		return
	}
	if p.types == nil {
		p.types = make(map[typeKey]int)
	}
	p.types[typeKey{g, t}]++
	if !contains(typeGroups[g], t) {
		p.typed = append(p.typed, r)
	}
}

// checkTypes warns about a type that looks like a misspelling
// (inconsistent-type): not a built-in type of its kind, and within a
// small edit distance of a built-in type or of a type used more often.
// Types are free, but each distinct one becomes a concept, so two
// spellings make two concepts.
func checkTypes(p *pass) {
	suggestions := make(map[typeKey]string)
	for k, n := range p.types {
		builtin := typeGroups[k.group]
		if contains(builtin, k.typ) {
			continue
		}
		cands := append([]string(nil), builtin...)
		for u, m := range p.types {
			if u.group == k.group && m > n && !contains(builtin, u.typ) {
				cands = append(cands, u.typ)
			}
		}
		if s := model.Suggest(k.typ, cands); s != "" && (len(k.typ) >= 7 || model.OSADistance(k.typ, s) <= 1) {
			suggestions[k] = s
		}
	}
	for _, r := range p.typed {
		g, t := typeOf(r)
		if s := suggestions[typeKey{g, t}]; s != "" {
			p.setCur(r)
			p.warnf("inconsistent-type", own(&r.Base().Origin).value("type"),
				"did you mean "+strconv.Quote(s)+"? Each spelling becomes a concept of its own",
				"%s type %s looks like a misspelling of %s", g, quote(t), strconv.Quote(s))
		}
	}
}
