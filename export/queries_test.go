package export_test

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/export/ntriples"
	knakk "github.com/knakk/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The questions of issue 5 that a user would put to the dump of the
// examples, answered from dataset.nt as read back by knakk/rdf, walking
// the triples the way a SPARQL query would.

const (
	exBase   = "https://data.example.org/net/"
	nsORG    = "http://www.w3.org/ns/org#"
	nsTime   = "http://www.w3.org/2006/time#"
	nsSchema = "http://schema.org/"
	nsSKOS   = "http://www.w3.org/2004/02/skos/core#"
	nsCivic  = "https://w3id.org/civicnet/ns#"
	rdfType  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
)

// tripleIndex is a small in-memory triple store: objects by subject and
// predicate, subjects by predicate and object.
type tripleIndex struct {
	out map[[2]string][]knakk.Term
	in  map[[2]string][]string
}

func exampleIndex(t *testing.T) *tripleIndex {
	t.Helper()
	var nt bytes.Buffer
	w := ntriples.NewWriter(&nt)
	require.NoError(t, w.Write(exporttest.Examples(t)))
	require.NoError(t, w.Close())
	g := &tripleIndex{out: map[[2]string][]knakk.Term{}, in: map[[2]string][]string{}}
	dec := knakk.NewTripleDecoder(&nt, knakk.NTriples)
	for {
		tr, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		s, p := tr.Subj.String(), tr.Pred.String()
		g.out[[2]string{s, p}] = append(g.out[[2]string{s, p}], tr.Obj)
		if o, ok := tr.Obj.(knakk.IRI); ok {
			g.in[[2]string{p, o.String()}] = append(g.in[[2]string{p, o.String()}], s)
		}
	}
	return g
}

func (g *tripleIndex) objects(s, p string) []knakk.Term { return g.out[[2]string{s, p}] }

// object returns the one object's string, or "".
func (g *tripleIndex) object(s, p string) string {
	if os := g.objects(s, p); len(os) > 0 {
		return os[0].String()
	}
	return ""
}

func (g *tripleIndex) subjects(p, o string) []string { return g.in[[2]string{p, o}] }

func (g *tripleIndex) is(s, class string) bool {
	return slices.ContainsFunc(g.objects(s, rdfType), func(o knakk.Term) bool { return o.String() == class })
}

// label returns the English skos:prefLabel of s, else its label without
// a language (a proper name is tagged only with a language the record
// gives for it).
func (g *tripleIndex) label(s string) string {
	plain := ""
	for _, o := range g.objects(s, nsSKOS+"prefLabel") {
		if l, ok := o.(knakk.Literal); ok {
			switch l.Lang() {
			case "en":
				return l.String()
			case "":
				plain = l.String()
			}
		}
	}
	return plain
}

// since returns the beginning of a node's interval (linked by p), as
// written: a year, a month or a day.
func (g *tripleIndex) since(s, p string) string {
	start := g.object(g.object(s, p), nsTime+"hasBeginning")
	for _, prop := range []string{"inXSDgYear", "inXSDgYearMonth", "inXSDDate"} {
		if v := g.object(start, nsTime+prop); v != "" {
			return v
		}
	}
	return ""
}

// Which organisations is Regione Toscana a member of, and since when?
func TestQueryMembershipsOfRegioneToscana(t *testing.T) {
	g := exampleIndex(t)
	got := map[string]string{}
	for _, m := range g.subjects(nsORG+"member", exBase+"id/regione-toscana") {
		o := g.object(m, nsORG+"organization")
		if !g.is(m, nsORG+"Membership") || !g.is(o, nsORG+"Organization") {
			continue // projects are collaborations, not organisations
		}
		got[g.label(o)] = g.since(m, nsORG+"memberDuring")
	}
	assert.Equal(t, map[string]string{
		"European Forum for Urban Security":                           "2001",
		"Italian Forum for Urban Security":                            "2001",
		"Executive Committee of the Italian Forum for Urban Security": "2008",
		"Communication and safety":                                    "2005",
		"Local safety audit":                                          "2003",
	}, got)
	// The shortcut says the same in one triple.
	var memberOf []string
	for _, o := range g.objects(exBase+"id/regione-toscana", nsORG+"memberOf") {
		if g.is(o.String(), nsORG+"Organization") {
			memberOf = append(memberOf, g.label(o.String()))
		}
	}
	assert.ElementsMatch(t, keys(got), memberOf)
}

