package validate

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/civicnet/civicnet/model"
)

// Validate checks a record set and returns every problem found, sorted:
// the decoding problems the loader met (each becomes an error, except
// symlink-skipped, a warning) and the findings of every rule. ds may be
// nil when nothing could be loaded.
//
// Validate never stops at the first problem and never panics on what a
// loader can produce. It does not modify ds. It applies the record set's
// own rules and ignore lists, as [ValidateWith] says.
func Validate(ds *model.Dataset, problems []model.Problem) Diagnostics {
	return ValidateWith(ds, problems, Options{})
}

// Options control ValidateWith.
type Options struct {
	// Overrides set the level of codes after the rules of civicnet.yaml
	// (the command line's --ignore and --error); check each with
	// [CheckOverride] first. An override that cannot apply is reported
	// as a bad-rule diagnostic.
	Overrides []Override
}

// ValidateWith is Validate with options. Like Validate, it applies the
// record set's own configuration: the rules of civicnet.yaml (code →
// off, warning or error) and the ignore lists of records, which
// suppress diagnostics (see [Diagnostic.Suppressed]) or change their
// severity; then opts.Overrides.
func ValidateWith(ds *model.Dataset, problems []model.Problem, opts Options) Diagnostics {
	diags := validate(ds, problems)
	var bad Diagnostics
	for _, o := range opts.Overrides {
		if err := CheckOverride(o); err != nil {
			bad = append(bad, badRule(model.Pos{}, o.Source+" "+o.Code+": "+err.Error(), ""))
		}
	}
	if len(bad) > 0 {
		opts.Overrides = slices.DeleteFunc(slices.Clone(opts.Overrides), func(o Override) bool { return CheckOverride(o) != nil })
	}
	diags, more := configure(diags, ds, opts.Overrides)
	if bad = append(bad, more...); len(bad) > 0 {
		diags = append(diags, bad...)
		diags.Sort()
	}
	return diags
}

func validate(ds *model.Dataset, problems []model.Problem) Diagnostics {
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
		p.tags = make(map[string]string)
		p.heritage = heritageSites(ds)
		p.runRecordRules()
		for _, rule := range datasetRules {
			rule(p)
		}
	}
	p.diags.Sort()
	return p.diags
}

// runRecordRules runs the record rules over every record. The rules that
// must see the records in order (orderedRules) run in one goroutine over
// all of them; the others run at the same time over consecutive chunks
// of the records, each chunk with a pass of its own, which are then
// joined in chunk order. What the chunks report and gather is therefore
// the same, in the same order, as one pass over all records would give,
// whatever the number of chunks.
func (p *pass) runRecordRules() {
	records := p.ds.Records
	n := min(maxChunks(), max(len(records)/minChunk, 1))
	chunks := make([]*pass, n)
	var wg sync.WaitGroup
	wg.Go(func() {
		for i, r := range records {
			p.cur, p.seq = r, i+1
			for _, rule := range orderedRules {
				rule(p, r)
			}
		}
		p.cur, p.seq = nil, 0
	})
	for i := range chunks {
		q := p.fork()
		chunks[i] = q
		first := i * len(records) / n
		part := records[first : (i+1)*len(records)/n]
		wg.Go(func() {
			for j, r := range part {
				q.cur, q.seq = r, first+j+1
				for _, rule := range recordRules {
					rule(q, r)
				}
			}
			q.cur, q.seq = nil, 0
		})
	}
	wg.Wait()
	for _, q := range chunks {
		p.join(q)
	}
	for _, d := range p.dangling {
		p.cur, p.seq = d.rec, d.seq
		p.reportDangling(d.f)
	}
	p.cur, p.seq, p.dangling = nil, 0, nil
}

// minChunk is the fewest records worth a goroutine of their own, and
// maxChunks the most chunks; tests change them to split small sets.
var (
	minChunk  = 10_000
	maxChunks = func() int { return runtime.GOMAXPROCS(0) }
)

// fork returns a pass for a chunk of the records: it shares what the
// rules only read and has its own diagnostics, caches and gatherings.
func (p *pass) fork() *pass {
	return &pass{ds: p.ds, problemAt: p.problemAt, heritage: p.heritage, tags: make(map[string]string), deferDangling: true}
}

// join adds what a chunk's pass reported and gathered to p.
func (p *pass) join(q *pass) {
	p.diags = append(p.diags, q.diags...)
	p.dangling = append(p.dangling, q.dangling...)
	p.linked = append(p.linked, q.linked...)
	p.typed = append(p.typed, q.typed...)
	for k, n := range q.types {
		if p.types == nil {
			p.types = make(map[typeKey]int)
		}
		p.types[k] += n
	}
}

