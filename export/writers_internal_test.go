package export

import (
	"bytes"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/model"
)

func lit(v, dt string) rdf.Literal { return rdf.NewTypedLiteral(v, mustIRI(dt)) }

func TestTurtleLiteralForms(t *testing.T) {
	enc := &turtleEncoder{prefixes: newPrefixMap(Prefixes())}
	lang := func(v, l string) rdf.Literal {
		x, err := rdf.NewLangLiteral(v, l)
		require.NoError(t, err)
		return x
	}
	for _, tc := range []struct {
		name string
		lit  rdf.Literal
		want string
	}{
		{"canonical integer is bare", lit("22990", NSXSD+"integer"), `22990`},
		{"negative integer is bare", lit("-3", NSXSD+"integer"), `-3`},
		{"zero is bare", lit("0", NSXSD+"integer"), `0`},
		{"leading zeros stay quoted", lit("007", NSXSD+"integer"), `"007"^^xsd:integer`},
		{"plus sign stays quoted", lit("+5", NSXSD+"integer"), `"+5"^^xsd:integer`},
		{"minus zero stays quoted", lit("-0", NSXSD+"integer"), `"-0"^^xsd:integer`},
		{"not a number stays quoted", lit("12 ", NSXSD+"integer"), `"12 "^^xsd:integer`},
		{"decimal with a point is bare", lit("-0.25", NSXSD+"decimal"), `-0.25`},
		{"decimal without a point would read as integer", lit("5", NSXSD+"decimal"), `"5"^^xsd:decimal`},
		{"decimal without digits after the point", lit("5.", NSXSD+"decimal"), `"5."^^xsd:decimal`},
		{"decimal without digits before the point", lit(".5", NSXSD+"decimal"), `".5"^^xsd:decimal`},
		{"double is never bare", lit("1e3", NSXSD+"double"), `"1e3"^^xsd:double`},
		{"true is bare", lit("true", NSXSD+"boolean"), `true`},
		{"1 as boolean stays quoted", lit("1", NSXSD+"boolean"), `"1"^^xsd:boolean`},
		{"gYear is prefixed", lit("2001", NSXSD+"gYear"), `"2001"^^xsd:gYear`},
		{"unknown datatype in full", lit("x", "https://example.org/dt#t"), `"x"^^<https://example.org/dt#t>`},
		{"plain string", lit("Regione Toscana", NSXSD+"string"), `"Regione Toscana"`},
		{"quotes and backslashes escaped", lit(`say "hi" \o/`, NSXSD+"string"), `"say \"hi\" \\o/"`},
		{"controls escaped", lit("a\x00b\x1fc\x7f\td", NSXSD+"string"), `"a\u0000b\u001Fc\u007F\td"`},
		{"line breaks make a long string", lit("one\ntwo", NSXSD+"string"), "\"\"\"one\ntwo\"\"\""},
		{"quotes in a long string are escaped", lit("\"\"\"\n\"", NSXSD+"string"), "\"\"\"\\\"\\\"\\\"\n\\\"\"\"\""},
		{"carriage returns are escaped", lit("a\r\nb", NSXSD+"string"), "\"\"\"a\\r\nb\"\"\""},
		{"invalid UTF-8 is replaced", lit("a\xffb", NSXSD+"string"), "\"a\uFFFDb\""},
		{"non-ASCII as is", lit("Val d’Orcia, città", NSXSD+"string"), `"Val d’Orcia, città"`},
		{"language tag", lang("Firenze", "it"), `"Firenze"@it`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := enc.appendLiteral(nil, tc.lit)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
		})
	}
}

