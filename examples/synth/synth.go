// Package synth generates realistic synthetic record sets of any size, for
// benchmarks and scale tests: organisations and regions with multilingual
// names, nested and top-level memberships with partial dates, projects with
// participants and funding, events with locations and participations. The
// output is deterministic for a seed and valid: it decodes and validates
// without errors.
//
// Most users call [Write] to write a record set as files, or [Generate] for
// the bytes of one file:
//
//	err := synth.Write("/tmp/records", synth.Options{Records: 1_000_000})
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// Options control generation.
type Options struct {
	// Records is the number of top-level records to generate (nested
	// memberships and participations come on top, about one per record).
	Records int
	// Seed makes the output reproducible; the same seed gives the same
	// bytes.
	Seed uint64
	// JSON writes JSON arrays instead of YAML documents.
	JSON bool
	// PerFile is the number of records per file written by Write; 0 means
	// 10,000.
	PerFile int
}

// The mix of kinds, in parts per hundred, chosen so that an average record
// yields about ten triples.
var mix = []struct {
	kind string
	pct  int
}{
	{"organization", 30}, {"region", 5}, {"person", 15}, {"project", 10},
	{"event", 15}, {"place", 5}, {"membership", 12}, {"participation", 8},
}

var (
	cities    = []string{"Torino", "Firenze", "Bruxelles", "Lyon", "Barcelona", "Lisboa", "Gent", "Leipzig", "Kraków", "Malmö", "Aarhus", "Porto", "Bologna", "Liège", "Nantes", "Sevilla", "Graz", "Brno", "Tartu", "Cork"}
	countries = []string{"IT", "IT", "BE", "FR", "ES", "PT", "BE", "DE", "PL", "SE", "DK", "PT", "IT", "BE", "FR", "ES", "AT", "CZ", "EE", "IE"}
	words     = []string{"urban", "safety", "forum", "network", "regional", "council", "prevention", "living", "lab", "digital", "mobility", "youth", "health", "social", "green", "citizen", "data", "security", "local", "alliance"}
	orgTypes  = []string{"network", "association", "municipality", "public-body", "committee", "thematic-group"}
	evTypes   = []string{"general-assembly", "conference", "seminar", "meeting", "workshop", "round-table"}
	roles     = []string{"member", "associate-member", "partner", "coordinator", "executive-committee-member"}
	// pRoles are the roles of top-level participations. "organizer" is
	// left to events' organizers, so that the two never say the same.
	pRoles = []string{"attendee", "speaker", "expert", "host"}
)

// gen writes records one after another; ids are derived from the record
// number, so references can point at records of any file.
type gen struct {
	w    *bufio.Writer
	rnd  *rand.Rand
	json bool
	n    int // records in the whole set
	err  error
}

// kindOf returns the kind of record number i: kinds are laid out in
// blocks of one hundred following mix, so the same number always has the
// same kind and references can be computed without lookups.
func kindOf(i int) string {
	r := i % 100
	for _, m := range mix {
		if r < m.pct {
			return m.kind
		}
		r -= m.pct
	}
	return "organization"
}

// participationSlot returns the place of participation number i among
// the participations of its block: 0, 1, ….
func participationSlot(i int) int {
	off := 0
	for _, m := range mix {
		if m.kind == "participation" {
			return i%100 - off
		}
		off += m.pct
	}
	return 0
}

// idOf returns the id of record number i.
func idOf(i int) string { return kindOf(i)[:3] + "-" + strconv.Itoa(i) }

// pick returns the number of a record of kind k near record i (in the
// same or an earlier block), or -1 when the set has none.
func (g *gen) pick(k string, i int) int {
	off := 0
	for _, m := range mix {
		if m.kind == k {
			block := g.rnd.IntN(i/100 + 1)
			j := block*100 + off + g.rnd.IntN(m.pct)
			if j >= g.n {
				return -1
			}
			return j
		}
		off += m.pct
	}
	return -1
}

// Generate writes records number from to to-1 of a set of n as one file.
func Generate(w io.Writer, from, to int, opts Options) error {
	g := &gen{w: bufio.NewWriterSize(w, 1<<20), rnd: rand.New(rand.NewPCG(opts.Seed, uint64(from))), json: opts.JSON, n: opts.Records}
	if g.json {
		g.raw("[\n")
	}
	for i := from; i < to; i++ {
		if g.json && i > from {
			g.raw(",\n")
		}
		g.record(i)
	}
	if g.json {
		g.raw("\n]\n")
	}
	if g.err != nil {
		return g.err
	}
	return g.w.Flush()
}