// recordRules check one record each, one concern per rule, and need no
// other record than through the dataset's index. Validate runs them in
// a single pass over the records, so that a million records are read
// from memory once rather than once per rule, split across the cores.
// Rules that need the whole record set (loops, type counts) gather what
// they need in the pass as the records go by.
var recordRules = []func(*pass, model.Record){
	checkReferences,
	checkRequiredFields,
	checkID,
	checkDuplicateID,
	checkFieldValues,
	checkValues,
	checkLanguageTags,
	checkURLsAndEmails,
	checkCountries,
	checkIdentifiers,
	checkQuantities,
	checkText,
	checkItems,
	checkSourceLicenses,
	checkRestrictiveLicenses,
	collectUnitLinks,
	checkEventDates,
	checkParticipantDates,
	checkPersonalEmail,
	checkAltNames,
	checkSources,
	collectTypes,
}

// orderedRules are the record rules whose findings depend on the records
// met before: the first of two duplicates is the one written first, and
// did-you-mean suggestions share one budget (see suggestID). The
// references that checkReferences, a chunked rule, finds dangling are
// reported after the pass, in record order, by the ordered pass: their
// suggestions then draw on the budget after the publishers' do.
var orderedRules = []func(*pass, model.Record){
	checkSourcePublishers,
	checkMembership,
	checkOverlappingMemberships,
	checkParticipation,
}

// datasetRules run after the record rules: the dataset description, and
// the rules that report on what the record rules gathered.
var datasetRules = []func(*pass){
	checkDatasetInfo,
	checkUnitCycles,
	checkTypes,
}

// pass is one run of the rules over a dataset.
type pass struct {
	ds    *model.Dataset
	diags Diagnostics
	// cur is the record the rules are checking, which diagnostics name;
	// dataset is set while the dataset description is.
	cur     model.Record
	seq     int // 1 + the index of cur in the dataset
	dataset bool

	// byLen holds every id for did-you-mean, by length, so that a
	// suggestion only looks at ids of a plausible length; built on first
	// use (order does not matter: model.Suggest breaks ties by name).
	byLen map[int][]byte
	// suggestions caches did-you-mean answers; suggestBudget bounds the
	// comparisons spent on them, so that a million records with
	// thousands of typos stay fast (past it, no suggestion is made).
	suggestions   map[string]string
	suggestBudget int
	scratch       []string
	// A chunk's pass, which must not spend the budget out of order,
	// keeps the dangling references it finds for the ordered pass to
	// report (deferDangling, dangling).
	deferDangling bool
	dangling      []dangling
	// tags caches the problem of each language tag met ("" when fine).
	tags map[string]string
	// memberships and participations hold the first of those written
	// with an id, by what makes two the same; repeats counts the repeats
	// of a generated participation id. All are made on first use.
	memberships map[membershipKey]*model.Membership
	// periods holds, by member, organisation and role, the first
	// membership with a period, and morePeriods the others, for
	// checkOverlappingMemberships.
	periods        map[roleKey]*model.Membership
	morePeriods    map[roleKey][]*model.Membership
	participations map[participationKey]*model.Participation
	repeats        map[string]int
	// linked lists the organisations with a unit_of or
	// sub_organization_of link, for checkUnitCycles.
	linked []*model.Organization
	// types counts each organisation, event and place type; typed lists
	// the records whose type is not built in, for checkTypes.
	types map[typeKey]int
	typed []model.Record
	// licenses caches what is known of each licence met.
	licenses map[string]licenseInfo
	// problemAt holds the positions of decoding problems: a value the
	// loader could not read is not reported again as missing or wrong.
	problemAt map[model.Pos]bool
	// heritage holds the positions of regions' heritage sites, which
	// become place records.
	heritage map[model.Pos]bool
}

// suggestBudget is how many ids did-you-mean may look at in one run:
// enough for every typo of a realistic record set, and a bound (well under
// a second) for pathological ones.
const suggestBudget = 5_000_000

// maxSuggestLen is the longest id or reference did-you-mean considers.
const maxSuggestLen = 2 * model.MaxIDLen