func TestPrefixedNames(t *testing.T) {
	pm := newPrefixMap(append(Prefixes(), Prefix{"id", "https://data.example.org/net/id/"}))
	for _, tc := range []struct{ iri, want string }{
		{NSORG + "Membership", "org:Membership"},
		{"https://data.example.org/net/id/regione-toscana", "id:regione-toscana"},
		{"https://data.example.org/net/id/2008-summit", "id:2008-summit"},
		{"https://data.example.org/net/id/x#during", "<https://data.example.org/net/id/x#during>"},
		{"https://data.example.org/net/id/a.b", "id:a.b"},
		{"https://data.example.org/net/id/ends.", "<https://data.example.org/net/id/ends.>"},
		{"https://data.example.org/net/id/-dash", "<https://data.example.org/net/id/-dash>"},
		{"https://data.example.org/net/id/%41", "<https://data.example.org/net/id/%41>"},
		{"https://data.example.org/net/id/città", "<https://data.example.org/net/id/città>"},
		{"https://data.example.org/net/id/", "<https://data.example.org/net/id/>"},
		{"https://data.example.org/net/id/a/b", "<https://data.example.org/net/id/a/b>"},
		{"http://schema.org/Foo:bar", "<http://schema.org/Foo:bar>"},
		{"https://unknown.example/x", "<https://unknown.example/x>"},
	} {
		t.Run(tc.iri, func(t *testing.T) {
			got, err := pm.appendIRI(nil, tc.iri)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
		})
	}
}