// Write writes a whole record set of opts.Records records into dir, with a
// civicnet.yaml, in files of opts.PerFile records.
func Write(dir string, opts Options) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	info := "base: https://data.example.org/synth/\ntitle: Synthetic record set\nlanguage: en\nlicense: CC-BY-4.0\npublisher: Synthetic network\n"
	if err := os.WriteFile(filepath.Join(dir, "civicnet.yaml"), []byte(info), 0o644); err != nil {
		return err
	}
	per := opts.PerFile
	if per <= 0 {
		per = 10_000
	}
	ext := ".yaml"
	if opts.JSON {
		ext = ".json"
	}
	for from := 0; from < opts.Records; from += per {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("records-%07d%s", from/per, ext)))
		if err != nil {
			return err
		}
		err = Generate(f, from, min(from+per, opts.Records), opts)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) raw(s string) {
	if g.err == nil {
		_, g.err = g.w.WriteString(s)
	}
}

// A record is written as a flat list of fields; YAML and JSON differ only
// in punctuation, so one writer serves both.
type field struct {
	key   string
	value string // already formatted: a quoted string, a number, or a nested value
}

func (g *gen) str(s string) string { return strconv.Quote(s) }

func (g *gen) text(en, it string) string {
	if g.json {
		return `{"en": ` + strconv.Quote(en) + `, "it": ` + strconv.Quote(it) + `}`
	}
	return `{en: ` + strconv.Quote(en) + `, it: ` + strconv.Quote(it) + `}`
}

func (g *gen) obj(fs ...field) string {
	s := "{"
	for i, f := range fs {
		if i > 0 {
			s += ", "
		}
		if g.json {
			s += strconv.Quote(f.key) + ": " + f.value
		} else {
			s += f.key + ": " + f.value
		}
	}
	return s + "}"
}

func (g *gen) list(items ...string) string {
	s := "["
	for i, it := range items {
		if i > 0 {
			s += ", "
		}
		s += it
	}
	return s + "]"
}

func (g *gen) emit(fs []field) {
	if g.json {
		g.raw(g.obj(fs...))
		return
	}
	g.raw("---\n")
	for _, f := range fs {
		g.raw(f.key + ": " + f.value + "\n")
	}
}

func (g *gen) name() (string, string) {
	a, b := words[g.rnd.IntN(len(words))], words[g.rnd.IntN(len(words))]
	return "The " + a + " " + b + " body", "L'ente " + a + " " + b
}

// interval returns a partial date or interval: a year, a month, a closed
// or an open-ended period.
func (g *gen) interval() string {
	y := 1995 + g.rnd.IntN(28)
	switch g.rnd.IntN(5) {
	case 0:
		return g.str(strconv.Itoa(y))
	case 1:
		return g.str(fmt.Sprintf("%d-%02d", y, 1+g.rnd.IntN(12)))
	case 2:
		return g.str(fmt.Sprintf("%d/%d", y, y+1+g.rnd.IntN(4)))
	case 3:
		return g.str(fmt.Sprintf("%d~/..", y))
	}
	return g.str(fmt.Sprintf("%d/..", y))
}