// Who coordinated which project, in which year?
func TestQueryCoordinators(t *testing.T) {
	g := exampleIndex(t)
	var got []string
	for _, m := range g.subjects(nsORG+"role", exBase+"roles/coordinator") {
		project := g.object(m, nsORG+"organization")
		require.True(t, g.is(project, nsCivic+"Project"), "%s is a project", project)
		got = append(got, g.label(g.object(m, nsORG+"member"))+" | "+g.label(project)+" | "+g.since(m, nsORG+"memberDuring"))
	}
	assert.Equal(t, []string{"Tuscany Region | UrbAL: Urban security: training and practices | 2006"}, got)
	assert.Equal(t, "coordinator", g.label(exBase+"roles/coordinator"))
}

// Every event in Brussels, with its date.
func TestQueryEventsInBrussels(t *testing.T) {
	g := exampleIndex(t)
	var brussels []string
	for _, s := range g.subjects(rdfType, nsSchema+"City") {
		if g.label(s) == "Brussels" {
			brussels = append(brussels, s)
		}
	}
	require.Len(t, brussels, 1, "the three Brussels events share one city node")
	// An event is in Brussels when its location is the city or a place in
	// it (the European Parliament).
	places := append([]string{brussels[0]}, g.subjects(nsSchema+"containedInPlace", brussels[0])...)
	got := map[string]string{}
	for _, p := range places {
		for _, e := range g.subjects(nsSchema+"location", p) {
			got[g.label(e)] = g.object(e, nsSchema+"startDate")
		}
	}
	assert.Equal(t, map[string]string{
		"General Assembly Brussels":                   "2006-05-05",
		"Towards a European framework for Prevention": "2006-02-23",
		"General assembly Brussels":                   "2004-05-10",
	}, got)
	assert.Equal(t, []string{exBase + "id/regione-toscana"}, objectStrings(g.objects(g.subjects(nsSchema+"location", places[1])[0], nsSchema+"attendee")),
		"Regione Toscana attended the meeting at the European Parliament")
}

// Who took part in the PACTESUR workshop in Torino (and the round table
// held on its sidelines), in which role, with which affiliations?
func TestQueryTorinoWorkshopParticipants(t *testing.T) {
	g := exampleIndex(t)
	events := g.subjects(nsCivic+"project", exBase+"id/pactesur")
	require.Len(t, events, 2)
	got := map[string]string{}
	for _, e := range events {
		for _, p := range g.subjects(nsCivic+"event", e) {
			agent := g.object(p, nsCivic+"agent")
			var affiliations []string
			for _, o := range g.objects(agent, nsORG+"memberOf") {
				affiliations = append(affiliations, g.label(o.String()))
			}
			sort.Strings(affiliations)
			got[g.label(agent)] = g.label(g.object(p, nsCivic+"role")) + " | " + strings.Join(affiliations, ", ")
		}
	}
	assert.Equal(t, map[string]string{
		"City of Torino":       "organizer | ",
		"ANCI Piedmont":        "organizer | ",
		"Edoardo Mattiello":    "expert | ANCI Piedmont",
		"Maria Chiara Ciferri": "expert | ANCI",
		"Gian Guido Nobili":    "expert | Italian Forum for Urban Security",
		"Umberto Nicolini":     "expert | Urban Quality and Safety Laboratory",
		"Isabella Abrate":      "expert | European Forum for Urban Security",
		"Luca Guglielminetti":  "expert | City of Torino, Table on the Contrast to Radicalization",
		"Marco Filippi":        "expert | ",
		"Emiliano Bezzon":      "attendee | Turin Municipal Police",
		"Gianfranco Todesco":   "attendee | Technological Investigation Department",
	}, got)
	// The workshop was held at Palazzo Cisterna, in Torino.
	workshop := exBase + "id/pactesur-torino-workshop"
	venue := g.object(workshop, nsSchema+"location")
	assert.Equal(t, "Palazzo Cisterna", g.label(venue))
	assert.Equal(t, "Turin", g.label(g.object(venue, nsSchema+"containedInPlace")))
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func objectStrings(ts []knakk.Term) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.String())
	}
	return out
}