func TestWritersRefuseInvalidTerms(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    rdf.Triple
		want string
	}{
		{"relative IRI", rdf.Triple{Subj: mustIRI("id/x"), Pred: pType.iriTerm, Obj: mustIRI(NSORG + "Organization")}, "not absolute"},
		{"bad language tag", rdf.Triple{Subj: mustIRI("https://x.example/a"), Pred: pName.iriTerm, Obj: langOrPanic("x", "en--x")}, "language tag"},
		{"bad blank label", rdf.Triple{Subj: blankOrPanic("a.b"), Pred: pName.iriTerm, Obj: lit("x", NSXSD+"string")}, "blank node label"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := appendNTriple(nil, tc.t)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			err = WriteTurtleGraph(io.Discard, []rdf.Triple{tc.t})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// langOrPanic makes a literal with any tag, even a malformed one, the way
// a decoder would.
func langOrPanic(v, tag string) rdf.Literal {
	line := `<http://x/> <http://x/> "` + v + `"@` + tag + " .\n"
	tr, err := rdf.NewTripleDecoder(strings.NewReader(line), rdf.NTriples).Decode()
	if err != nil {
		panic(err)
	}
	return tr.Obj.(rdf.Literal)
}

func blankOrPanic(label string) rdf.Blank {
	b, err := rdf.NewBlank(label)
	if err != nil {
		panic(err)
	}
	return b
}

func TestWriteTurtleGraphBlankNodes(t *testing.T) {
	iri := func(s string) rdf.IRI { return mustIRI("https://x.example/" + s) }
	str := func(s string) rdf.Literal { return lit(s, NSXSD+"string") }
	first, rest, nilList := mustIRI(NSRDF+"first"), mustIRI(NSRDF+"rest"), mustIRI(NSRDF+"nil")
	shared, once, empty := blankOrPanic("shared"), blankOrPanic("once"), blankOrPanic("empty")
	c1, c2 := blankOrPanic("c1"), blankOrPanic("c2")
	l1, l2 := blankOrPanic("l1"), blankOrPanic("l2")
	triples := []rdf.Triple{
		{Subj: iri("a"), Pred: iri("p"), Obj: shared},
		{Subj: iri("b"), Pred: iri("p"), Obj: shared},
		{Subj: shared, Pred: iri("name"), Obj: str("shared by two")},
		{Subj: iri("a"), Pred: iri("q"), Obj: once},
		{Subj: once, Pred: iri("name"), Obj: str("inline")},
		{Subj: once, Pred: iri("empty"), Obj: empty},
		{Subj: iri("a"), Pred: iri("list"), Obj: l1},
		{Subj: l1, Pred: first, Obj: str("x")},
		{Subj: l1, Pred: rest, Obj: l2},
		{Subj: l2, Pred: first, Obj: iri("y")},
		{Subj: l2, Pred: rest, Obj: nilList},
		{Subj: iri("a"), Pred: iri("list"), Obj: nilList},
		// A cycle of nodes each referenced once, reachable from nowhere.
		{Subj: c1, Pred: iri("next"), Obj: c2},
		{Subj: c2, Pred: iri("next"), Obj: c1},
		{Subj: iri("a"), Pred: iri("q"), Obj: once}, // a duplicate, written once
	}
	var buf bytes.Buffer
	require.NoError(t, WriteTurtleGraph(&buf, triples))
	out := buf.String()
	assert.Contains(t, out, `( "x" <https://x.example/y> )`)
	assert.Contains(t, out, "[]")
	assert.Contains(t, out, "_:shared")
	assert.NotContains(t, out, "_:once")
	assert.Contains(t, out, "_:c1")

	// Read back, the graph has the same shape: compare with blank nodes
	// named by what they hold.
	dec := rdf.NewTripleDecoder(strings.NewReader(out), rdf.Turtle)
	got, err := dec.DecodeAll()
	require.NoError(t, err, out)
	assert.Equal(t, len(triples)-1, len(got), out)
	if rapper, err := exec.LookPath("rapper"); err == nil {
		cmd := exec.Command(rapper, "-i", "turtle", "-c", "-I", "https://x.example/", "-")
		cmd.Stdin = strings.NewReader(out)
		res, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s\n%s", res, out)
		assert.Contains(t, string(res), "returned 14 triples")
	}
}

// testNode builds one subject in an emitter, as the mapping would.
func testNode(pos ...any) (*emitter, *node) {
	e := &emitter{}
	e.reset(iriObj("https://x.example/s"))
	for i := 0; i < len(pos); i += 2 {
		e.add(mainNode, pos[i].(*vocabTerm), pos[i+1].(obj))
	}
	n := &e.nodes[mainNode]
	slices.SortFunc(n.ts, func(a, b otriple) int { return e.compareOTriples(&a, &b) })
	return e, n
}

func TestJSONLDValueForms(t *testing.T) {
	node := func(pos ...any) string {
		e, n := testNode(pos...)
		var j jsonldNodes
		b, err := j.appendNode(nil, e, n)
		require.NoError(t, err)
		return string(b)
	}
	en := obj{kind: oLiteral, s: "Florence", lang: "en"}

	got := node(pName, en, pName, literal("Firenze", nil))
	assert.Contains(t, got, `"name": {"@none": "Firenze", "en": "Florence"}`, "a string without a language is @none")

	got = node(pName, en, pName, literal("1", datatypeInteger))
	assert.Contains(t, got, `"http://schema.org/name": [{"@value": "1", "@type": "xsd:integer"}, {"@value": "Florence", "@language": "en"}]`,
		"a value a language map cannot hold makes the key the property's IRI")

	got = node(pURL, literal("ftp://x", datatypeAnyURI), pURL, iriObj("https://x.example/"))
	assert.Contains(t, got, `"url": ["https://x.example/", {"@value": "ftp://x", "@type": "xsd:anyURI"}]`,
		"an @id term holds a literal as a value object")

	got = node(pDate, literal("2009", datatypeGYear), pStartDate, literal("2009-01-02", datatypeDate), pStartDate, literal("2009", datatypeGYear))
	assert.Contains(t, got, `"date": {"@value": "2009", "@type": "xsd:gYear"}`)
	assert.Contains(t, got, `"startDate": [{"@value": "2009", "@type": "xsd:gYear"}, "2009-01-02"]`, "only the term's datatype is a bare string")

	got = node(pOngoing, litTrue, pEmail, literal("a\"b\n", nil), pType, cPlace, pType, cCity)
	assert.Contains(t, got, `"ongoing": true`)
	assert.Contains(t, got, `"email": "a\"b\n"`)
	assert.Contains(t, got, `"type": ["schema:City", "schema:Place"]`)
}

// Every predicate the mapping uses has a term in the context.
func TestContextHasATermForEveryPredicate(t *testing.T) {
	var missing []string
	for _, p := range []*vocabTerm{pPrefLabel, pAltLabel, pInScheme, pDescription, pTitle, pSubject, pSpatial, pDCType, pDate,
		pGivenName, pFamilyName, pClassification, pUnitOf, pHasUnit, pSubOrganizationOf, pHasSubOrganization, pMemberOf,
		pHasMember, pOrgMember, pOrgOrganization, pOrgRole, pMemberDuring, pTimeHasTime, pTimeHasBeginning, pTimeHasEnd,
		pTimeInXSDgYear, pTimeInXSDgYearMonth, pTimeInXSDDate, pName, pURL, pEmail, pSubjectOf, pIdentifier, pPropertyID,
		pValue, pSameAs, pAreaServed, pLocation, pContainedInPlace, pContainsPlace, pAddress, pStreetAddress,
		pAddressLocality, pAddressCountry, pFunding, pFunder, pAmount, pCurrency, pUnitCode, pUnitText, pStartDate,
		pEndDate, pSuperEvent, pSubEvent, pOrganizer, pAttendee, pPerformer, pLicense, pPublisher, pDatePublished,
		pApproximate, pUncertain, pOngoing, pEDTF, pPopulation, pArea, pCapital, pUnescoInscribed, pOperatedBy,
		pQuantity, pShare, pEdition, pProject, pParticipantCount, pParticipantGroup, pAgent, pEvent, pRole, pQualifier,
		pRetrieved} {
		if jsonldTerms.byIRI[p.iri] == nil {
			missing = append(missing, p.iri)
		}
	}
	assert.Empty(t, missing)
	for _, p := range vocabPrefixes {
		assert.Equal(t, p.Name, jsonldTerms.prefixes[p.Namespace], "context.jsonld defines the prefix %s", p.Name)
	}
}

// Fragments of list items derive from the items' content: reordering a
// list changes no IRI.
func TestFragmentsDoNotDependOnListOrder(t *testing.T) {
	build := func(reverse bool) []string {
		fs := []*model.Funding{
			{Funder: "ec", Programme: "CIP", Year: 2009, Share: "part"},
			{Funder: "ec", Programme: "FP7", Year: 2009, Share: "full"},
			{Funder: "region", Year: 2010},
		}
		qs := []*model.NamedQuantity{{Name: "projects", Quantity: model.Quantity{Value: "50"}}, {Name: "Projects!", Quantity: model.Quantity{Value: "7"}}}
		if reverse {
			fs[0], fs[2] = fs[2], fs[0]
			qs[0], qs[1] = qs[1], qs[0]
		}
		ds := model.NewDataset(model.DatasetInfo{Base: "https://x.example/"})
		ds.Add(&model.Project{Common: model.Common{ID: "p", Name: model.Plain("P")}, Funding: fs, Quantities: qs})
		m, err := NewMapper(ds)
		require.NoError(t, err)
		var subjects []string
		require.NoError(t, m.EachSubject(func(s rdf.Subject, _ []rdf.Triple) error {
			subjects = append(subjects, s.String())
			return nil
		}))
		return subjects
	}
	got := build(false)
	assert.Equal(t, got, build(true))
	assert.Contains(t, got, "https://x.example/id/p#funding-region-2010")
	assert.Contains(t, got, "https://x.example/id/p#quantity-projects-"+shortHash("projects\x1f50\x1f\x1fexact\x1f"))
	n := 0
	for _, s := range got {
		if strings.HasPrefix(s, "https://x.example/id/p#funding-ec-2009-") {
			n++
		}
	}
	assert.Equal(t, 2, n, "two grants of one funder in one year get a content hash each: %v", got)
}

type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWritersReportWriteErrors(t *testing.T) {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://x.example/"})
	for i := range 2000 {
		ds.Add(&model.Organization{Common: model.Common{ID: "org-" + strings.Repeat("x", i%50) + string(rune('a'+i%26)) + "-" + itoa(i), Name: model.Plain("Organisation")}})
	}
	for _, tc := range []struct {
		name  string
		write func(w io.Writer) error
	}{
		{"nt", func(w io.Writer) error { x := NewNTriplesWriter(w); return errors.Join(x.Write(ds), x.Close()) }},
		{"ttl", func(w io.Writer) error { x := NewTurtleWriter(w); return errors.Join(x.Write(ds), x.Close()) }},
		{"jsonld", func(w io.Writer) error { x := NewJSONLDWriter(w); return errors.Join(x.Write(ds), x.Close()) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.write(&failAfter{n: 100 << 10})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "disk full")
		})
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
