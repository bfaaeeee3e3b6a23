package validate

import (
	"fmt"
	"sort"

	"github.com/civicnet/civicnet/model"
)

// Validate checks a record set and returns every problem found, sorted:
// the decoding problems the loader met (each becomes an error, except
// symlink-skipped, a warning) and the findings of every rule. ds may be
// nil when nothing could be loaded.
//
// Validate never stops at the first problem and never panics on what a
// loader can produce. It does not modify ds.
func Validate(ds *model.Dataset, problems []model.Problem) Diagnostics {
	p := &pass{ds: ds, problemAt: make(map[model.Pos]bool, len(problems))}
	for _, pr := range problems {
		p.problemAt[pr.Pos] = true
		sev := Error
		if c, ok := LookupCode(pr.Code); ok {
			sev = c.Severity
		}
		p.diags = append(p.diags, Diagnostic{Severity: sev, Code: pr.Code, Summary: pr.Summary,
			Detail: pr.Detail, Pos: pr.Pos, Related: pr.Related})
	}
	if ds != nil {
		for _, rule := range rules {
			rule(p)
		}
	}
	p.diags.Sort()
	return p.diags
}

// rules run in this order; each is a plain function over the dataset that
// reports one concern. They share the pass, which holds the lazily built
// lookups several rules need.
var rules = []func(*pass){
	checkRequiredFields,
	checkIDs,
	checkDuplicateIDs,
	checkReferences,
	checkPublishers,
	checkValues,
	checkLanguageTags,
	checkURLsAndEmails,
	checkCountries,
	checkIdentifiers,
	checkQuantities,
	checkText,
	checkItems,
	checkMemberships,
	checkParticipations,
	checkUnitCycles,
	checkDataset,
	checkLicenses,
	checkRestrictiveLicenses,
	checkEventDates,
	checkPersonalEmail,
	checkAltNames,
	checkSources,
	checkTypes,
}

// pass is one run of the rules over a dataset.
type pass struct {
	ds    *model.Dataset
	diags Diagnostics

	// ids lists every id for did-you-mean, sorted; built on first use.
	ids []string
	// byLen indexes ids by length, so that a suggestion only compares
	// with ids of a plausible length.
	byLen map[int][]string
	// suggestions caches did-you-mean answers; suggestBudget bounds the
	// comparisons spent on them, so that a million records with
	// thousands of typos stay fast (past it, no suggestion is made).
	suggestions   map[string]string
	suggestBudget int
	// problemAt holds the positions of decoding problems: a value the
	// loader could not read is not reported again as missing or wrong.
	problemAt map[model.Pos]bool
	// heritage holds the positions of regions' heritage sites, which
	// become place records; built on first use.
	heritage map[model.Pos]bool
}

// suggestBudget is how many id comparisons did-you-mean may make in one
// run: enough for every typo of a realistic record set, and a bound for
// pathological ones.
const suggestBudget = 20_000_000

func (p *pass) report(sev Severity, code string, pos model.Pos, summary, detail string, related ...model.Pos) {
	p.diags = append(p.diags, Diagnostic{Severity: sev, Code: code, Summary: summary, Detail: detail,
		Pos: pos, Related: related})
}

func (p *pass) errorf(code string, pos model.Pos, detail, format string, args ...any) {
	p.report(Error, code, pos, fmt.Sprintf(format, args...), detail)
}

func (p *pass) warnf(code string, pos model.Pos, detail, format string, args ...any) {
	p.report(Warning, code, pos, fmt.Sprintf(format, args...), detail)
}

// suggestID returns the existing id closest to s, or "".
func (p *pass) suggestID(s string) string {
	if p.ids == nil {
		p.ids = make([]string, 0, len(p.ds.Records))
		p.byLen = make(map[int][]string)
		p.suggestions = make(map[string]string)
		p.suggestBudget = suggestBudget
		seen := make(map[string]bool, len(p.ds.Records))
		for _, r := range p.ds.Records {
			c := r.Base()
			if c.ID == "" || c.Generated || seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			p.ids = append(p.ids, c.ID)
		}
		sort.Strings(p.ids)
		for _, id := range p.ids {
			p.byLen[len(id)] = append(p.byLen[len(id)], id)
		}
	}
	if s == "" {
		return ""
	}
	if sug, ok := p.suggestions[s]; ok {
		return sug
	}
	// A name written where an id belongs: its slug may be the id.
	if slug := model.Slugify(s); slug != s && p.ds.Lookup(slug) != nil {
		p.suggestions[s] = slug
		return slug
	}
	// model.Suggest allows at most max(2, len/3) edits, so only ids of a
	// length within that many bytes can be suggested (ids are ASCII).
	limit := max(2, len(s)/3)
	var cands []string
	for n := len(s) - limit; n <= len(s)+limit; n++ {
		cands = append(cands, p.byLen[n]...)
	}
	sug := ""
	if len(cands) <= p.suggestBudget {
		p.suggestBudget -= len(cands)
		sug = model.Suggest(s, cands)
	}
	p.suggestions[s] = sug
	return sug
}

// quote clips long values in messages, so that a 1 MB name does not make
// a 1 MB summary line.
func quote(s string) string {
	const limit = 60
	if len(s) > limit {
		cut := limit
		for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
			cut--
		}
		s = s[:cut] + "…"
	}
	return fmt.Sprintf("%q", s)
}

// describeRecord names a record for messages: `organization "efus"`.
func describeRecord(r model.Record) string {
	c := r.Base()
	if c.ID == "" || c.Generated {
		return r.Kind().String()
	}
	return r.Kind().String() + " " + quote(c.ID)
}
