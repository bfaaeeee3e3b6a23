package validate

import (
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// defaultLicense is the dataset licence when civicnet.yaml names none
// (SPEC 2.8).
const defaultLicense = "CC-BY-4.0"

// checkDataset checks civicnet.yaml's base (bad-base): an absolute http(s)
// IRI ending in /, since every record IRI is the base followed by
// id/{id}. A base given on the command line instead is checked by the
// command that takes it.
func checkDataset(p *pass) {
	info := &p.ds.Info
	if info.Base == "" || !info.Has("base") {
		return
	}
	prob, sug := urlProblem(info.Base)
	switch {
	case prob != "":
	case strings.ContainsAny(info.Base, "?#"):
		prob = "has a query or fragment"
	case !strings.HasSuffix(info.Base, "/"):
		prob, sug = "does not end with /", info.Base+"/"
	default:
		return
	}
	detail := "write an absolute http(s) IRI ending with /, such as https://data.example.org/net/"
	if sug != "" {
		detail = "did you mean " + quote(sug) + "?"
	}
	p.errorf("bad-base", info.ValuePos("base"), detail, "base %s %s", quote(info.Base), prob)
}

// checkLicenses reports licences that are neither an SPDX id nor a URL
// (bad-license), on sources and on the dataset.
func checkLicenses(p *pass) {
	info := &p.ds.Info
	p.checkLicense(&info.Origin, info.License)
	for _, r := range p.ds.Records {
		for _, s := range r.Base().Sources {
			p.checkLicense(&s.Origin, s.License)
		}
	}
}

func (p *pass) checkLicense(o *model.Origin, l string) {
	if l == "" || licenseForm(l) {
		return
	}
	detail := "write an SPDX license id such as CC-BY-4.0, or the licence's URL"
	if fixed := strings.Join(strings.Fields(l), "-"); fixed != l && licenseForm(fixed) {
		detail = "did you mean " + quote(fixed) + "? " + detail
	}
	p.errorf("bad-license", o.ValuePos("license"), detail, "license %s is neither an SPDX id nor a URL", quote(l))
}

// checkRestrictiveLicenses warns when a source's licence has conditions
// the dataset's licence lacks (license-restrictive): a CC-BY-NC-SA-3.0
// source in a CC-BY-4.0 dataset. Only Creative Commons and Open Data
// Commons licences are compared; others cannot be judged.
func checkRestrictiveLicenses(p *pass) {
	info := &p.ds.Info
	dsLicense := info.License
	if dsLicense == "" {
		dsLicense = defaultLicense
	}
	dsTerms, ok := licenseTerms(dsLicense)
	if !ok {
		return
	}
	var related []model.Pos
	if info.Has("license") {
		related = []model.Pos{info.ValuePos("license")}
	}
	type known struct {
		terms int
		ok    bool
	}
	cache := map[string]known{} // licences are few; parse each once
	for _, r := range p.ds.Records {
		for _, s := range r.Base().Sources {
			if s.License == "" {
				continue
			}
			k, seen := cache[s.License]
			if !seen {
				k.terms, k.ok = licenseTerms(s.License)
				cache[s.License] = k
			}
			terms := k.terms
			if !k.ok || terms&^dsTerms == 0 {
				continue
			}
			var extra []string
			for i, name := range termNames {
				if terms&^dsTerms&(1<<i) != 0 {
					extra = append(extra, name)
				}
			}
			p.report(Warning, "license-restrictive", s.ValuePos("license"),
				"source licence "+s.License+" is more restrictive than the dataset's "+dsLicense,
				"it adds "+strings.Join(extra, ", ")+"; make sure the facts taken from it may be republished under "+
					dsLicense+", or publish the dataset under the source's terms",
				related...)
		}
	}
}

// checkEventDates warns about events without a date (missing-date: no
// time is exported for them) and events whose date is outside the period
// of their project (event-outside-project), with the project's period as
// related position.
func checkEventDates(p *pass) {
	for _, r := range p.ds.Records {
		e, ok := r.(*model.Event)
		if !ok {
			continue
		}
		if e.Date.IsZero() {
			if !p.problemAt[e.ValuePos("date")] { // a date that could not be read was reported
				p.warnf("missing-date", e.Pos(),
					"add date: when a source gives one (2008, 2008-07, 2008-07-18 or an interval); without it no time is exported",
					"%s has no date", describeRecord(e))
			}
			continue
		}
		proj, ok := p.ds.Lookup(e.Project).(*model.Project)
		if !ok || proj.During.Contains(e.Date) {
			continue
		}
		p.report(Warning, "event-outside-project", e.ValuePos("date"),
			"event date "+e.Date.String()+" is outside the period of project "+quote(proj.ID)+" ("+proj.During.String()+")",
			"check the event's date and the project's during",
			proj.ValuePos("during"))
	}
}

// checkPersonalEmail warns about an e-mail address on a person
// (personal-email): it is personal data, which a public dump should hold
// only with the person's consent.
func checkPersonalEmail(p *pass) {
	for _, r := range p.ds.Records {
		if pe, ok := r.(*model.Person); ok && pe.Email != "" {
			p.warnf("personal-email", pe.ValuePos("email"),
				"publish a person's address only with their consent; prefer a role or office address on the organisation",
				"email on person %s is personal data", quote(pe.ID))
		}
	}
}

// checkAltNames warns about an alt name equal to the name in the same
// language (alt-name-equals-name); the exporter drops it, as it adds
// nothing. A plain string is in the dataset's language.
func checkAltNames(p *pass) {
	dflt := p.ds.Info.Language
	for _, r := range p.ds.Records {
		c := r.Base()
		for i, alt := range c.AltNames {
			for _, a := range alt {
				for _, n := range c.Name {
					if a.Value != n.Value || !sameLanguage(a.Lang, n.Lang, dflt) {
						continue
					}
					pos := c.ItemPos("alt_names", i)
					if a.Lang != "" {
						pos = c.ValuePos("alt_names[" + strconv.Itoa(i) + "]." + a.Lang)
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
func checkSources(p *pass) {
	for _, r := range p.ds.Records {
		c := r.Base()
		if len(c.Sources) > 0 || c.Generated {
			continue
		}
		switch r := r.(type) {
		case *model.Membership:
			if r.Nested {
				continue
			}
		case *model.Participation:
			if r.Nested {
				continue
			}
		case *model.Place:
			if p.isHeritageSite(r) {
				continue
			}
		}
		p.warnf("no-sources", c.Pos(),
			"add sources: with at least a title or url saying where the facts come from",
			"%s has no sources", describeRecord(r))
	}
}

// Built-in types of SPEC 2.3, 2.5 and 2.7; others are allowed.
var (
	organizationTypes = []string{"network", "association", "municipality", "public-body", "directorate",
		"committee", "thematic-group", "police", "region"}
	eventTypes = []string{"general-assembly", "conference", "seminar", "meeting", "workshop", "round-table",
		"law-adopted", "event-series"}
	placeTypes = []string{"city", "venue", "country", "heritage-site", "area"}
)

// checkTypes warns about a type that looks like a misspelling
// (inconsistent-type): not a built-in type of its kind, and within a
// small edit distance of a built-in type or of a type used more often.
// Types are free, but each distinct one becomes a concept, so two
// spellings make two concepts.
func checkTypes(p *pass) {
	type group struct {
		builtin []string
		counts  map[string]int
	}
	groups := map[string]*group{
		"organization": {organizationTypes, map[string]int{}},
		"event":        {eventTypes, map[string]int{}},
		"place":        {placeTypes, map[string]int{}},
	}
	typeOf := func(r model.Record) (string, string) {
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
	for _, r := range p.ds.Records {
		if g, t := typeOf(r); t != "" && model.IsSlug(t) {
			groups[g].counts[t]++
		}
	}
	suggestions := map[string]map[string]string{}
	for name, g := range groups {
		suggestions[name] = map[string]string{}
		for t, n := range g.counts {
			if contains(g.builtin, t) {
				continue
			}
			cands := append([]string(nil), g.builtin...)
			for u, m := range g.counts {
				if m > n && !contains(g.builtin, u) {
					cands = append(cands, u)
				}
			}
			if s := model.Suggest(t, cands); s != "" && (len(t) >= 7 || osaDistance(t, s) <= 1) {
				suggestions[name][t] = s
			}
		}
	}
	for _, r := range p.ds.Records {
		g, t := typeOf(r)
		if t == "" {
			continue
		}
		if s := suggestions[g][t]; s != "" {
			p.warnf("inconsistent-type", r.Base().ValuePos("type"),
				"did you mean "+strconv.Quote(s)+"? Each spelling becomes a concept of its own",
				"%s type %s looks like a misspelling of %s", g, quote(t), strconv.Quote(s))
		}
	}
}

// osaDistance is the optimal string alignment distance of two short
// strings (a transposition counts as one edit), for telling a typo from
// a different short word.
func osaDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