func (g *gen) record(i int) {
	id := idOf(i)
	en, it := g.name()
	c := g.rnd.IntN(len(cities))
	fs := []field{{"kind", g.str(kindOf(i))}, {"id", g.str(id)}}
	src := g.list(g.obj(field{"title", g.str("Member directory")}, field{"url", g.str("https://network.example.org/members/" + id)}))
	switch kindOf(i) {
	case "organization", "region":
		fs = append(fs, field{"name", g.text(en, it)}, field{"country", g.str(countries[c])},
			field{"website", g.str("https://" + id + ".example.org/")})
		if kindOf(i) == "organization" {
			fs = append(fs, field{"type", g.str(orgTypes[g.rnd.IntN(len(orgTypes))])})
		} else {
			fs = append(fs, field{"population", g.obj(field{"value", strconv.Itoa(100000 + g.rnd.IntN(5000000))}, field{"qualifier", g.str("approximate")})},
				field{"area_km2", strconv.Itoa(1000 + g.rnd.IntN(30000))},
				field{"territory_identifiers", g.obj(field{"wikidata", g.str("Q" + strconv.Itoa(1000+i))})})
		}
		if j := g.pick("organization", i); j >= 0 && j != i {
			fs = append(fs, field{"memberships", g.list(g.obj(field{"organization", g.str(idOf(j))},
				field{"role", g.str(roles[g.rnd.IntN(len(roles))])}, field{"during", g.interval()}))})
		}
		fs = append(fs, field{"topics", g.list(g.str(words[g.rnd.IntN(len(words))]))}, field{"sources", src})
	case "person":
		given, family := words[g.rnd.IntN(len(words))], words[g.rnd.IntN(len(words))]
		fs = append(fs, field{"name", g.str(given + " " + family)}, field{"given_name", g.str(given)}, field{"family_name", g.str(family)})
		if j := g.pick("organization", i); j >= 0 {
			fs = append(fs, field{"memberships", g.list(g.obj(field{"organization", g.str(idOf(j))}, field{"role", g.str("Officer")}))})
		}
		fs = append(fs, field{"sources", src})
	case "project":
		fs = append(fs, field{"name", g.text(en, it)}, field{"type", g.str("project")}, field{"acronym", g.str(fmt.Sprintf("P%d", i))},
			field{"during", g.str(fmt.Sprintf("%d/%d", 2000+g.rnd.IntN(15), 2015+g.rnd.IntN(10)))})
		var parts []string
		for k := 0; k < 2; k++ {
			if j := g.pick("organization", i); j >= 0 {
				role := "partner"
				if k == 0 {
					role = "coordinator"
				}
				parts = append(parts, g.obj(field{"member", g.str(idOf(j))}, field{"role", g.str(role)}))
			}
		}
		if len(parts) > 0 {
			fs = append(fs, field{"participants", g.list(parts...)})
		}
		if j := g.pick("organization", i); j >= 0 {
			fs = append(fs, field{"funding", g.list(g.obj(field{"funder", g.str(idOf(j))}, field{"programme", g.str("Horizon")},
				field{"year", strconv.Itoa(2010 + g.rnd.IntN(10))}, field{"share", g.str("part")},
				field{"amount", g.obj(field{"value", strconv.Itoa(10000 * (1 + g.rnd.IntN(500)))}, field{"unit", g.str("EUR")})}))})
		}
		fs = append(fs, field{"sources", src})
	case "event":
		y := 2000 + g.rnd.IntN(22)
		fs = append(fs, field{"name", g.str("General assembly " + cities[c] + " " + strconv.Itoa(y))},
			field{"type", g.str(evTypes[g.rnd.IntN(len(evTypes))])},
			field{"date", g.str(fmt.Sprintf("%d-%02d-%02d", y, 1+g.rnd.IntN(12), 1+g.rnd.IntN(28)))},
			field{"location", g.obj(field{"city", g.str(cities[c])}, field{"country", g.str(countries[c])})},
			field{"participant_count", g.obj(field{"value", strconv.Itoa(20 + g.rnd.IntN(200))}, field{"qualifier", g.str("more-than")})})
		if j := g.pick("organization", i); j >= 0 {
			fs = append(fs, field{"organizers", g.list(g.str(idOf(j)))})
		}
		fs = append(fs, field{"sources", src})
	case "place":
		fs = append(fs, field{"name", g.text("Hall of "+cities[c], "Sala di "+cities[c])}, field{"type", g.str("venue")},
			field{"country", g.str(countries[c])}, field{"address", g.str(strconv.Itoa(1+g.rnd.IntN(200)) + " Main Street")})
	case "membership":
		m, o := g.pick("person", i), g.pick("organization", i)
		if m < 0 || o < 0 {
			fs = []field{{"kind", g.str("place")}, {"id", g.str(id)}, {"name", g.str("Place " + id)}}
			break
		}
		fs = append(fs, field{"member", g.str(idOf(m))}, field{"organization", g.str(idOf(o))},
			field{"role", g.str(roles[g.rnd.IntN(len(roles))])}, field{"during", g.interval()})
	case "participation":
		// The agent is the organisation at the same place in this block
		// as the participation (each has its own), so no two top-level
		// participations are the same, however large the set: picked at
		// random, a few of ten million were.
		a, e := i-i%100+participationSlot(i), g.pick("event", i)
		if e < 0 {
			fs = []field{{"kind", g.str("place")}, {"id", g.str(id)}, {"name", g.str("Place " + id)}}
			break
		}
		fs = append(fs, field{"agent", g.str(idOf(a))}, field{"event", g.str(idOf(e))}, field{"role", g.str(pRoles[g.rnd.IntN(len(pRoles))])})
	}
	g.emit(fs)
}