// report adds a diagnostic about the record being checked (p.cur, or the
// dataset description when p.dataset is set).
func (p *pass) report(sev Severity, code string, where at, summary, detail string, related ...model.Pos) {
	d := Diagnostic{Severity: sev, Code: code, Summary: summary, Detail: detail,
		Pos: where.pos, Related: related, Field: where.field, seq: p.seq}
	switch {
	case p.cur != nil:
		d.Record, d.Field = recordName(p.cur, where.field)
	case p.dataset:
		d.Record = RecordName{Kind: "dataset"}
	}
	p.diags = append(p.diags, d)
}

// isRepeat reports whether r has the id of an earlier record, the one
// Lookup returns. For the record the pass is at, the dataset knows
// without a lookup.
func (p *pass) isRepeat(r model.Record) bool {
	if i := p.seq - 1; i >= 0 && i < len(p.ds.Records) && p.ds.Records[i] == r {
		return p.ds.Repeats(i)
	}
	first := p.ds.Lookup(r.Base().ID)
	return first != nil && first != r
}

// setCur makes r the record diagnostics are about, for the rules that
// report after the pass over the records.
func (p *pass) setCur(r model.Record) {
	p.cur, p.seq = r, 0
	if r == nil {
		return
	}
	if i, ok := p.ds.IndexOf(r.Base().ID); ok && p.ds.Records[i] == r {
		p.seq = i + 1
	}
}

func (p *pass) errorf(code string, where at, detail, format string, args ...any) {
	p.report(Error, code, where, fmt.Sprintf(format, args...), detail)
}

func (p *pass) warnf(code string, where at, detail, format string, args ...any) {
	p.report(Warning, code, where, fmt.Sprintf(format, args...), detail)
}

// suggestID returns the existing id closest to s, or "".
func (p *pass) suggestID(s string) string {
	if p.byLen == nil {
		// The ids of one length are stored back to back: scanning a
		// million of them then reads memory in order, instead of
		// chasing a million string pointers.
		p.byLen = make(map[int][]byte)
		p.suggestions = make(map[string]string)
		p.suggestBudget = suggestBudget
		for i, r := range p.ds.Records {
			c := r.Base()
			if c.ID == "" || c.Generated || len(c.ID) > maxSuggestLen || p.ds.Repeats(i) {
				continue // no id, an impossible one, or not the first with it
			}
			p.byLen[len(c.ID)] = append(p.byLen[len(c.ID)], c.ID...)
		}
	}
	// An id is at most model.MaxIDLen long, and edit distances of long
	// strings cost their product: past twice that, nothing is suggested.
	if s == "" || len(s) > maxSuggestLen {
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
	total := 0
	for n := max(len(s)-limit, 1); n <= len(s)+limit; n++ {
		total += len(p.byLen[n]) / n
	}
	sug := ""
	if total <= p.suggestBudget {
		p.suggestBudget -= total
		p.scratch = p.scratch[:0]
		target, ascii := newBag(s)
		for n := max(len(s)-limit, 1); n <= len(s)+limit; n++ {
			ids := p.byLen[n]
			for i := 0; i+n <= len(ids); i += n {
				if id := ids[i : i+n]; !ascii || target.within(id, limit) {
					p.scratch = append(p.scratch, string(id))
				}
			}
		}
		sug = model.Suggest(s, p.scratch)
	}
	p.suggestions[s] = sug
	return sug
}

// bag counts the bytes of a lower-cased ASCII string. The bag distance
// of two strings (the larger of what each has that the other lacks) is a
// lower bound of their edit distance, and cheap: it rules out most ids
// before the edit distance is computed.
type bag struct {
	count [128]int16
	n     int
}

func newBag(s string) (b bag, ascii bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 128 {
			return b, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.count[c]++
	}
	b.n = len(s)
	return b, true
}

// within reports whether the bag distance of the bag's string and id is
// at most limit. Ids that are not ASCII are always within. The counts are
// restored before it returns, so that no copy is made per id.
func (b *bag) within(id []byte, limit int) bool {
	less := 0 // bytes of id the string lacks
	i := 0
	for ; i < len(id); i++ {
		c := id[i]
		if c >= 128 {
			break
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if b.count[c]--; b.count[c] < 0 {
			less++
		}
	}
	for j := 0; j < i; j++ {
		c := id[j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.count[c]++
	}
	if i < len(id) {
		return true
	}
	more := b.n - (len(id) - less) // bytes of the string id lacks
	return less <= limit && more <= limit
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
	return strconv.Quote(s)
}

// describeRecord names a record for messages: `organization "efus"`.
func describeRecord(r model.Record) string {
	c := r.Base()
	if c.ID == "" || c.Generated {
		return r.Kind().String()
	}
	return r.Kind().String() + " " + quote(c.ID)
}
